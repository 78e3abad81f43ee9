import { ShieldPlus } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { deleteCustomRoleAction } from '@/app/(app)/teams/[team]/settings/actions';
import { ActionButton } from '@/components/settings/action-button';
import { SettingsPageHeader } from '@/components/settings/settings-page-header';
import { CustomRoleForm } from '@/components/teams/custom-role-form';
import { EditCustomRoleButton } from '@/components/teams/edit-custom-role-button';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { baseRoleLabels, permissionLabels } from '@/lib/permissions/custom-role-permissions';
import { getTeamCustomRoles } from '@/lib/teams/custom-roles';
import { loadTeamSettings } from '../load-team';

export const metadata: Metadata = { title: 'Roles' };

const badge = 'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium';
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export default async function TeamRolesPage({ params }: { params: Promise<{ team: string }> }) {
  const { actor, team } = await loadTeamSettings((await params).team);
  // Organization admins compose roles here even when they are no admin of this team.
  if (!team.viewerCanManage && !team.viewerCanComposeRoles) return null;
  const { organizationId, organizationName, viewerCanCompose, roles } = await getTeamCustomRoles(
    actor,
    team.name,
  );
  // Organization admins who are no team admin get here without the members page.
  const membersLink = !team.viewerCanManage ? (
    'Members'
  ) : (
    <Link
      href={`/teams/${team.name}/settings`}
      className="font-medium text-brand-600 hover:underline dark:text-brand-500"
    >
      Members
    </Link>
  );

  return (
    <>
      <SettingsPageHeader
        title="Roles"
        description={
          <>
            Custom roles of the {organizationName} organization: View-only or Member plus extra
            permissions. Team admins give them to people on the {membersLink} page and in invites.
          </>
        }
      />
      <div className="space-y-6">
        {!viewerCanCompose && (
          <Alert>
            Only admins of the {organizationName} organization can compose, change or delete roles.
            You can assign the roles below to members of {team.name}.
          </Alert>
        )}

        <Card
          title={`Custom roles (${roles.length})`}
          description="A role changes for everyone holding it, in every team of the organization."
        >
          {roles.length === 0 ? (
            <EmptyState icon={ShieldPlus} title="No custom roles yet">
              {viewerCanCompose
                ? 'Compose one below, for example a View-only role that may also log runs.'
                : `An admin of ${organizationName} can compose them.`}
            </EmptyState>
          ) : (
            <ul
              aria-label="Custom roles"
              className="-mx-6 -my-5 divide-y divide-zinc-200 dark:divide-zinc-800"
            >
              {roles.map((role) => (
                <li
                  key={role.id}
                  aria-label={role.name}
                  className="flex flex-col gap-3 px-6 py-4 sm:flex-row sm:items-start sm:justify-between"
                >
                  <div className="min-w-0 space-y-2">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="font-medium break-words">{role.name}</span>
                      <span
                        className={`${badge} bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300`}
                      >
                        {baseRoleLabels[role.baseRole]} +{' '}
                        {plural(role.permissions.length, 'permission', 'permissions')}
                      </span>
                    </p>
                    {role.permissions.length > 0 ? (
                      <ul
                        aria-label={`Extra permissions of ${role.name}`}
                        className="flex flex-wrap gap-1.5"
                      >
                        {role.permissions.map((permission) => (
                          <li
                            key={permission}
                            title={permission}
                            className={`${badge} bg-brand-50 font-normal text-brand-700 dark:bg-zinc-800 dark:text-brand-500`}
                          >
                            {permissionLabels[permission]}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p className="text-xs text-zinc-500 dark:text-zinc-400">
                        No extras: the same as {baseRoleLabels[role.baseRole]}.
                      </p>
                    )}
                    <p className="text-xs text-zinc-500 dark:text-zinc-400">
                      {plural(role.teamMemberCount, 'member', 'members')} in {team.name} ·{' '}
                      {plural(role.memberCount, 'member', 'members')} in the organization
                    </p>
                  </div>
                  {viewerCanCompose && (
                    <div className="flex shrink-0 items-start gap-2">
                      <EditCustomRoleButton teamName={team.name} role={role} />
                      <ActionButton
                        action={deleteCustomRoleAction}
                        fields={{ team: team.name, roleId: role.id }}
                        label={`Delete ${role.name}`}
                        variant="ghost"
                        confirm={{
                          title: `Delete the role “${role.name}”?`,
                          description:
                            role.memberCount === 0
                              ? `Nobody holds it. Pending invites with it invite as ${baseRoleLabels[role.baseRole]}.`
                              : `${plural(role.memberCount, 'member holds', 'members hold')} it across the organization. They stay in their teams as ${baseRoleLabels[role.baseRole]}, without the extra permissions. Pending invites with it invite as ${baseRoleLabels[role.baseRole]}.`,
                          confirmLabel: 'Delete role',
                        }}
                      >
                        Delete
                      </ActionButton>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>

        {viewerCanCompose && (
          <Card
            title="Compose a role"
            description={`Available to every team of ${organizationName}.`}
          >
            <CustomRoleForm teamName={team.name} organizationId={organizationId} />
          </Card>
        )}
      </div>
    </>
  );
}
