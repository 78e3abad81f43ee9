import { MailPlus, Users } from 'lucide-react';
import type { Metadata } from 'next';
import {
  removeMemberAction,
  resendInviteAction,
  revokeInviteAction,
} from '@/app/(app)/teams/[team]/settings/actions';
import { Avatar } from '@/components/layout/avatar';
import { ActionButton } from '@/components/settings/action-button';
import { RelativeTime } from '@/components/settings/relative-time';
import { SettingsPageHeader } from '@/components/settings/settings-page-header';
import { InviteMemberForm } from '@/components/teams/invite-member-form';
import { MemberRoleForm } from '@/components/teams/member-role-form';
import { RegistryAdminToggle } from '@/components/teams/registry-admin-toggle';
import { roleValue, type RoleOption } from '@/components/teams/role-value';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { DataTable } from '@/components/ui/data-table';
import { listCustomRolesForTeam } from '@/lib/teams/custom-roles';
import { listInvites, roleLabels, type InviteView } from '@/lib/teams/invites';
import { listMembers } from '@/lib/teams/members';
import { teamRoles } from '@/lib/permissions/team-grants';
import { loadTeamSettings } from './load-team';
import { TeamAdminsOnly } from '@/components/teams/team-admins-only';

export const metadata: Metadata = { title: 'Members' };

const badge = 'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium';

function InviteStateBadge({ state }: { state: InviteView['state'] }) {
  return state === 'pending' ? (
    <span className={`${badge} bg-brand-50 text-brand-700 dark:bg-zinc-800 dark:text-brand-500`}>
      Pending
    </span>
  ) : (
    <span
      className={`${badge} bg-amber-50 text-amber-800 dark:bg-amber-950/50 dark:text-amber-300`}
    >
      {state === 'expired' ? 'Expired' : state}
    </span>
  );
}

