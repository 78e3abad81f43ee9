'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { CustomRoleForm, type EditableRole } from './custom-role-form';

/** "Edit" on a role's row: the role editor in a modal dialog, fresh each time it opens. */
export function EditCustomRoleButton({ teamName, role }: { teamName: string; role: EditableRole }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  // A new form per opening: what was typed and not saved is dropped on cancel.
  const [opening, setOpening] = useState(0);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

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
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        onClose={() => setOpen(false)}
        className="m-auto max-h-[calc(100%-2rem)] w-[calc(100%-2rem)] max-w-3xl overflow-y-auto rounded-xl border border-zinc-200 bg-white p-0 text-left text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
      >
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
      </dialog>
    </>
  );
}
