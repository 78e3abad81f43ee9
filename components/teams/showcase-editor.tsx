'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { updateShowcaseAction } from '@/app/(app)/teams/[team]/settings/actions';
import { FormMessage } from '@/components/settings/form-message';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { useFormAction } from '@/components/ui/use-form-action';

/** Kept in step with maxShowcasedProjects in lib/teams/team-showcase.ts (the service enforces it). */
const maxProjects = 6;

interface Candidate {
  id: string;
  name: string;
  description: string;
}

/**
 * Team admins pick the showcased projects in a dialog; the order of ticking is the order
 * on the profile.
 */
export function ShowcaseEditor({
  teamName,
  selected,
  candidates,
}: {
  teamName: string;
  selected: string[];
  candidates: Candidate[];
}) {
  const { state, dispatch, pending, onSubmit } = useFormAction(updateShowcaseAction);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<string[]>(selected);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  useEffect(() => {
    if (state.status === 'ok') dialogRef.current?.close();
  }, [state]);

  const toggle = (id: string, on: boolean) =>
    setPicked((previous) => (on ? [...previous, id] : previous.filter((p) => p !== id)));
  const full = picked.length >= maxProjects;

  return (
    <>
      <Button
        type="button"
        variant="secondary"
        size="sm"
        aria-haspopup="dialog"
        onClick={() => {
          setPicked(selected);
          setOpen(true);
        }}
      >
        {selected.length > 0 ? 'Edit showcase' : 'Choose projects'}
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        onClose={() => setOpen(false)}
        className="m-auto max-h-[calc(100%-2rem)] w-[calc(100%-2rem)] max-w-lg overflow-y-auto rounded-xl border border-zinc-200 bg-white p-0 text-left text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <form action={dispatch} onSubmit={onSubmit}>
          <input type="hidden" name="team" value={teamName} />
          {/* In ticking order: the order they appear on the profile. */}
          {picked.map((id) => (
            <input key={id} type="hidden" name="projectIds" value={id} />
          ))}
          <div className="space-y-3 px-6 py-5">
            <h2 id={titleId} className="text-base font-semibold">
              Showcased projects
            </h2>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Up to {maxProjects}, shown in the order you tick them. Visitors only see the ones they
              may open: a private project stays hidden from people outside the team.
            </p>
            {state.status === 'error' && <FormMessage state={state} />}
            <ul aria-label="Projects to showcase" className="max-h-80 space-y-1 overflow-y-auto">
              {candidates.map((project) => {
                const position = picked.indexOf(project.id);
                const disabled = position === -1 && full;
                return (
                  <li key={project.id}>
                    <label
                      className={cn(
                        'flex items-start gap-3 rounded-md px-2 py-2 text-sm',
                        disabled
                          ? 'cursor-not-allowed opacity-60'
                          : 'cursor-pointer hover:bg-zinc-50 dark:hover:bg-zinc-800/60',
                      )}
                    >
                      <input
                        type="checkbox"
                        checked={position !== -1}
                        disabled={disabled}
                        onChange={(event) => toggle(project.id, event.target.checked)}
                        className="mt-0.5 h-4 w-4 shrink-0 accent-brand-600"
                      />
                      <span className="min-w-0 flex-1">
                        <span className="block font-medium break-words">{project.name}</span>
                        {project.description && (
                          <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">
                            {project.description}
                          </span>
                        )}
                      </span>
                      {position !== -1 && (
                        <span
                          aria-label={`Position ${position + 1}`}
                          className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700 dark:bg-zinc-800 dark:text-brand-500"
                        >
                          {position + 1}
                        </span>
                      )}
                    </label>
                  </li>
                );
              })}
            </ul>
          </div>
          <div className="flex items-center justify-end gap-3 border-t border-zinc-200 bg-zinc-50 px-6 py-3 dark:border-zinc-800 dark:bg-zinc-900/60">
            <span className="mr-auto text-xs text-zinc-500 dark:text-zinc-400">
              {picked.length} of {maxProjects}
            </span>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" pending={pending}>
              Save showcase
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
