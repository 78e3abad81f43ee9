'use client';

import { Check, Pencil, X } from 'lucide-react';
import { useState, useTransition } from 'react';
import { updateRunAction, type RunRef } from '@/app/(app)/[entity]/[project]/runs/[run]/actions';
import { Button } from '../ui/button';
import { inputClass } from '../ui/field';
import { cn } from '../ui/cn';

/** The run's name as the page heading; those allowed to edit it rename it in place. */
export function RunNameEditor({
  run,
  name,
  canEdit,
}: {
  run: RunRef;
  name: string;
  canEdit: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function save() {
    startTransition(async () => {
      const result = await updateRunAction(run, { displayName: draft });
      if (result.status === 'error') setError(result.fields.displayName ?? result.message);
      else {
        setError(null);
        setEditing(false);
      }
    });
  }

  if (!editing) {
    return (
      <div className="flex min-w-0 items-center gap-2">
        <h1 className="truncate text-2xl font-semibold tracking-tight sm:text-3xl">{name}</h1>
        {canEdit && (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            className="h-8 w-8 shrink-0 px-0"
            aria-label="Rename run"
            onClick={() => {
              setDraft(name);
              setEditing(true);
            }}
          >
            <Pencil className="h-4 w-4" aria-hidden />
          </Button>
        )}
      </div>
    );
  }
  return (
    <form
      className="flex min-w-0 flex-1 flex-col gap-1"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <div className="flex items-center gap-2">
        <input
          aria-label="Run name"
          className={cn(inputClass, 'max-w-lg text-lg font-semibold')}
          value={draft}
          maxLength={256}
          autoFocus
          aria-invalid={!!error}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setEditing(false);
          }}
        />
        <Button type="submit" size="sm" pending={pending} aria-label="Save name">
          <Check className="h-4 w-4" aria-hidden />
        </Button>
        <Button
          type="button"
          variant="secondary"
          size="sm"
          aria-label="Cancel renaming"
          onClick={() => setEditing(false)}
        >
          <X className="h-4 w-4" aria-hidden />
        </Button>
      </div>
      {error && (
        <p role="alert" className="text-xs font-medium text-red-600 dark:text-red-400">
          Name {error}
        </p>
      )}
    </form>
  );
}
