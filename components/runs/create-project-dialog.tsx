'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { InputField, TextareaField } from '../ui/field';
import { ModalDialog } from '../ui/modal-dialog';
import { graphqlRequest, GraphQLRequestError } from './graphql-request';
import { VisibilityFieldset } from './visibility-fieldset';
import type { VisibilityName } from './visibility-badge';

/** Creates a project (createProject mutation), then opens it. */
export function CreateProjectDialog({
  open,
  onClose,
  owner,
  forcePrivate,
  defaultVisibility,
  isTeam,
}: {
  open: boolean;
  onClose: () => void;
  owner: string;
  forcePrivate: boolean;
  defaultVisibility: VisibilityName;
  isTeam: boolean;
}) {
  const router = useRouter();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [visibility, setVisibility] = useState<VisibilityName>(defaultVisibility);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<GraphQLRequestError | null>(null);
  const fieldError = (field: string) => error?.fields.find((f) => f.field === field)?.message;

  async function submit() {
    setPending(true);
    setError(null);
    try {
      const data = await graphqlRequest<{ createProject: { name: string } }>(
        `mutation ($entity: String!, $name: String!, $description: String, $visibility: ProjectVisibility) {
          createProject(entity: $entity, name: $name, description: $description, visibility: $visibility) { name }
        }`,
        { entity: owner, name: name.trim(), description, visibility },
      );
      router.push(`/${owner}/${encodeURIComponent(data.createProject.name)}`);
    } catch (problem) {
      setError(problem as GraphQLRequestError);
      setPending(false);
    }
  }

  return (
    <ModalDialog
      open={open}
      onClose={onClose}
      title="New project"
      description={`Runs in it live under ${owner}/<name>.`}
    >
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <InputField
          label="Name"
          required
          maxLength={128}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={fieldError('name') && `Name ${fieldError('name')}`}
          autoFocus
        />
        <TextareaField
          label="Description"
          rows={3}
          maxLength={2000}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
        <VisibilityFieldset
          value={visibility}
          onChange={setVisibility}
          forcePrivate={forcePrivate}
          isTeam={isTeam}
          error={fieldError('visibility')}
        />
        {error && !error.fields.length && <Alert tone="error">{error.message}</Alert>}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" pending={pending} disabled={!name.trim()}>
            Create project
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
