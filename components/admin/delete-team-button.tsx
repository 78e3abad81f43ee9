'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { deleteTeamAction } from '@/app/(app)/admin/actions';
import { FormMessage } from '@/components/settings/form-message';
import { Button } from '@/components/ui/button';
import { InputField } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';

/**
 * Deleting a team takes its projects and runs with it, so the dialog asks for the team's
 * name before its button wakes up (a guard against slips; the server decides who may).
 */
export function DeleteTeamButton({ teamName }: { teamName: string }) {
  const { state, dispatch, pending, onSubmit } = useFormAction(deleteTeamAction);
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  useEffect(() => {
    if (state.status === 'ok') dialogRef.current?.close();
  }, [state]);

  return (
    <>
      <Button
        type="button"
        variant="ghost"
        size="sm"
        aria-label={`Delete ${teamName}`}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        Delete
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        onClose={() => {
          setOpen(false);
          setTyped('');
        }}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl border border-zinc-200 bg-white p-0 text-left text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {/* Rendered only while open: one confirmation field on the page at a time. */}
        {open && (
          <form action={dispatch} onSubmit={onSubmit}>
            <input type="hidden" name="team" value={teamName} />
            <div className="space-y-4 px-6 py-5">
              <h2 id={titleId} className="text-base font-semibold">
                Delete {teamName}?
              </h2>
              <p id={descriptionId} className="text-sm text-zinc-600 dark:text-zinc-400">
                The team, its members&apos; access, its projects, runs and settings are deleted for
                good. This can&apos;t be undone.
              </p>
              {state.status === 'error' && <FormMessage state={state} />}
              <InputField
                label="Type the team's name to confirm"
                autoComplete="off"
                autoCapitalize="off"
                spellCheck={false}
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
                hint={
                  <>
                    Type <strong className="font-mono">{teamName}</strong> to enable the button.
                  </>
                }
              />
            </div>
            <div className="flex justify-end gap-3 border-t border-zinc-200 bg-zinc-50 px-6 py-3 dark:border-zinc-800 dark:bg-zinc-900/60">
              <Button type="button" variant="secondary" onClick={() => setOpen(false)} autoFocus>
                Cancel
              </Button>
              <Button
                type="submit"
                variant="danger"
                pending={pending}
                disabled={typed.trim() !== teamName}
              >
                Delete team
              </Button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}
