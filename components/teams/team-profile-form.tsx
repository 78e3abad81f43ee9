'use client';

import { Eye, Pencil, Plus, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { updateTeamProfileAction } from '@/app/(app)/teams/[team]/settings/actions';
import { FormMessage } from '@/components/settings/form-message';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { InputField, TextareaField } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import { MarkdownText } from './markdown';

export const maxTeamLinks = 10;

interface LinkRow {
  key: number;
  label: string;
  url: string;
}

const tab =
  'inline-flex items-center gap-1.5 rounded-md px-2.5 py-1 text-xs font-medium transition-colors';

/** The team's public intro (Markdown, with a preview) and its external links. */
export function TeamProfileForm({
  teamName,
  intro: initialIntro,
  links,
}: {
  teamName: string;
  intro: string;
  links: { label: string; url: string }[];
}) {
  const { state, dispatch, pending, onSubmit, errorFor } = useFormAction(updateTeamProfileAction);
  const [intro, setIntro] = useState(initialIntro);
  const [preview, setPreview] = useState(false);
  const nextKey = useRef(links.length);
  const [rows, setRows] = useState<LinkRow[]>(() =>
    links.map((link, index) => ({ key: index, ...link })),
  );

  // Saved: rows left empty were dropped by the server, so drop them here too.
  useEffect(() => {
    if (state.status !== 'ok') return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- mirrors what was just saved
    setRows((current) => current.filter((row) => row.label.trim() || row.url.trim()));
  }, [state]);

  const update = (key: number, change: Partial<LinkRow>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const add = () =>
    setRows((current) => [...current, { key: nextKey.current++, label: '', url: '' }]);
  const remove = (key: number) => setRows((current) => current.filter((row) => row.key !== key));

  const shownFields = [
    'intro',
    'links',
    ...rows.flatMap((_, index) => [`links.${index}.label`, `links.${index}.url`]),
  ];

  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-6" noValidate>
      <input type="hidden" name="team" value={teamName} />
      <FormMessage state={state} shownFields={shownFields} />

      <div className="space-y-2">
        <div className="flex items-center justify-end gap-1" role="group" aria-label="Intro editor">
          <button
            type="button"
            aria-pressed={!preview}
            onClick={() => setPreview(false)}
            className={cn(
              tab,
              !preview
                ? 'bg-zinc-100 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100'
                : 'text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800',
            )}
          >
            <Pencil className="h-3.5 w-3.5" aria-hidden />
            Write
          </button>
          <button
            type="button"
            aria-pressed={preview}
            onClick={() => setPreview(true)}
            className={cn(
              tab,
              preview
                ? 'bg-zinc-100 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100'
                : 'text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800',
            )}
          >
            <Eye className="h-3.5 w-3.5" aria-hidden />
            Preview
          </button>
        </div>
        {/* Hidden, not unmounted, while previewing: the textarea still carries the value. */}
        <div className={preview ? 'hidden' : undefined}>
          <TextareaField
            label="Introduction"
            name="intro"
            rows={8}
            maxLength={20_000}
            value={intro}
            onChange={(event) => setIntro(event.target.value)}
            placeholder={'# About us\n\nWhat your team works on, and how to reach you.'}
            error={errorFor('Introduction', 'intro')}
            hint="Markdown: headings, lists, links, tables and code. Shown on the team's profile page."
            className="font-mono text-xs leading-relaxed"
          />
        </div>
        {preview && (
          <div className="space-y-1.5">
            <p className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
              Introduction preview
            </p>
            <div className="min-h-24 rounded-md border border-zinc-200 px-4 py-3 dark:border-zinc-700">
              {intro.trim() ? (
                <MarkdownText>{intro}</MarkdownText>
              ) : (
                <p className="text-sm text-zinc-500 dark:text-zinc-400">Nothing to preview yet.</p>
              )}
            </div>
          </div>
        )}
      </div>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Links</legend>
        <p className="-mt-1 text-xs text-zinc-500 dark:text-zinc-400">
          Your website, papers, code: up to {maxTeamLinks} links shown on the profile.
        </p>
        {rows.length === 0 && (
          <p className="rounded-md border border-dashed border-zinc-300 px-4 py-3 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
            No links yet.
          </p>
        )}
        {rows.map((row, index) => (
          <fieldset
            key={row.key}
            className="grid gap-3 rounded-lg border border-zinc-200 p-3 sm:grid-cols-[12rem_1fr_auto] sm:items-start dark:border-zinc-800"
          >
            <legend className="sr-only">Link {index + 1}</legend>
            <InputField
              label={`Link ${index + 1} label`}
              name="linkLabel"
              maxLength={60}
              placeholder="Website"
              value={row.label}
              onChange={(event) => update(row.key, { label: event.target.value })}
              error={errorFor('Label', `links.${index}.label`)}
            />
            <InputField
              label={`Link ${index + 1} URL`}
              name="linkUrl"
              type="url"
              inputMode="url"
              placeholder="https://example.com"
              value={row.url}
              onChange={(event) => update(row.key, { url: event.target.value })}
              error={errorFor('URL', `links.${index}.url`)}
            />
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={() => remove(row.key)}
              aria-label={`Remove link ${index + 1}`}
              className="sm:mt-7"
            >
              <X className="h-4 w-4" aria-hidden />
              <span className="sm:sr-only">Remove</span>
            </Button>
          </fieldset>
        ))}
        {errorFor('Links:', 'links') && (
          <p className="text-xs font-medium text-red-600 dark:text-red-400">
            {errorFor('Links:', 'links')}
          </p>
        )}
        <Button
          type="button"
          variant="secondary"
          size="sm"
          onClick={add}
          disabled={rows.length >= maxTeamLinks}
        >
          <Plus className="h-4 w-4" aria-hidden />
          Add link
        </Button>
      </fieldset>

      <div className="flex justify-end">
        <Button type="submit" pending={pending}>
          Save profile
        </Button>
      </div>
    </form>
  );
}
