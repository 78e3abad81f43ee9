'use client';

import { FolderInput, Tag, Trash2, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { graphqlRequest } from '../runs/graphql-request';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { inputClass } from '../ui/field';
import { cn } from '../ui/cn';
import { ModalDialog } from '../ui/modal-dialog';
import { Popover } from './popover';
import type { TableRow } from './use-runs-page';

/**
 * What can be done to the selected runs. Each action appears only when the catalog allows
 * it for every selected run (the server checks again and refuses all-or-nothing).
 */
export function BulkActionBar({
  entity,
  project,
  selected,
  canEdit,
  onDone,
  onClear,
}: {
  entity: string;
  project: string;
  selected: TableRow[];
  canEdit: boolean;
  /** After a change: a message for the status line; the table reloads. */
  onDone: (message: string) => void;
  onClear: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const runIds = selected.map((row) => row.run.id);
  const canMove = selected.every((row) => row.canMove);
  const canDelete = selected.every((row) => row.canDelete);
  const count = `${selected.length} ${selected.length === 1 ? 'run' : 'runs'}`;

  async function act(query: string, variables: Record<string, unknown>, message: string) {
    setPending(true);
    setError(null);
    try {
      await graphqlRequest(query, { entity, project, runIds, ...variables });
      onDone(message);
      return true;
    } catch (problem) {
      setError((problem as Error).message);
      return false;
    } finally {
      setPending(false);
    }
  }

  return (
    <div
      role="region"
      aria-label="Selected runs"
      className="flex flex-wrap items-center gap-2 rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
    >
      <span className="font-medium">{count} selected</span>
      <span className="mx-1 h-4 w-px bg-zinc-300 dark:bg-zinc-700" aria-hidden />
      {canEdit && (
        <Popover
          label="Tag selected runs"
          button={
            <>
              <Tag className="h-4 w-4" aria-hidden />
              Tag
            </>
          }
        >
          {(close) => (
            <TagForm
              pending={pending}
              onSubmit={async (add, remove) => {
                const ok = await act(
                  `mutation ($entity: String!, $project: String!, $runIds: [String!]!, $add: [String!], $remove: [String!]) {
                    tagRuns(entity: $entity, project: $project, runIds: $runIds, add: $add, remove: $remove) { count }
                  }`,
                  { add, remove },
                  `Tags changed on ${count}`,
                );
                if (ok) close();
              }}
            />
          )}
        </Popover>
      )}
      {canMove && (
        <Popover
          label="Move selected runs"
          button={
            <>
              <FolderInput className="h-4 w-4" aria-hidden />
              Move
            </>
          }
        >
          {(close) => (
            <MoveForm
              entity={entity}
              project={project}
              pending={pending}
              onSubmit={async (toProject) => {
                const ok = await act(
                  `mutation ($entity: String!, $project: String!, $runIds: [String!]!, $toProject: String!) {
                    moveRuns(entity: $entity, project: $project, runIds: $runIds, toProject: $toProject) { count }
                  }`,
                  { toProject },
                  `Moved ${count} to ${toProject}`,
                );
                if (ok) close();
              }}
            />
          )}
        </Popover>
      )}
      {canDelete && (
        <Button
          variant="secondary"
          size="sm"
          onClick={() => setConfirmDelete(true)}
          className="text-red-700 dark:text-red-400"
        >
          <Trash2 className="h-4 w-4" aria-hidden />
          Delete
        </Button>
      )}
      <Button variant="ghost" size="sm" onClick={onClear} className="ml-auto">
        <X className="h-4 w-4" aria-hidden />
        Clear selection
      </Button>
      {error && (
        <Alert tone="error" className="w-full">
          {error}
        </Alert>
      )}
      <ModalDialog
        open={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        title={`Delete ${count}?`}
        description="Their history, logs and files are deleted too. This cannot be undone."
      >
        <ul className="mb-4 max-h-40 list-disc space-y-0.5 overflow-y-auto pl-5 text-sm">
          {selected.slice(0, 20).map((row) => (
            <li key={row.run.id}>{row.run.displayName}</li>
          ))}
          {selected.length > 20 && <li>and {selected.length - 20} more</li>}
        </ul>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirmDelete(false)}>
            Cancel
          </Button>
          <Button
            variant="danger"
            pending={pending}
            onClick={async () => {
              const ok = await act(
                `mutation ($entity: String!, $project: String!, $runIds: [String!]!) {
                  deleteRuns(entity: $entity, project: $project, runIds: $runIds) { count }
                }`,
                {},
                `Deleted ${count}`,
              );
              if (ok) setConfirmDelete(false);
            }}
          >
            Delete {count}
          </Button>
        </div>
      </ModalDialog>
    </div>
  );
}

const splitTags = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

function TagForm({
  pending,
  onSubmit,
}: {
  pending: boolean;
  onSubmit: (add: string[], remove: string[]) => void;
}) {
  const [add, setAdd] = useState('');
  const [remove, setRemove] = useState('');
  return (
    <form
      className="w-72 space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(splitTags(add), splitTags(remove));
      }}
    >
      <label className="block space-y-1">
        <span className="text-xs font-medium">Add tags</span>
        <input
          className={cn(inputClass, 'h-8 py-0')}
          value={add}
          onChange={(e) => setAdd(e.target.value)}
          placeholder="best, baseline"
          autoFocus
        />
      </label>
      <label className="block space-y-1">
        <span className="text-xs font-medium">Remove tags</span>
        <input
          className={cn(inputClass, 'h-8 py-0')}
          value={remove}
          onChange={(e) => setRemove(e.target.value)}
        />
      </label>
      <div className="flex justify-end">
        <Button type="submit" size="sm" pending={pending} disabled={!add.trim() && !remove.trim()}>
          Apply tags
        </Button>
      </div>
    </form>
  );
}

function MoveForm({
  entity,
  project,
  pending,
  onSubmit,
}: {
  entity: string;
  project: string;
  pending: boolean;
  onSubmit: (toProject: string) => void;
}) {
  const [projects, setProjects] = useState<string[] | null>(null);
  const [target, setTarget] = useState('');
  useEffect(() => {
    graphqlRequest<{ projects: { name: string }[] }>(
      `query ($entity: String!) { projects(entity: $entity) { name } }`,
      { entity },
    )
      .then((data) =>
        setProjects(data.projects.map((p) => p.name).filter((name) => name !== project)),
      )
      .catch(() => setProjects([]));
  }, [entity, project]);
  return (
    <form
      className="w-72 space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (target) onSubmit(target);
      }}
    >
      <label className="block space-y-1">
        <span className="text-xs font-medium">Move to project</span>
        <select
          className={cn(inputClass, 'h-8 py-0')}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          disabled={!projects?.length}
        >
          <option value="">
            {projects === null
              ? 'Loading…'
              : projects.length
                ? 'Choose a project'
                : 'No other project'}
          </option>
          {projects?.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <div className="flex justify-end">
        <Button type="submit" size="sm" pending={pending} disabled={!target}>
          Move runs
        </Button>
      </div>
    </form>
  );
}
