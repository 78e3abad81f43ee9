'use client';

import { Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { ConfirmNameField, TextareaField } from '../ui/field';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { graphqlRequest, GraphQLRequestError } from './graphql-request';
import type { VisibilityName } from './visibility-badge';
import { VisibilityFieldset } from './visibility-fieldset';

/** Description and visibility (updateProject), and the danger zone (deleteProject). */
export function ProjectSettingsForm(props: {
  entity: string;
  project: string;
  description: string;
  visibility: VisibilityName;
  runCount: number;
  canManage: boolean;
  canDelete: boolean;
  forcePrivate: boolean;
  isTeam: boolean;
}) {
  const router = useRouter();
  const [description, setDescription] = useState(props.description);
  const [visibility, setVisibility] = useState(props.visibility);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ ok: true } | GraphQLRequestError | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [confirmName, setConfirmName] = useState('');
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const error = result instanceof GraphQLRequestError ? result : null;
  const fieldError = (field: string) => error?.fields.find((f) => f.field === field)?.message;

  async function save() {
    setPending(true);
    setResult(null);
    try {
      await graphqlRequest(
        `mutation ($entity: String!, $project: String!, $description: String, $visibility: ProjectVisibility) {
          updateProject(entity: $entity, project: $project, description: $description, visibility: $visibility) { name }
        }`,
        { entity: props.entity, project: props.project, description, visibility },
      );
      setResult({ ok: true });
      router.refresh();
    } catch (problem) {
      setResult(problem as GraphQLRequestError);
    } finally {
      setPending(false);
    }
  }

  async function remove() {
    setPending(true);
    setDeleteError(null);
    try {
      await graphqlRequest(
        `mutation ($entity: String!, $project: String!) { deleteProject(entity: $entity, project: $project) { deletedRuns } }`,
        { entity: props.entity, project: props.project },
      );
      router.push(`/${props.entity}`);
    } catch (problem) {
      setDeleteError((problem as Error).message);
      setPending(false);
    }
  }

  return (
    <div className="space-y-6">
      {props.canManage && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <Card
            title="General"
            description="Who can see the project and what it is about."
            footer={
              <Button type="submit" pending={pending}>
                Save changes
              </Button>
            }
          >
            <div className="space-y-5">
              <TextareaField
                label="Description"
                rows={3}
                maxLength={2000}
                value={description}
                onChange={(event) => setDescription(event.target.value)}
                error={fieldError('description') && `Description ${fieldError('description')}`}
              />
              <VisibilityFieldset
                value={visibility}
                onChange={setVisibility}
                forcePrivate={props.forcePrivate}
                isTeam={props.isTeam}
                error={fieldError('visibility')}
              />
              {props.forcePrivate && props.visibility !== 'PRIVATE' && (
                <Alert>
                  This team now forces projects to be private: the only change allowed is to
                  Private.
                </Alert>
              )}
              {result && 'ok' in result && <Alert tone="success">Saved.</Alert>}
              {error && !error.fields.length && <Alert tone="error">{error.message}</Alert>}
            </div>
          </Card>
        </form>
      )}
      {props.canDelete && (
        <Card title="Delete project" className="border-red-200 dark:border-red-900/60">
          <div className="flex flex-wrap items-center justify-between gap-4">
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Deletes the project and its {props.runCount} {props.runCount === 1 ? 'run' : 'runs'}{' '}
              with their history, logs and files. This cannot be undone.
            </p>
            <Button variant="danger" onClick={() => setDeleting(true)}>
              <Trash2 className="h-4 w-4" aria-hidden />
              Delete project
            </Button>
          </div>
        </Card>
      )}
      <ConfirmDialog
        open={deleting}
        onClose={() => setDeleting(false)}
        title={`Delete ${props.project}?`}
        description={`All ${props.runCount} runs and their history go with it.`}
        error={deleteError && <Alert tone="error">{deleteError}</Alert>}
        confirmLabel="Delete forever"
        pending={pending}
        confirmDisabled={confirmName !== props.project}
        form={{
          onSubmit: (event) => {
            event.preventDefault();
            void remove();
          },
        }}
      >
        <ConfirmNameField
          label={`Type ${props.project} to confirm`}
          expected={props.project}
          value={confirmName}
          onChange={(event) => setConfirmName(event.target.value)}
        />
      </ConfirmDialog>
    </div>
  );
}
