import {
  createCustomRole,
  deleteCustomRole,
  listCustomRolesForTeam,
  updateCustomRole,
  type CustomRoleView,
} from '@/lib/teams/custom-roles';
import { createTeam, deleteTeam, listAdministeredOrganizations } from '@/lib/teams/create-team';
import {
  acceptInvite,
  inviteMember,
  listInvites,
  resendInvite,
  revokeInvite,
  type InviteView,
} from '@/lib/teams/invites';
import {
  changeMemberRole,
  listMembers,
  removeMember,
  setRegistryAdmin,
  type MemberView,
} from '@/lib/teams/members';
import { listMyTeams, type MyTeam } from '@/lib/teams/my-teams';
import {
  createServiceAccount,
  deleteServiceAccount,
  listServiceAccounts,
  type ServiceAccountView,
} from '@/lib/teams/service-accounts';
import { getTeamProfile, type TeamProfile } from '@/lib/teams/team-profile';
import {
  getTeamShowcase,
  setTeamShowcase,
  type ShowcasedProject as ShowcasedProjectView,
} from '@/lib/teams/team-showcase';
import {
  getTeamSettings,
  updateTeamProfile,
  updateTeamSettings,
  type TeamSettings,
} from '@/lib/teams/team-settings';
import {
  readSystemSettings,
  updateSystemSettings,
  type SystemSettings,
} from '@/lib/system/settings';
import { teamPermissions } from '@/lib/permissions/team-grants';
import { builder } from '../builder';

const TeamRole = builder.enumType('TeamRole', {
  values: ['ADMIN', 'MEMBER', 'VIEW_ONLY'] as const,
});
const OrganizationType = builder.enumType('OrganizationType', {
  values: ['WORK', 'ACADEMIC'] as const,
});
const TeamPermissionEnum = builder.enumType('TeamPermission', {
  description: 'A permission from the catalog, for custom roles (e.g. run:delete is RUN_DELETE)',
  values: Object.fromEntries(
    teamPermissions.map((p) => [p.replace(/[:-]/g, '_').toUpperCase(), { value: p }]),
  ) as Record<string, { value: (typeof teamPermissions)[number] }>,
});
const InviteStateEnum = builder.enumType('InviteState', {
  values: ['pending', 'expired', 'revoked', 'accepted'] as const,
});

const Member = builder.objectRef<MemberView>('TeamMember').implement({
  fields: (t) => ({
    userId: t.exposeID('userId'),
    username: t.exposeString('username'),
    name: t.exposeString('name'),
    email: t.exposeString('email', { nullable: true }),
    role: t.field({ type: TeamRole, resolve: (m) => m.role }),
    customRoleName: t.exposeString('customRoleName', { nullable: true }),
    isRegistryAdmin: t.exposeBoolean('isRegistryAdmin'),
    joinedAt: t.expose('joinedAt', { type: 'DateTime' }),
  }),
});

const Invite = builder.objectRef<InviteView>('TeamInvite').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.exposeString('email'),
    role: t.field({ type: TeamRole, resolve: (i) => i.role }),
    customRoleName: t.exposeString('customRoleName', { nullable: true }),
    state: t.field({ type: InviteStateEnum, resolve: (i) => i.state }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const TeamSettingsRef = builder.objectRef<TeamSettings>('TeamSettings').implement({
  fields: (t) => ({
    forcePrivateProjects: t.exposeBoolean('forcePrivateProjects'),
    codeSavingDefault: t.exposeBoolean('codeSavingDefault'),
    runFinishedEmail: t.exposeBoolean('runFinishedEmail'),
    runFinishedSlack: t.exposeBoolean('runFinishedSlack'),
    runCrashedEmail: t.exposeBoolean('runCrashedEmail'),
    runCrashedSlack: t.exposeBoolean('runCrashedSlack'),
    customEmail: t.exposeBoolean('customEmail', { description: 'Email alerts sent by code' }),
    customSlack: t.exposeBoolean('customSlack', { description: 'Slack alerts sent by code' }),
    slackWebhookUrl: t.exposeString('slackWebhookUrl', { nullable: true }),
  }),
});

const ServiceAccount = builder.objectRef<ServiceAccountView>('ServiceAccount').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    keyPrefix: t.exposeString('keyPrefix', { nullable: true }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const CustomRole = builder.objectRef<CustomRoleView>('CustomRole').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    baseRole: t.field({ type: TeamRole, resolve: (r) => r.baseRole }),
    permissions: t.field({
      type: [TeamPermissionEnum],
      description: 'Extras on top of the base role, granted on everything (not only own)',
      resolve: (r) => r.permissions,
    }),
    memberCount: t.exposeInt('memberCount', {
      description: 'Members holding it across the teams of the organization',
    }),
  }),
});

