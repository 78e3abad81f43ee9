'use client';

import { Pencil } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import {
  editModelDescriptionAction,
  type RegisteredModelRef,
} from '@/app/(app)/teams/[team]/registry/actions';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { inputClass } from '../ui/field';

/** A registered model's description, editable in place by those who may add models. */
export function ModelDescriptionEditor({
  model,
  description,
  canEdit,
}: {
  model: RegisteredModelRef;
  description: string;
  canEdit: boolean;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(description);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function save() {
    setError(null);
    startTransition(async () => {
      const result = await editModelDescriptionAction(model, draft);
      if (result.status === 'error') {
        setError(
          result.fields.description ? `Description ${result.fields.description}.` : result.message,
        );
        return;
      }
      setEditing(false);
      router.refresh();
    });
  }

  if (!editing) {
    return (
      <div className="flex items-start gap-2">
        <p className="min-w-0 text-sm whitespace-pre-line text-zinc-600 dark:text-zinc-400">
          {description || 'No description.'}
        </p>
        {canEdit && (
          <button
            type="button"
            onClick={() => {
              setDraft(description);
              setEditing(true);
            }}
            aria-label="Edit description"
            className="shrink-0 rounded-md p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
          >
            <Pencil className="h-3.5 w-3.5" aria-hidden />
          </button>
        )}
      </div>
    );
  }
  return (
    <div className="max-w-2xl space-y-2">
      <textarea
        aria-label="Description"
        value={draft}
        rows={3}
        maxLength={10_000}
        onChange={(event) => setDraft(event.target.value)}
        className={inputClass}
        placeholder="What the model does, what it was trained on, how to use it"
      />
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex gap-2">
        <Button type="button" size="sm" pending={pending} onClick={save}>
          Save description
        </Button>
        <Button type="button" size="sm" variant="secondary" onClick={() => setEditing(false)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
