'use client';

import { Pencil } from 'lucide-react';
import { useState, useTransition } from 'react';
import { updateRunAction, type RunRef } from '@/app/(app)/[entity]/[project]/runs/[run]/actions';
import { MarkdownText } from '../teams/markdown';
import { Button } from '../ui/button';
import { inputClass } from '../ui/field';
import { cn } from '../ui/cn';

/** The run's notes, rendered as markdown; editable in place by those the catalog allows. */
export function RunNotesEditor({
  run,
  notes,
  canEdit,
}: {
  run: RunRef;
  notes: string;
  canEdit: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(notes);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (editing) {
    return (
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          startTransition(async () => {
            const result = await updateRunAction(run, { notes: draft });
            if (result.status === 'error') setError(result.fields.notes ?? result.message);
            else {
              setError(null);
              setEditing(false);
            }
          });
        }}
      >
        <textarea
          aria-label="Notes"
          className={cn(inputClass, 'min-h-40 font-mono text-xs leading-5')}
          value={draft}
          maxLength={20_000}
          autoFocus
          aria-invalid={!!error}
          onChange={(event) => setDraft(event.target.value)}
          placeholder="What is this run about? Markdown works."
        />
        {error && (
          <p role="alert" className="text-xs font-medium text-red-600 dark:text-red-400">
            Notes {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" size="sm" onClick={() => setEditing(false)}>
            Cancel
          </Button>
          <Button type="submit" size="sm" pending={pending}>
            Save notes
          </Button>
        </div>
      </form>
    );
  }
  return (
    <div className="space-y-3">
      {notes.trim() ? (
        <MarkdownText>{notes}</MarkdownText>
      ) : (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          {canEdit
            ? 'No notes yet. Write down what this run tries and what you learned.'
            : 'No notes.'}
        </p>
      )}
      {canEdit && (
        <Button
          type="button"
          variant="secondary"
          size="sm"
          onClick={() => {
            setDraft(notes);
            setEditing(true);
          }}
        >
          <Pencil className="h-3.5 w-3.5" aria-hidden />
          Edit notes
        </Button>
      )}
    </div>
  );
}
