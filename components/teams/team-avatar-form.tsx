'use client';

import { uploadTeamAvatarAction } from '@/app/(app)/teams/[team]/settings/actions';
import { AvatarUploadForm } from '@/components/forms/avatar-upload-form';

export function TeamAvatarForm({
  teamName,
  imageUrl,
  maxBytes,
}: {
  teamName: string;
  imageUrl: string | null;
  maxBytes: number;
}) {
  return (
    <AvatarUploadForm
      uploadAction={uploadTeamAvatarAction}
      name={teamName}
      imageUrl={imageUrl}
      maxBytes={maxBytes}
      label="Team avatar"
      submitLabel="Update avatar"
      fields={{ team: teamName }}
      avatarClassName="rounded-xl"
    />
  );
}
