'use client';

import { BookMarked } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { linkToRegistryAction } from '@/app/(app)/teams/[team]/registry/actions';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';
import { inputClass } from '../ui/field';
import { ModalDialog } from '../ui/modal-dialog';

/**
 * "Link to registry" on a model artifact's version page: pick a registered model of the same
 * user or team, or name a new one (registered in the same step). The server decides who may.
 */
export function LinkToRegistry({
  source,
  models,
}: {
  source: { entity: string; project: string; artifact: string; version: string };
  /** Registered models of the artifact's user or team. */
  models: string[];
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<'existing' | 'new'>(models.length ? 'existing' : 'new');
  const [existing, setExisting] = useState(models[0] ?? '');
  const [fresh, setFresh] = useState(source.artifact);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ model: string; message: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const registry = `/teams/${encodeURIComponent(source.entity)}/registry`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const model = (mode === 'new' ? fresh : existing).trim();
    if (!model) {
      setError(mode === 'new' ? 'Name the new registered model.' : 'Pick a registered model.');
      return;
    }
    setError(null);
    startTransition(async () => {
      const result = await linkToRegistryAction(source, model, mode === 'new');
      if (result.status === 'error') {
        setError(result.message);
        return;
      }
      setDone({ model, message: result.status === 'ok' ? (result.message ?? 'Linked.') : '' });
      router.refresh();
    });
  }

  function close() {
    setOpen(false);
    setError(null);
    setDone(null);
  }

  const radio = 'h-4 w-4 accent-brand-600';
  return (
    <>
      <Button
        type="button"
        variant="secondary"
        size="sm"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <BookMarked className="h-4 w-4" aria-hidden />
        Link to registry
      </Button>
      <ModalDialog
        open={open}
        onClose={close}
        title={`Link ${source.artifact}:${source.version} to the registry`}
        description={`It becomes the next version of a registered model of ${source.entity}; latest moves to it.`}
      >
        {done ? (
          <div className="space-y-4">
            <Alert tone="success">{done.message}</Alert>
            <div className="flex justify-end gap-2">
              <Button type="button" variant="secondary" size="sm" onClick={close}>
                Close
              </Button>
              <Link
                href={`${registry}/${encodeURIComponent(done.model)}`}
                className="inline-flex h-8 items-center rounded-md bg-brand-600 px-3 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
              >
                Open {done.model}
              </Link>
            </div>
          </div>
        ) : (
          <form onSubmit={submit} className="space-y-4">
            <fieldset className="space-y-3">
              <legend className="sr-only">Registered model</legend>
              <label className="flex items-center gap-2 text-sm font-medium">
                <input
                  type="radio"
                  name="mode"
                  className={radio}
                  checked={mode === 'existing'}
                  disabled={models.length === 0}
                  onChange={() => setMode('existing')}
                />
                An existing model
                {models.length === 0 && (
                  <span className="font-normal text-zinc-500 dark:text-zinc-400">
                    (none registered yet)
                  </span>
                )}
              </label>
              {mode === 'existing' && models.length > 0 && (
                <select
                  aria-label="Registered model"
                  value={existing}
                  onChange={(event) => setExisting(event.target.value)}
                  className={cn(inputClass, 'ml-6 w-[calc(100%-1.5rem)]')}
                >
                  {models.map((m) => (
                    <option key={m} value={m}>
                      {m}
                    </option>
                  ))}
                </select>
              )}
              <label className="flex items-center gap-2 text-sm font-medium">
                <input
                  type="radio"
                  name="mode"
                  className={radio}
                  checked={mode === 'new'}
                  onChange={() => setMode('new')}
                />
                A new registered model
              </label>
              {mode === 'new' && (
                <input
                  aria-label="New model name"
                  value={fresh}
                  maxLength={128}
                  onChange={(event) => setFresh(event.target.value)}
                  className={cn(inputClass, 'ml-6 w-[calc(100%-1.5rem)] font-mono')}
                />
              )}
            </fieldset>
            {error && <Alert tone="error">{error}</Alert>}
            <div className="flex justify-end gap-2">
              <Button type="button" variant="secondary" size="sm" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" size="sm" pending={pending}>
                Link version
              </Button>
            </div>
          </form>
        )}
      </ModalDialog>
    </>
  );
}
