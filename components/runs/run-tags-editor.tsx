'use client';

import { Plus, X } from 'lucide-react';
import { useOptimistic, useState, useTransition } from 'react';
import { updateRunAction, type RunRef } from '@/app/(app)/[entity]/[project]/runs/[run]/actions';
import { Button } from '../ui/button';
import { inputClass } from '../ui/field';
import { cn } from '../ui/cn';

/** The run's tags as chips; those allowed add and remove them (shown at once, saved behind). */
export function RunTagsEditor({
  run,
  tags,
  canEdit,
}: {
  run: RunRef;
  tags: string[];
  canEdit: boolean;
}) {
  const [shown, setShown] = useOptimistic(tags);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function save(next: string[]) {
    startTransition(async () => {
      setShown(next);
      const result = await updateRunAction(run, { tags: next });
      setError(result.status === 'error' ? (result.fields.tags ?? result.message) : null);
    });
  }

  return (
    <div className="space-y-3">
      {shown.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No tags.</p>
      ) : (
        <ul aria-label="Tags" className="flex flex-wrap gap-2">
          {shown.map((tag) => (
            <li
              key={tag}
              className="inline-flex items-center gap-1 rounded-full bg-zinc-100 py-0.5 pr-1 pl-2.5 text-xs font-medium text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200"
            >
              {tag}
              {canEdit ? (
                <button
                  type="button"
                  aria-label={`Remove tag ${tag}`}
                  className="rounded-full p-0.5 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 dark:hover:bg-zinc-700 dark:hover:text-zinc-100"
                  onClick={() => save(shown.filter((t) => t !== tag))}
                >
                  <X className="h-3 w-3" aria-hidden />
                </button>
              ) : (
                <span className="pr-1.5" />
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form
          className="flex gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const tag = draft.trim();
            if (!tag) return;
            setDraft('');
            if (!shown.includes(tag)) save([...shown, tag]);
          }}
        >
          <input
            aria-label="New tag"
            placeholder="Add a tag"
            className={cn(inputClass, 'h-8 max-w-48 py-1')}
            maxLength={64}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <Button type="submit" variant="secondary" size="sm" pending={pending}>
            <Plus className="h-3.5 w-3.5" aria-hidden />
            Add
          </Button>
        </form>
      )}
      {error && (
        <p role="alert" className="text-xs font-medium text-red-600 dark:text-red-400">
          Tags {error}
        </p>
      )}
    </div>
  );
}