const ShowcasedProject = builder.objectRef<ShowcasedProjectView>('ShowcasedProject').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    runCount: t.exposeInt('runCount'),
  }),
});

const TeamLink = builder.objectRef<{ label: string; url: string }>('TeamLink').implement({
  fields: (t) => ({ label: t.exposeString('label'), url: t.exposeString('url') }),
});

export const Team = builder.objectRef<TeamProfile>('Team').implement({
  description: 'A team: an entity whose projects its members share',
  fields: (t) => ({
    name: t.exposeString('name'),
    type: t.field({ type: OrganizationType, resolve: (team) => team.type }),
    organizationName: t.exposeString('organizationName'),
    intro: t.exposeString('intro', { description: 'Markdown' }),
    links: t.field({ type: [TeamLink], resolve: (team) => team.links }),
    avatarUrl: t.exposeString('avatarUrl', { nullable: true }),
    memberCount: t.exposeInt('memberCount'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    viewerRole: t.field({ type: TeamRole, nullable: true, resolve: (team) => team.viewerRole }),
    // Admin-only parts: null (with a FORBIDDEN error) for everyone else.
    members: t.field({
      type: [Member],
      nullable: true,
      resolve: (team, _a, ctx) => listMembers(ctx.actor, team.name),
    }),
    invites: t.field({
      type: [Invite],
      nullable: true,
      resolve: (team, _a, ctx) => listInvites(ctx.actor, team.name),
    }),
    settings: t.field({
      type: TeamSettingsRef,
      nullable: true,
      resolve: (team, _a, ctx) => getTeamSettings(ctx.actor, team.name),
    }),
    serviceAccounts: t.field({
      type: [ServiceAccount],
      nullable: true,
      resolve: (team, _a, ctx) => listServiceAccounts(ctx.actor, team.name),
    }),
    customRoles: t.field({
      type: [CustomRole],
      nullable: true,
      resolve: (team, _a, ctx) => listCustomRolesForTeam(ctx.actor, team.name),
    }),
    showcasedProjects: t.field({
      type: [ShowcasedProject],
      description: 'Projects the admins showcase on the profile, those the viewer may see',
      resolve: async (team, _a, ctx) => (await getTeamShowcase(ctx.actor, team.name)).projects,
    }),
  }),
});

const MyTeamRef = builder.objectRef<MyTeam>('MyTeam').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    role: t.field({ type: TeamRole, resolve: (m) => m.role }),
    organizationName: t.exposeString('organizationName'),
    memberCount: t.exposeInt('memberCount'),
  }),
});

const Organization = builder
  .objectRef<{ id: string; name: string; type: 'WORK' | 'ACADEMIC' }>('Organization')
  .implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      name: t.exposeString('name'),
      type: t.field({ type: OrganizationType, resolve: (o) => o.type }),
    }),
  });

const SystemSettingsRef = builder.objectRef<SystemSettings>('SystemSettings').implement({
  fields: (t) => ({
    organizationCreation: t.exposeString('organizationCreation', {
      description: '"anyone" or "admins"',
    }),
    defaultStorageLimitGb: t.exposeInt('defaultStorageLimitGb'),
  }),
});

builder.queryFields((t) => ({
  team: t.field({
    type: Team,
    args: { name: t.arg.string({ required: true }) },
    resolve: (_root, { name }, ctx) => getTeamProfile(ctx.actor, name),
  }),
  myTeams: t.field({ type: [MyTeamRef], resolve: (_root, _args, ctx) => listMyTeams(ctx.actor) }),
  administeredOrganizations: t.field({
    type: [Organization],
    description: 'Organizations where the viewer may create teams',
    resolve: (_root, _args, ctx) => listAdministeredOrganizations(ctx.actor),
  }),
  systemSettings: t.field({
    type: SystemSettingsRef,
    resolve: (_root, _args, ctx) => readSystemSettings(ctx.actor),
  }),
}));

