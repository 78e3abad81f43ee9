'use client';

import { Lock, LockOpen, Plus, X } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import {
  removeArtifactAliasAction,
  setArtifactAliasAction,
  type ArtifactPageRef,
} from '@/app/(app)/[entity]/[project]/artifacts/actions';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { inputClass } from '../ui/field';

export interface AliasChip {
  alias: string;
  protected: boolean;
}

const adminsOnly = 'Only registry admins protect, unprotect, move or remove protected aliases';

/**
 * The aliases of one version: chips, with add / move here / remove for viewers who may edit
 * aliases, and a lock that registry admins turn on and off (others see it disabled, with the
 * reason). Protected aliases are the registry admins' — the server decides and its message
 * is shown as it is. `latest` belongs to the server (it follows the newest version).
 */
export function ArtifactAliasEditor({
  artifact,
  version,
  aliases,
  elsewhere,
  canEdit,
  canProtect,
}: {
  artifact: ArtifactPageRef;
  version: string;
  aliases: AliasChip[];
  /** Aliases on other versions, by name → version, so adding one says it moves. */
  elsewhere: Record<string, string>;
  canEdit: boolean;
  /** Registry admins: protect and unprotect. */
  canProtect: boolean;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const name = draft.trim();
  const movesFrom = name ? elsewhere[name] : undefined;

  function run(work: () => ReturnType<typeof setArtifactAliasAction>, after?: () => void) {
    setError(null);
    startTransition(async () => {
      const result = await work();
      if (result.status === 'error') {
        setError(result.message);
        return;
      }
      after?.();
      router.refresh();
    });
  }

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name) {
      setError('Type the alias to add, e.g. best or production.');
      return;
    }
    run(
      () => setArtifactAliasAction(artifact, name, version),
      () => setDraft(''),
    );
  }

  return (
    <div className="space-y-3">
      <ul aria-label={`Aliases of ${version}`} className="flex flex-wrap gap-1.5">
        {aliases.length === 0 && (
          <li className="text-sm text-zinc-500 dark:text-zinc-400">No aliases.</li>
        )}
        {aliases.map((a) => {
          const editable = canEdit && a.alias !== 'latest';
          const locked = a.protected && !canProtect;
          return (
            <li
              key={a.alias}
              title={a.protected ? 'Protected: only registry admins change it' : undefined}
              className="inline-flex items-center gap-1 rounded-full border border-zinc-200 py-0.5 pr-1 pl-1.5 font-mono text-xs text-zinc-700 dark:border-zinc-700 dark:text-zinc-300"
            >
              {editable ? (
                <span title={canProtect ? undefined : adminsOnly} className="inline-flex">
                  <button
                    type="button"
                    disabled={pending || !canProtect}
                    aria-pressed={a.protected}
                    onClick={() =>
                      run(() => setArtifactAliasAction(artifact, a.alias, version, !a.protected))
                    }
                    aria-label={
                      canProtect
                        ? `${a.protected ? 'Unprotect' : 'Protect'} alias ${a.alias}`
                        : `${a.protected ? 'Unprotect' : 'Protect'} alias ${a.alias} (registry admins only)`
                    }
                    className={
                      a.protected
                        ? 'rounded-full p-0.5 text-amber-600 hover:bg-amber-50 disabled:cursor-not-allowed disabled:hover:bg-transparent dark:text-amber-400 dark:hover:bg-amber-950/40'
                        : 'rounded-full p-0.5 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-900 disabled:cursor-not-allowed disabled:opacity-50 disabled:hover:bg-transparent dark:hover:bg-zinc-800 dark:hover:text-zinc-100'
                    }
                  >
                    {a.protected ? (
                      <Lock className="h-3 w-3" aria-hidden />
                    ) : (
                      <LockOpen className="h-3 w-3" aria-hidden />
                    )}
                  </button>
                </span>
              ) : (
                a.protected && (
                  <Lock
                    className="ml-1 h-3 w-3 text-amber-600 dark:text-amber-400"
                    aria-label="protected"
                  />
                )
              )}
              <span className={editable ? '' : 'pr-1.5'}>{a.alias}</span>
              {editable && (
                <span title={locked ? adminsOnly : undefined} className="inline-flex">
                  <button
                    type="button"
                    disabled={pending || locked}
                    onClick={() => run(() => removeArtifactAliasAction(artifact, a.alias))}
                    aria-label={`Remove alias ${a.alias}`}
                    className="rounded-full p-0.5 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-900 disabled:cursor-not-allowed disabled:opacity-40 disabled:hover:bg-transparent dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
                  >
                    <X className="h-3 w-3" aria-hidden />
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {canEdit && (
        <form onSubmit={add} className="space-y-1.5">
          <div className="flex gap-2">
            <input
              aria-label="New alias"
              placeholder="best, production, …"
              value={draft}
              maxLength={128}
              onChange={(event) => {
                setDraft(event.target.value);
                setError(null);
              }}
              className={`${inputClass} h-8 py-0 font-mono text-xs`}
            />
            <Button
              type="submit"
              variant="secondary"
              size="sm"
              pending={pending}
              className="shrink-0 whitespace-nowrap"
            >
              <Plus className="h-4 w-4" aria-hidden />
              {movesFrom ? 'Move here' : 'Add alias'}
            </Button>
          </div>
          {movesFrom && (
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              “{name}” is on {movesFrom} now; it moves to {version}.
            </p>
          )}
        </form>
      )}
      {canEdit && !canProtect && aliases.some((a) => a.protected) && (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          <Lock className="mr-1 inline h-3 w-3 align-[-2px]" aria-hidden />
          Protected aliases are the registry admins’ to move or remove.
        </p>
      )}
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}
