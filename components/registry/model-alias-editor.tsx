'use client';

import { Lock, LockOpen, X } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import {
  removeModelAliasAction,
  setModelAliasAction,
  type RegisteredModelRef,
} from '@/app/(app)/teams/[team]/registry/actions';
import type { ActionState } from '@/lib/action-state';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';
import { inputClass } from '../ui/field';

const adminsOnly = 'Only registry admins protect, unprotect, move or remove protected aliases';

/**
 * A registered model's aliases: each with its version, a lock registry admins turn on and
 * off (others see it disabled with the reason) and remove; a form adds an alias to a version
 * or moves it there. The server decides — a refused move shows its message as it is.
 */
export function ModelAliasEditor({
  model,
  aliases,
  versions,
  canEdit,
  canProtect,
}: {
  model: RegisteredModelRef;
  aliases: { alias: string; protected: boolean; version: string }[];
  /** vN, newest first. */
  versions: string[];
  canEdit: boolean;
  canProtect: boolean;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState('');
  const [target, setTarget] = useState(versions[0] ?? '');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const name = draft.trim();
  const current = aliases.find((a) => a.alias === name);

  function run(work: () => Promise<ActionState>, done: string, after?: () => void) {
    setError(null);
    setNotice(null);
    startTransition(async () => {
      const result = await work();
      if (result.status === 'error') {
        setError(result.message);
        return;
      }
      setNotice(done);
      after?.();
      router.refresh();
    });
  }

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name) {
      setError('Type the alias to add, e.g. staging or production.');
      return;
    }
    run(
      () => setModelAliasAction(model, name, target),
      current ? `Moved ${name} to ${target}.` : `Added ${name} to ${target}.`,
      () => setDraft(''),
    );
  }

  return (
    <div className="space-y-4">
      <ul
        aria-label={`Aliases of ${model.model}`}
        className="divide-y divide-zinc-100 dark:divide-zinc-800"
      >
        {aliases.length === 0 && (
          <li className="py-1 text-sm text-zinc-500 dark:text-zinc-400">No aliases yet.</li>
        )}
        {aliases.map((a) => {
          const editable = canEdit && a.alias !== 'latest';
          const locked = a.protected && !canProtect;
          return (
            <li
              key={a.alias}
              aria-label={a.alias}
              className="flex flex-wrap items-center gap-x-2 gap-y-1 py-2"
            >
              <span className="font-mono text-sm whitespace-nowrap">
                {a.alias}
                <span className="text-zinc-400 dark:text-zinc-500"> → {a.version}</span>
              </span>
              {a.protected && (
                <span className="inline-flex items-center gap-1 rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-300">
                  <Lock className="h-3 w-3" aria-hidden />
                  Protected
                </span>
              )}
              <span className="ml-auto inline-flex items-center gap-1">
                {editable && (
                  <span title={canProtect ? undefined : adminsOnly} className="inline-flex">
                    <Button
                      type="button"
                      variant="ghost"
                      size="sm"
                      disabled={pending || !canProtect}
                      aria-pressed={a.protected}
                      aria-label={
                        canProtect
                          ? `${a.protected ? 'Unprotect' : 'Protect'} ${a.alias}`
                          : `${a.protected ? 'Unprotect' : 'Protect'} ${a.alias} (registry admins only)`
                      }
                      onClick={() =>
                        run(
                          () => setModelAliasAction(model, a.alias, a.version, !a.protected),
                          a.protected
                            ? `${a.alias} is no longer protected.`
                            : `${a.alias} is protected.`,
                        )
                      }
                      className="h-7 px-2 disabled:opacity-50"
                    >
                      {a.protected ? (
                        <LockOpen className="h-3.5 w-3.5" aria-hidden />
                      ) : (
                        <Lock className="h-3.5 w-3.5" aria-hidden />
                      )}
                      <span className="text-xs">{a.protected ? 'Unprotect' : 'Protect'}</span>
                    </Button>
                  </span>
                )}
                {editable && (
                  <span title={locked ? adminsOnly : undefined} className="inline-flex">
                    <button
                      type="button"
                      disabled={pending || locked}
                      onClick={() =>
                        run(() => removeModelAliasAction(model, a.alias), `Removed ${a.alias}.`)
                      }
                      aria-label={`Remove alias ${a.alias}`}
                      className="rounded-md p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-900 disabled:cursor-not-allowed disabled:opacity-40 disabled:hover:bg-transparent dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
                    >
                      <X className="h-3.5 w-3.5" aria-hidden />
                    </button>
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      {canEdit && versions.length > 0 && (
        <form onSubmit={add} className="space-y-2">
          <input
            aria-label="Alias"
            placeholder="staging, production, …"
            value={draft}
            maxLength={128}
            onChange={(event) => {
              setDraft(event.target.value);
              setError(null);
            }}
            className={cn(inputClass, 'h-8 py-0 font-mono text-xs')}
          />
          <div className="flex gap-2">
            <select
              aria-label="Version"
              value={target}
              onChange={(event) => setTarget(event.target.value)}
              className={cn(inputClass, 'h-8 w-28 py-0 font-mono text-xs')}
            >
              {versions.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
            <Button type="submit" variant="secondary" size="sm" pending={pending}>
              {current ? 'Move alias' : 'Add alias'}
            </Button>
          </div>
          {current && (
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              “{name}” is on {current.version} now; it moves to {target}.
              {current.protected &&
                !canProtect &&
                ' It is protected: only registry admins may move it.'}
            </p>
          )}
        </form>
      )}
      {error && <Alert tone="error">{error}</Alert>}
      {notice && !error && <Alert tone="success">{notice}</Alert>}
    </div>
  );
}
