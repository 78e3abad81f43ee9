import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SettingsPageHeader } from '@/components/settings/settings-page-header';
import { StorageUsage } from '@/components/storage/storage-usage';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { readUsageBreakdown } from '@/lib/storage/usage-breakdown';

export const metadata: Metadata = { title: 'Storage' };

export default async function StorageSettingsPage({
  searchParams,
}: {
  searchParams: Promise<{ sort?: string }>;
}) {
  const actor = await getCurrentActor();
  if (actor.kind !== 'user') redirect('/signin?callbackUrl=/settings/storage');
  const sort = (await searchParams).sort === 'name' ? 'name' : 'size';
  const usage = await readUsageBreakdown(actor, actor.username, sort);
  return (
    <>
      <SettingsPageHeader
        title="Storage"
        description="What your personal projects store, and how much you may store."
      />
      <StorageUsage usage={usage} sort={sort} basePath="/settings/storage" />
    </>
  );
}
