'use client';

import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Avatar } from '@/components/layout/avatar';
import { FormMessage } from '@/components/settings/form-message';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { InputField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import type { ActionState } from '@/lib/action-state';

// An image upload beside the current avatar, for a person's or a team's picture.

const accept = 'image/png,image/jpeg,image/webp,image/gif';

export function AvatarUploadForm({
  uploadAction,
  name,
  imageUrl,
  maxBytes,
  label,
  submitLabel,
  fields = {},
  avatarClassName,
  children,
}: {
  uploadAction: FormAction;
  /** Whose avatar it is, for the initials shown without an image. */
  name: string;
  imageUrl: string | null;
  maxBytes: number;
  /** The file input's label ("Profile picture"), also the start of its error messages. */
  label: string;
  submitLabel: string;
  /** Hidden fields sent with the image (the team's name). */
  fields?: Record<string, string>;
  avatarClassName?: string;
  /** Shown below the form, e.g. a button that removes the picture. */
  children?: ReactNode;
}) {
  /**
   * An upload that fails in transport (a body over the server's limit, a dropped connection)
   * rejects instead of returning a state; it becomes a message here, not an error page.
   */
  const upload = useCallback(
    async (previous: ActionState, form: FormData): Promise<ActionState> => {
      try {
        return await uploadAction(previous, form);
      } catch {
        return {
          status: 'error',
          message: 'The upload did not reach the server. Try a smaller image.',
          fields: {},
        };
      }
    },
    [uploadAction],
  );
  const { state, dispatch, pending, onSubmit, errorFor } = useFormAction(upload);
  const [tooLarge, setTooLarge] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const maxMegabytes = Math.round(maxBytes / (1024 * 1024));

  useEffect(() => {
    if (state.status === 'ok') formRef.current?.reset();
  }, [state]);

  // Checked here only to spare a slow upload that the server would refuse anyway.
  function submit(event: FormEvent<HTMLFormElement>) {
    const file = new FormData(event.currentTarget).get('image');
    if (file instanceof File && file.size > maxBytes) {
      event.preventDefault();
      setTooLarge(true);
      return;
    }
    setTooLarge(false);
    onSubmit(event);
  }

  const error = tooLarge ? `${label} must be at most ${maxMegabytes} MB` : errorFor(label, 'image');

  return (
    <div className="flex flex-col gap-6 sm:flex-row sm:items-start">
      <Avatar
        name={name}
        imageUrl={imageUrl}
        size={80}
        className={cn('shrink-0 ring-1 ring-zinc-200 dark:ring-zinc-800', avatarClassName)}
      />
      <div className="min-w-0 flex-1 space-y-4">
        <form ref={formRef} action={dispatch} onSubmit={submit} className="space-y-4" noValidate>
          {Object.entries(fields).map(([field, value]) => (
            <input key={field} type="hidden" name={field} value={value} />
          ))}
          {!tooLarge && <FormMessage state={state} shownFields={['image']} />}
          <InputField
            label={label}
            name="image"
            type="file"
            accept={accept}
            required
            error={error}
            onChange={() => setTooLarge(false)}
            hint={`PNG, JPEG, WebP or GIF, up to ${maxMegabytes} MB. It is cropped to a square.`}
            className="file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-zinc-800 hover:file:bg-zinc-200 dark:file:bg-zinc-800 dark:file:text-zinc-100 dark:hover:file:bg-zinc-700"
          />
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" pending={pending}>
              {submitLabel}
            </Button>
          </div>
        </form>
        {children}
      </div>
    </div>
  );
}
