'use client';

import { useState } from 'react';
import {
  updateReportShowcaseAction,
  updateShowcaseAction,
} from '@/app/(app)/teams/[team]/settings/actions';
import { FormMessage } from '@/components/settings/form-message';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useFormAction } from '@/components/ui/use-form-action';

/**
 * Kept in step with maxShowcasedProjects (lib/teams/team-showcase.ts) and maxShowcasedReports
 * (lib/reports/report-showcase.ts); the services enforce them.
 */
const maxProjects = 6;

/** What is showcased: the team's projects, or reports of its projects. */
const kinds = {
  projects: {
    action: updateShowcaseAction,
    field: 'projectIds',
    title: 'Showcased projects',
    choose: 'Choose projects',
    list: 'Projects to showcase',
    privacy: 'a private project stays hidden from people outside the team.',
  },
  reports: {
    action: updateReportShowcaseAction,
    field: 'reportIds',
    title: 'Showcased reports',
    choose: 'Choose reports',
    list: 'Reports to showcase',
    privacy: 'a report in a private project stays hidden from people outside the team.',
  },
} as const;

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
  kind = 'projects',
}: {
  teamName: string;
  selected: string[];
  candidates: Candidate[];
  kind?: keyof typeof kinds;
}) {
  const text = kinds[kind];
  const { state, dispatch, pending, onSubmit } = useFormAction(text.action);
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<string[]>(selected);

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
        {selected.length > 0 ? 'Edit showcase' : text.choose}
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={text.title}
        description={
          <>
            Up to {maxProjects}, shown in the order you tick them. Visitors only see the ones they
            may open: {text.privacy}
          </>
        }
        error={state.status === 'error' && <FormMessage state={state} />}
        confirmLabel="Save showcase"
        confirmVariant="primary"
        pending={pending}
        result={state}
        form={{ action: dispatch, onSubmit }}
        width="lg"
        footerStart={`${picked.length} of ${maxProjects}`}
        focusCancel={false}
      >
        <input type="hidden" name="team" value={teamName} />
        {/* In ticking order: the order they appear on the profile. */}
        {picked.map((id) => (
          <input key={id} type="hidden" name={text.field} value={id} />
        ))}
        <ul aria-label={text.list} className="max-h-80 space-y-1 overflow-y-auto">
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
      </ConfirmDialog>
    </>
  );
}
