'use client';

import { Ban, OctagonX } from 'lucide-react';
import { useState, useTransition } from 'react';
import {
  markRunFailedAction,
  stopRunAction,
  type RunRef,
} from '@/app/(app)/[entity]/[project]/runs/[run]/actions';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { ConfirmDialog } from '../ui/confirm-dialog';

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
      <ConfirmDialog
        open={open !== null}
        onClose={() => {
          setOpen(null);
          setError(null);
        }}
        title={open && copy[open].title}
        description={open && copy[open].body}
        error={error && <Alert tone="error">{error}</Alert>}
        confirmLabel={open && copy[open].confirm}
        pending={pending}
        onConfirm={() => open && confirm(open)}
      />
    </div>
  );
}
