import type { Metadata } from 'next';
import { SettingsPageHeader } from '@/components/settings/settings-page-header';
import { TeamAvatarForm } from '@/components/teams/team-avatar-form';
import { TeamProfileForm } from '@/components/teams/team-profile-form';
import { TeamAlertsForm, TeamPrivacyForm } from '@/components/teams/team-settings-form';
import { Card } from '@/components/ui/card';
import { lastDeliveryProblem } from '@/lib/alerts/delivery-problem';
import { avatarLimits } from '@/lib/images/avatar';
import { getTeamSettings } from '@/lib/teams/team-settings';
import { loadTeamSettings } from '../load-team';
import { TeamAdminsOnly } from '@/components/teams/team-admins-only';

export const metadata: Metadata = { title: 'General' };

export default async function TeamGeneralSettingsPage({
  params,
}: {
  params: Promise<{ team: string }>;
}) {
  const { actor, team } = await loadTeamSettings((await params).team);
  if (!team.viewerCanManage) return <TeamAdminsOnly team={team} />;
  const settings = await getTeamSettings(actor, team.name);
  const deliveryProblem = await lastDeliveryProblem({ teamName: team.name });

  return (
    <>
      <SettingsPageHeader
        title="General"
        description={`How ${team.name} looks to others, who can see its projects, and how it hears about runs.`}
      />
      <div className="space-y-6">
        <Card title="Avatar" description="Shown on the team's profile and next to its projects.">
          <TeamAvatarForm
            teamName={team.name}
            imageUrl={team.avatarUrl}
            maxBytes={avatarLimits.maxBytes}
          />
        </Card>
        <Card
          title="Profile"
          description={`An introduction and links on the team's profile page at /${team.name}.`}
        >
          <TeamProfileForm teamName={team.name} intro={team.intro} links={team.links} />
        </Card>
        <Card title="Privacy" description="Applies to every project of the team.">
          <TeamPrivacyForm teamName={team.name} settings={settings} />
        </Card>
        <Card
          title="Alerts"
          description="Notify the team when its runs finish, fail or crash, or when code sends an alert: email goes to the person who logged the run (the admins for service-account runs), Slack to the team's channel."
        >
          <TeamAlertsForm
            teamName={team.name}
            settings={settings}
            deliveryProblem={deliveryProblem}
          />
        </Card>
      </div>
    </>
  );
}
