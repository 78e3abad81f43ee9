'use client';

import { Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import {
  deleteArtifactVersionAction,
  type ArtifactPageRef,
} from '@/app/(app)/[entity]/[project]/artifacts/actions';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { ConfirmDialog } from '../ui/confirm-dialog';

/** "Delete version" behind a confirmation; afterwards the artifact's latest (or the list). */
export function DeleteArtifactVersion({
  artifact,
  version,
  lastVersion,
}: {
  artifact: ArtifactPageRef;
  version: string;
  /** Deleting the only version removes the artifact, so go back to the list. */
  lastVersion: boolean;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const base = `/${encodeURIComponent(artifact.entity)}/${encodeURIComponent(artifact.project)}/artifacts`;

  function remove() {
    startTransition(async () => {
      const result = await deleteArtifactVersionAction(artifact, version);
      if (result.status === 'error') {
        setError(result.message);
        return;
      }
      setOpen(false);
      router.push(lastVersion ? base : `${base}/${encodeURIComponent(artifact.artifact)}`);
      router.refresh();
    });
  }

  return (
    <>
      <Button
        type="button"
        variant="secondary"
        size="sm"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <Trash2 className="h-4 w-4" aria-hidden />
        Delete version
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => {
          setOpen(false);
          setError(null);
        }}
        title={`Delete ${artifact.artifact}:${version}?`}
        description={
          lastVersion
            ? 'This is the only version: the artifact goes with it. Runs keep their history, but lose this lineage. This cannot be undone.'
            : 'Its files, custom aliases and lineage go with it, and latest moves to the newest remaining version. This cannot be undone.'
        }
        error={error && <Alert tone="error">{error}</Alert>}
        confirmLabel="Delete version"
        pending={pending}
        onConfirm={remove}
      />
    </>
  );
}
