'use client';

import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { DialogShell } from '@/components/ui/modal-dialog';
import { CustomRoleForm, type EditableRole } from './custom-role-form';

/** "Edit" on a role's row: the role editor in a modal dialog, fresh each time it opens. */
export function EditCustomRoleButton({ teamName, role }: { teamName: string; role: EditableRole }) {
  const [open, setOpen] = useState(false);
  // A new form per opening: what was typed and not saved is dropped on cancel.
  const [opening, setOpening] = useState(0);
  const titleId = useId();

  return (
    <>
      <Button
        type="button"
        variant="secondary"
        size="sm"
        aria-haspopup="dialog"
        aria-label={`Edit ${role.name}`}
        onClick={() => {
          setOpening((n) => n + 1);
          setOpen(true);
        }}
      >
        Edit
      </Button>
      <DialogShell open={open} onClose={() => setOpen(false)} labelledBy={titleId} width="3xl">
        <div className="border-b border-zinc-200 px-6 py-4 dark:border-zinc-800">
          <h2 id={titleId} className="text-base font-semibold">
            Edit “{role.name}”
          </h2>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Everyone holding this role gets the change at once, in every team of the organization.
          </p>
        </div>
        <div className="px-6 py-5">
          {open && (
            <CustomRoleForm
              key={opening}
              teamName={teamName}
              role={role}
              onSaved={() => setOpen(false)}
              onCancel={() => setOpen(false)}
            />
          )}
        </div>
      </DialogShell>
    </>
  );
}