const CreateTeamInput = builder.inputType('CreateTeamInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    type: t.field({ type: OrganizationType, required: true }),
    organizationId: t.id(),
    newOrganizationName: t.string(),
  }),
});

const TeamSettingsInput = builder.inputType('TeamSettingsInput', {
  fields: (t) => ({
    forcePrivateProjects: t.boolean({ required: true }),
    codeSavingDefault: t.boolean({ required: true }),
    runFinishedEmail: t.boolean({ required: true }),
    runFinishedSlack: t.boolean({ required: true }),
    runCrashedEmail: t.boolean({ required: true }),
    runCrashedSlack: t.boolean({ required: true }),
    customEmail: t.boolean({ description: 'Left out: unchanged' }),
    customSlack: t.boolean({ description: 'Left out: unchanged' }),
    slackWebhookUrl: t.string(),
  }),
});

const TeamLinkInput = builder.inputType('TeamLinkInput', {
  fields: (t) => ({ label: t.string({ required: true }), url: t.string({ required: true }) }),
});

const CreatedServiceAccount = builder
  .objectRef<{ serviceAccount: { id: string; name: string }; secret: string }>(
    'CreatedServiceAccount',
  )
  .implement({
    fields: (t) => ({
      id: t.id({ resolve: (created) => created.serviceAccount.id }),
      name: t.string({ resolve: (c) => c.serviceAccount.name }),
      secret: t.exposeString('secret', { description: 'The API key. Shown once.' }),
    }),
  });

