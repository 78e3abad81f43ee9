import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AvatarForm } from '@/components/settings/avatar-form';
import { ProfileForm } from '@/components/settings/profile-form';
import { SettingsPageHeader } from '@/components/settings/settings-page-header';
import { Card } from '@/components/ui/card';
import { avatarLimits } from '@/lib/images/avatar';
import { getViewer } from '@/lib/accounts/viewer';
import { getCurrentActor } from '@/lib/auth/current-actor';

export const metadata: Metadata = { title: 'Profile' };

export default async function ProfileSettingsPage() {
  const viewer = await getViewer(await getCurrentActor());
  if (!viewer) redirect('/signin?callbackUrl=/settings');
  return (
    <>
      <SettingsPageHeader
        title="Profile"
        description="How you appear to your teammates and on your public profile."
      />
      <div className="space-y-6">
        <Card title="Profile picture" description="Shown next to your runs, reports and comments.">
          <AvatarForm
            displayName={viewer.name || viewer.username}
            imageUrl={viewer.imageUrl}
            maxBytes={avatarLimits.maxBytes}
          />
        </Card>
        <Card title="Profile details" description="Everything here is optional.">
          <ProfileForm
            profile={{
              username: viewer.username,
              name: viewer.name,
              institution: viewer.institution,
              location: viewer.location,
              website: viewer.website,
              bio: viewer.bio,
            }}
          />
        </Card>
      </div>
    </>
  );
}
