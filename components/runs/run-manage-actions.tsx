'use client';

import { FolderInput, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import {
  deleteRunAction,
  moveRunAction,
  type RunRef,
} from '@/app/(app)/[entity]/[project]/runs/[run]/actions';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { FieldShell, inputClass } from '../ui/field';

type Kind = 'move' | 'delete';

/**
 * "Move to project…" and "Delete run" for the run page header, each shown only when the
 * catalog allows it (`run:move`, `run:delete`: members their own runs, admins any). Both
 * change the run's URL, so a success navigates: to the run in its new project, or to the
 * project the deleted run was in.
 */
export function RunManageActions({
  run,
  runName,
  canMove,
  canDelete,
  otherProjects,
}: {
  run: RunRef;
  runName: string;
  canMove: boolean;
  canDelete: boolean;
  /** The entity's other projects the viewer can see; the service checks logging rights. */
  otherProjects: string[];
}) {
  const router = useRouter();
  const [open, setOpen] = useState<Kind | null>(null);
  const [toProject, setToProject] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (!canMove && !canDelete) return null;

  function close() {
    setOpen(null);
    setError(null);
    setToProject('');
  }

  function move() {
    if (!toProject) {
      setError('Choose the project to move the run to.');
      return;
    }
    startTransition(async () => {
      const result = await moveRunAction(run, toProject);
      if (result.status === 'error') {
        setError(result.message);
        return;
      }
      router.push(
        `/${encodeURIComponent(run.entity)}/${encodeURIComponent(toProject)}/runs/${encodeURIComponent(run.runId)}`,
      );
    });
  }

  function remove() {
    startTransition(async () => {
      const result = await deleteRunAction(run);
      if (result.status === 'error') {
        setError(result.message);
        return;
      }
      router.push(`/${encodeURIComponent(run.entity)}/${encodeURIComponent(run.project)}`);
    });
  }

  return (
    <div className="flex gap-2">
      {canMove && (
        <Button
          type="button"
          variant="secondary"
          size="sm"
          aria-haspopup="dialog"
          onClick={() => setOpen('move')}
        >
          <FolderInput className="h-4 w-4" aria-hidden />
          Move to project…
        </Button>
      )}
      {canDelete && (
        <Button
          type="button"
          variant="secondary"
          size="sm"
          aria-haspopup="dialog"
          onClick={() => setOpen('delete')}
        >
          <Trash2 className="h-4 w-4" aria-hidden />
          Delete run
        </Button>
      )}
      <ConfirmDialog
        open={open === 'move'}
        onClose={close}
        title="Move run to another project"
        description={
          <>
            <span className="font-medium text-zinc-900 dark:text-zinc-100">{runName}</span> moves
            with its history, files and logs to another project of {run.entity}. Its URL changes.
          </>
        }
        error={error && <Alert tone="error">{error}</Alert>}
        confirmLabel="Move run"
        confirmVariant="primary"
        confirmDisabled={otherProjects.length === 0}
        focusCancel={otherProjects.length === 0}
        pending={pending}
        onConfirm={move}
      >
        {otherProjects.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {run.entity} has no other project yet. Create one first, then move the run there.
          </p>
        ) : (
          <FieldShell label="Destination project">
            {({ id, describedBy }) => (
              <select
                id={id}
                aria-describedby={describedBy}
                className={inputClass}
                value={toProject}
                onChange={(event) => {
                  setToProject(event.target.value);
                  setError(null);
                }}
              >
                <option value="">Choose a project…</option>
                {otherProjects.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            )}
          </FieldShell>
        )}
      </ConfirmDialog>
      <ConfirmDialog
        open={open === 'delete'}
        onClose={close}
        title="Delete this run?"
        description={
          <>
            <span className="font-medium text-zinc-900 dark:text-zinc-100">{runName}</span> is
            deleted with its metrics, logs and files. This cannot be undone.
          </>
        }
        error={error && <Alert tone="error">{error}</Alert>}
        confirmLabel="Delete run"
        pending={pending}
        onConfirm={remove}
      />
    </div>
  );
}
