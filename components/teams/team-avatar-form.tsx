'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { uploadTeamAvatarAction } from '@/app/(app)/teams/[team]/settings/actions';
import { Avatar } from '@/components/layout/avatar';
import { FormMessage } from '@/components/settings/form-message';
import { Button } from '@/components/ui/button';
import { InputField } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionState } from '@/lib/action-state';

const accept = 'image/png,image/jpeg,image/webp,image/gif';

/** A failed transport (body over the limit, dropped connection) becomes a message, not an error page. */
async function uploadAvatar(previous: ActionState, form: FormData): Promise<ActionState> {
  try {
    return await uploadTeamAvatarAction(previous, form);
  } catch {
    return {
      status: 'error',
      message: 'The upload did not reach the server. Try a smaller image.',
      fields: {},
    };
  }
}

export function TeamAvatarForm({
  teamName,
  imageUrl,
  maxBytes,
}: {
  teamName: string;
  imageUrl: string | null;
  maxBytes: number;
}) {
  const { state, dispatch, pending, onSubmit, errorFor } = useFormAction(uploadAvatar);
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

  const error = tooLarge
    ? `Team avatar must be at most ${maxMegabytes} MB`
    : errorFor('Team avatar', 'image');

  return (
    <div className="flex flex-col gap-6 sm:flex-row sm:items-start">
      <Avatar
        name={teamName}
        imageUrl={imageUrl}
        size={80}
        className="shrink-0 rounded-xl ring-1 ring-zinc-200 dark:ring-zinc-800"
      />
      <form
        ref={formRef}
        action={dispatch}
        onSubmit={submit}
        className="min-w-0 flex-1 space-y-4"
        noValidate
      >
        <input type="hidden" name="team" value={teamName} />
        {!tooLarge && <FormMessage state={state} shownFields={['image']} />}
        <InputField
          label="Team avatar"
          name="image"
          type="file"
          accept={accept}
          required
          error={error}
          onChange={() => setTooLarge(false)}
          hint={`PNG, JPEG, WebP or GIF, up to ${maxMegabytes} MB. It is cropped to a square.`}
          className="file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-zinc-800 hover:file:bg-zinc-200 dark:file:bg-zinc-800 dark:file:text-zinc-100 dark:hover:file:bg-zinc-700"
        />
        <Button type="submit" pending={pending}>
          Update avatar
        </Button>
      </form>
    </div>
  );
}
