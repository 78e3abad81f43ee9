'use client';

import { removeAvatarAction, uploadAvatarAction } from '@/app/(app)/settings/actions';
import { AvatarUploadForm } from '@/components/forms/avatar-upload-form';
import { ActionButton } from './action-button';

export function AvatarForm({
  displayName,
  imageUrl,
  maxBytes,
}: {
  displayName: string;
  imageUrl: string | null;
  maxBytes: number;
}) {
  return (
    <AvatarUploadForm
      uploadAction={uploadAvatarAction}
      name={displayName}
      imageUrl={imageUrl}
      maxBytes={maxBytes}
      label="Profile picture"
      submitLabel="Upload picture"
    >
      {imageUrl && (
        <ActionButton action={removeAvatarAction} variant="ghost" size="md">
          Remove picture
        </ActionButton>
      )}
    </AvatarUploadForm>
  );
}
