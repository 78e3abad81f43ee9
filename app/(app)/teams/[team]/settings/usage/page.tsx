import type { Metadata } from 'next';
import { SettingsPageHeader } from '@/components/settings/settings-page-header';
import { StorageUsage } from '@/components/storage/storage-usage';
import { readUsageBreakdown } from '@/lib/storage/usage-breakdown';
import { loadTeamSettings } from '../load-team';
import { TeamAdminsOnly } from '@/components/teams/team-admins-only';

export const metadata: Metadata = { title: 'Usage' };

export default async function TeamUsagePage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string }>;
  searchParams: Promise<{ sort?: string }>;
}) {
  const { actor, team } = await loadTeamSettings((await params).team);
  // The layout shows non-admins why they cannot see settings; nothing to load for them.
  if (!team.viewerCanManage) return <TeamAdminsOnly team={team} />;
  const sort = (await searchParams).sort === 'name' ? 'name' : 'size';
  const usage = await readUsageBreakdown(actor, team.name, sort);
  return (
    <>
      <SettingsPageHeader
        title="Usage"
        description="What the team's projects store, and the team's limit."
      />
      <StorageUsage usage={usage} sort={sort} basePath={`/teams/${team.name}/settings/usage`} />
    </>
  );
}