builder.mutationFields((t) => ({
  createTeam: t.field({
    type: Team,
    args: { input: t.arg({ type: CreateTeamInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const team = await createTeam(ctx.actor, {
        name: input.name,
        type: input.type,
        organizationId: input.organizationId ? String(input.organizationId) : undefined,
        newOrganizationName: input.newOrganizationName ?? undefined,
      });
      return getTeamProfile(ctx.actor, team.name);
    },
  }),
  deleteTeam: t.boolean({
    args: { name: t.arg.string({ required: true }) },
    resolve: async (_root, { name }, ctx) => (await deleteTeam(ctx.actor, name), true),
  }),
  inviteMember: t.field({
    type: Invite,
    args: {
      team: t.arg.string({ required: true }),
      email: t.arg.string({ required: true }),
      role: t.arg({ type: TeamRole, required: true }),
      customRoleId: t.arg.id(),
    },
    resolve: (_root, args, ctx) =>
      inviteMember(ctx.actor, args.team, {
        email: args.email,
        role: args.role,
        customRoleId: args.customRoleId ? String(args.customRoleId) : null,
      }),
  }),
  revokeInvite: t.boolean({
    args: { team: t.arg.string({ required: true }), id: t.arg.id({ required: true }) },
    resolve: async (_root, { team, id }, ctx) => (
      await revokeInvite(ctx.actor, team, String(id)),
      true
    ),
  }),
  resendInvite: t.field({
    type: Invite,
    args: { team: t.arg.string({ required: true }), id: t.arg.id({ required: true }) },
    resolve: (_root, { team, id }, ctx) => resendInvite(ctx.actor, team, String(id)),
  }),
  acceptInvite: t.string({
    description: 'Joins the team of an invite token; returns the team name',
    args: { token: t.arg.string({ required: true }) },
    resolve: async (_root, { token }, ctx) => (await acceptInvite(ctx.actor, token)).teamName,
  }),
  changeMemberRole: t.boolean({
    args: {
      team: t.arg.string({ required: true }),
      userId: t.arg.id({ required: true }),
      role: t.arg({ type: TeamRole, required: true }),
      customRoleId: t.arg.id(),
    },
    resolve: async (_root, args, ctx) => (
      await changeMemberRole(ctx.actor, args.team, String(args.userId), {
        role: args.role,
        customRoleId: args.customRoleId ? String(args.customRoleId) : null,
      }),
      true
    ),
  }),
  removeMember: t.boolean({
    args: { team: t.arg.string({ required: true }), userId: t.arg.id({ required: true }) },
    resolve: async (_root, { team, userId }, ctx) => (
      await removeMember(ctx.actor, team, String(userId)),
      true
    ),
  }),
  setRegistryAdmin: t.boolean({
    args: {
      team: t.arg.string({ required: true }),
      userId: t.arg.id({ required: true }),
      isRegistryAdmin: t.arg.boolean({ required: true }),
    },
    resolve: async (_root, args, ctx) => (
      await setRegistryAdmin(ctx.actor, args.team, String(args.userId), args.isRegistryAdmin),
      true
    ),
  }),
  updateTeamSettings: t.field({
    type: TeamSettingsRef,
    args: {
      team: t.arg.string({ required: true }),
      input: t.arg({ type: TeamSettingsInput, required: true }),
    },
    resolve: (_root, { team, input }, ctx) =>
      updateTeamSettings(ctx.actor, team, {
        ...input,
        customEmail: input.customEmail ?? undefined,
        customSlack: input.customSlack ?? undefined,
        slackWebhookUrl: input.slackWebhookUrl ?? null,
      }),
  }),
  updateTeamProfile: t.boolean({
    args: {
      team: t.arg.string({ required: true }),
      intro: t.arg.string({ required: true }),
      links: t.arg({ type: [TeamLinkInput], required: true }),
    },
    resolve: async (_root, { team, intro, links }, ctx) => (
      await updateTeamProfile(ctx.actor, team, { intro, links }),
      true
    ),
  }),
  createServiceAccount: t.field({
    type: CreatedServiceAccount,
    args: { team: t.arg.string({ required: true }), name: t.arg.string({ required: true }) },
    resolve: (_root, { team, name }, ctx) => createServiceAccount(ctx.actor, team, name),
  }),
  deleteServiceAccount: t.boolean({
    args: { team: t.arg.string({ required: true }), id: t.arg.id({ required: true }) },
    resolve: async (_root, { team, id }, ctx) => (
      await deleteServiceAccount(ctx.actor, team, String(id)),
      true
    ),
  }),
  createCustomRole: t.field({
    type: CustomRole,
    args: {
      organizationId: t.arg.id({ required: true }),
      name: t.arg.string({ required: true }),
      baseRole: t.arg({ type: TeamRole, required: true }),
      permissions: t.arg({ type: [TeamPermissionEnum], required: true }),
    },
    resolve: (_root, args, ctx) =>
      createCustomRole(ctx.actor, String(args.organizationId), {
        name: args.name,
        baseRole: args.baseRole as 'MEMBER' | 'VIEW_ONLY',
        permissions: args.permissions,
      }),
  }),
  updateCustomRole: t.field({
    type: CustomRole,
    description: 'Organization admins: members holding the role get the change at once',
    args: {
      id: t.arg.id({ required: true }),
      name: t.arg.string({ required: true }),
      baseRole: t.arg({ type: TeamRole, required: true }),
      permissions: t.arg({ type: [TeamPermissionEnum], required: true }),
    },
    resolve: (_root, args, ctx) =>
      updateCustomRole(ctx.actor, String(args.id), {
        name: args.name,
        baseRole: args.baseRole as 'MEMBER' | 'VIEW_ONLY',
        permissions: args.permissions,
      }),
  }),
  deleteCustomRole: t.int({
    description:
      'Organization admins. Members holding it fall back to its base role; returns how many',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) =>
      (await deleteCustomRole(ctx.actor, String(id))).membersFallenBack,
  }),
  setTeamShowcase: t.boolean({
    description: 'Team admins: the projects shown at the top of the profile, in order',
    args: {
      team: t.arg.string({ required: true }),
      projectIds: t.arg.idList({ required: true }),
    },
    resolve: async (_root, { team, projectIds }, ctx) => (
      await setTeamShowcase(ctx.actor, team, projectIds.map(String)),
      true
    ),
  }),
  updateSystemSettings: t.field({
    type: SystemSettingsRef,
    args: {
      organizationCreation: t.arg.string({ required: true }),
      defaultStorageLimitGb: t.arg.int({ required: true }),
    },
    resolve: (_root, args, ctx) =>
      updateSystemSettings(ctx.actor, {
        organizationCreation: args.organizationCreation as SystemSettings['organizationCreation'],
        defaultStorageLimitGb: args.defaultStorageLimitGb,
      }),
  }),
}));