export default async function TeamMembersPage({ params }: { params: Promise<{ team: string }> }) {
  const { actor, team } = await loadTeamSettings((await params).team);
  // The layout explains why; the services would refuse anyway.
  if (!team.viewerCanManage) return <TeamAdminsOnly team={team} />;

  const [members, invites, customRoles] = await Promise.all([
    listMembers(actor, team.name),
    listInvites(actor, team.name),
    listCustomRolesForTeam(actor, team.name),
  ]);
  const roleOptions: RoleOption[] = [
    ...teamRoles.map((role) => ({ value: role, label: roleLabels[role] })),
    ...customRoles.map((role) => ({
      value: roleValue(role.baseRole, role.id),
      label: `${role.name} (custom)`,
    })),
  ];
  const viewerId = actor.kind === 'user' ? actor.userId : null;

  return (
    <>
      <SettingsPageHeader
        title="Members"
        description={`Who is in ${team.name}, what each person may do, and who is invited.`}
      />
      <div className="space-y-6">
        <Card
          title={`Members (${members.length})`}
          description="Admins manage members and settings and may delete anything. Members log runs and write reports, and delete what they created. View-only members can look and comment."
        >
          {members.length === 0 ? (
            <EmptyState icon={Users} title="No members yet">
              Invite your colleagues below.
            </EmptyState>
          ) : (
            <DataTable
              caption={`Members of ${team.name}`}
              columns={[
                'Member',
                'Role',
                { label: 'Registry admin', className: 'whitespace-nowrap' },
                { label: 'Actions', srOnly: true },
              ]}
              className="-mx-6 -my-5"
              tableClassName="min-w-[38rem]"
            >
              {members.map((member) => {
                const isViewer = member.userId === viewerId;
                return (
                  <tr key={member.userId} className="align-middle">
                    <th scope="row" className="px-4 py-3 text-left font-normal">
                      <div className="flex items-center gap-3">
                        <Avatar
                          name={member.name || member.username}
                          imageUrl={null}
                          size={32}
                          className="shrink-0"
                        />
                        <div className="min-w-0">
                          <p className="font-medium break-words">
                            {member.name || member.username}
                            {isViewer && (
                              <span className="ml-1.5 text-xs font-normal text-zinc-500 dark:text-zinc-400">
                                (you)
                              </span>
                            )}
                          </p>
                          <p className="text-xs text-zinc-500 dark:text-zinc-400">
                            {member.name && <>@{member.username} · </>}
                            {member.email ?? 'No email'}
                          </p>
                        </div>
                      </div>
                    </th>
                    <td className="px-4 py-3">
                      <MemberRoleForm
                        teamName={team.name}
                        userId={member.userId}
                        username={member.username}
                        current={roleValue(member.role, member.customRoleId)}
                        options={roleOptions}
                      />
                    </td>
                    <td className="px-4 py-3">
                      <RegistryAdminToggle
                        teamName={team.name}
                        userId={member.userId}
                        username={member.username}
                        enabled={member.isRegistryAdmin}
                      />
                    </td>
                    <td className="px-4 py-3 text-right">
                      <ActionButton
                        action={removeMemberAction}
                        fields={{ team: team.name, userId: member.userId }}
                        label={isViewer ? `Leave ${team.name}` : `Remove ${member.username}`}
                        variant="ghost"
                        confirm={
                          isViewer
                            ? {
                                title: `Leave ${team.name}?`,
                                description:
                                  'You lose access to the team and its settings. Your runs stay in the team. An admin can invite you again.',
                                confirmLabel: 'Leave team',
                              }
                            : {
                                title: `Remove ${member.name || member.username}?`,
                                description: (
                                  <>
                                    <strong className="font-medium text-zinc-900 dark:text-zinc-100">
                                      @{member.username}
                                    </strong>{' '}
                                    loses access to {team.name}. Runs they logged stay in the team.
                                  </>
                                ),
                                confirmLabel: 'Remove member',
                              }
                        }
                      >
                        {isViewer ? 'Leave' : 'Remove'}
                      </ActionButton>
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          )}
        </Card>

        <Card
          title="Invite people"
          description="Invite by email. People without an account can create one from the link."
        >
          <InviteMemberForm teamName={team.name} options={roleOptions} />
        </Card>

        <Card title="Pending invites">
          {invites.length === 0 ? (
            <EmptyState icon={MailPlus} title="No pending invites">
              Invites you send appear here until they are accepted.
            </EmptyState>
          ) : (
            <ul
              aria-label="Pending invites"
              className="-mx-6 -my-5 divide-y divide-zinc-200 dark:divide-zinc-800"
            >
              {invites.map((invite) => (
                <li
                  key={invite.id}
                  className="flex flex-col gap-3 px-6 py-4 sm:flex-row sm:items-center sm:justify-between"
                >
                  <div className="min-w-0 space-y-1">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="font-medium break-all">{invite.email}</span>
                      <InviteStateBadge state={invite.state} />
                    </p>
                    <p className="text-xs text-zinc-500 dark:text-zinc-400">
                      {invite.customRoleName ?? roleLabels[invite.role]} · sent{' '}
                      <RelativeTime date={invite.createdAt} /> ·{' '}
                      {invite.state === 'expired' ? 'expired' : 'expires'}{' '}
                      <RelativeTime date={invite.expiresAt} />
                    </p>
                  </div>
                  <div className="flex shrink-0 flex-wrap items-start gap-2">
                    <ActionButton
                      action={resendInviteAction}
                      fields={{ team: team.name, inviteId: invite.id }}
                      label={`Resend to ${invite.email}`}
                    >
                      Resend
                    </ActionButton>
                    <ActionButton
                      action={revokeInviteAction}
                      fields={{ team: team.name, inviteId: invite.id }}
                      label={`Revoke invite to ${invite.email}`}
                      variant="ghost"
                      confirm={{
                        title: 'Revoke this invite?',
                        description: (
                          <>
                            The link sent to{' '}
                            <strong className="font-medium text-zinc-900 dark:text-zinc-100">
                              {invite.email}
                            </strong>{' '}
                            stops working. You can invite them again later.
                          </>
                        ),
                        confirmLabel: 'Revoke invite',
                      }}
                    >
                      Revoke
                    </ActionButton>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
