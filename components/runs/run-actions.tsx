'use client';

import { Ban, OctagonX } from 'lucide-react';
import { useEffect, useId, useRef, useState, useTransition } from 'react';
import {
  markRunFailedAction,
  stopRunAction,
  type RunRef,
} from '@/app/(app)/[entity]/[project]/runs/[run]/actions';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

type Kind = 'stop' | 'fail';

const copy: Record<Kind, { title: string; body: string; confirm: string }> = {
  stop: {
    title: 'Stop this run?',
    body: 'The run is marked killed. The program learns it on its next upload and ends; data it already sent is kept.',
    confirm: 'Stop run',
  },
  fail: {
    title: 'Mark this run as failed?',
    body: 'Use this for a run that will not come back (for example, a crashed machine). Its data is kept.',
    confirm: 'Mark as failed',
  },
};

/**
 * Stop and mark-as-failed, shown only when the catalog allows stopping this run and its
 * state allows the action; each asks for confirmation first.
 */
export function RunActions({
  run,
  state,
  canStop,
}: {
  run: RunRef;
  state: string;
  canStop: boolean;
}) {
  const [open, setOpen] = useState<Kind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const active = state === 'RUNNING' || state === 'CRASHED';
  if (!canStop || !active) return null;

  function confirm(kind: Kind) {
    startTransition(async () => {
      const result = await (kind === 'stop' ? stopRunAction(run) : markRunFailedAction(run));
      if (result.status === 'error') setError(result.message);
      else setOpen(null);
    });
  }

  return (
    <div className="flex gap-2">
      {state === 'RUNNING' && (
        <Button
          type="button"
          variant="secondary"
          size="sm"
          aria-haspopup="dialog"
          onClick={() => setOpen('stop')}
        >
          <OctagonX className="h-4 w-4" aria-hidden />
          Stop run
        </Button>
      )}
      <Button
        type="button"
        variant="secondary"
        size="sm"
        aria-haspopup="dialog"
        onClick={() => setOpen('fail')}
      >
        <Ban className="h-4 w-4" aria-hidden />
        Mark as failed
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        onClose={() => {
          setOpen(null);
          setError(null);
        }}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl border border-zinc-200 bg-white p-0 text-left text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {open && (
          <div>
            <div className="space-y-3 px-6 py-5">
              <h2 id={titleId} className="text-base font-semibold">
                {copy[open].title}
              </h2>
              <p id={bodyId} className="text-sm text-zinc-600 dark:text-zinc-400">
                {copy[open].body}
              </p>
              {error && <Alert tone="error">{error}</Alert>}
            </div>
            <div className="flex justify-end gap-3 border-t border-zinc-200 bg-zinc-50 px-6 py-3 dark:border-zinc-800 dark:bg-zinc-900/60">
              <Button type="button" variant="secondary" onClick={() => setOpen(null)} autoFocus>
                Cancel
              </Button>
              <Button
                type="button"
                variant="danger"
                pending={pending}
                onClick={() => confirm(open)}
              >
                {copy[open].confirm}
              </Button>
            </div>
          </div>
        )}
      </dialog>
    </div>
  );
}
