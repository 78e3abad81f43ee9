'use client';

import { useState } from 'react';
import { deleteTeamAction } from '@/app/(app)/admin/actions';
import { FormMessage } from '@/components/settings/form-message';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ConfirmNameField } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';

/**
 * Deleting a team takes its projects and runs with it, so the dialog asks for the team's
 * name before its button wakes up (a guard against slips; the server decides who may).
 */
export function DeleteTeamButton({ teamName }: { teamName: string }) {
  const { state, dispatch, pending, onSubmit } = useFormAction(deleteTeamAction);
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');

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
      {/* Its content is rendered only while open: one confirmation field on the page at a time. */}
      <ConfirmDialog
        open={open}
        onClose={() => {
          setOpen(false);
          setTyped('');
        }}
        title={`Delete ${teamName}?`}
        description={
          <>
            The team, its members&apos; access, its projects, runs and settings are deleted for
            good. This can&apos;t be undone.
          </>
        }
        error={state.status === 'error' && <FormMessage state={state} />}
        confirmLabel="Delete team"
        pending={pending}
        confirmDisabled={typed.trim() !== teamName}
        result={state}
        form={{ action: dispatch, onSubmit }}
      >
        <input type="hidden" name="team" value={teamName} />
        <ConfirmNameField
          label="Type the team's name to confirm"
          expected={teamName}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
      </ConfirmDialog>
    </>
  );
}
