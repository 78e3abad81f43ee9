import { changePassword, deleteAccount, signOutEverywhere } from '@/lib/accounts/account-security';
import { createApiKey, listApiKeys, revokeApiKey, type ApiKeyView } from '@/lib/accounts/api-keys';
import { verifyEmail } from '@/lib/accounts/email-verification';
import { betaFeatures, enabledBetaFeatures } from '@/lib/accounts/feature-flags';
import {
  addEmail,
  deleteEmail,
  listEmails,
  resendVerification,
  setPrimaryEmail,
  type EmailView,
} from '@/lib/accounts/manage-emails';
import {
  alertPreferencesOf,
  setBetaFeature,
  updateAlertPreferences,
  updateProfile,
  type AlertPreferences,
} from '@/lib/accounts/profile';
import {
  listLinkedAccounts,
  unlinkAccount,
  type LinkedAccountView,
} from '@/lib/accounts/linked-accounts';
import { signUp } from '@/lib/accounts/sign-up';
import { getViewer, type Viewer } from '@/lib/accounts/viewer';
import { builder } from '../builder';

const EmailRef = builder.objectRef<EmailView>('Email').implement({
  description: 'An email address of the signed-in user',
  fields: (t) => ({
    id: t.exposeID('id'),
    address: t.exposeString('address'),
    verified: t.exposeBoolean('verified'),
    isPrimary: t.exposeBoolean('isPrimary'),
    loginMethods: t.exposeStringList('loginMethods', {
      description: 'password, oidc, github, google…',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const ApiKeyRef = builder.objectRef<ApiKeyView>('ApiKey').implement({
  description: 'An API key; its secret is only shown when created',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', {
      description: 'The first characters of the key, to recognise it',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
  }),
});

const AlertPreferencesRef = builder.objectRef<AlertPreferences>('AlertPreferences').implement({
  fields: (t) => ({
    runFinishedEmail: t.exposeBoolean('runFinishedEmail'),
    runFinishedSlack: t.exposeBoolean('runFinishedSlack'),
    runCrashedEmail: t.exposeBoolean('runCrashedEmail'),
    runCrashedSlack: t.exposeBoolean('runCrashedSlack'),
    customEmail: t.exposeBoolean('customEmail', { description: 'Email alerts sent by code' }),
    customSlack: t.exposeBoolean('customSlack', { description: 'Slack alerts sent by code' }),
    slackWebhookUrl: t.exposeString('slackWebhookUrl', { nullable: true }),
  }),
});

const BetaFeatureRef = builder
  .objectRef<{ key: string; label: string; description: string; enabled: boolean }>('BetaFeature')
  .implement({
    fields: (t) => ({
      key: t.exposeString('key'),
      label: t.exposeString('label'),
      description: t.exposeString('description'),
      enabled: t.exposeBoolean('enabled'),
    }),
  });

const LinkedAccountRef = builder.objectRef<LinkedAccountView>('LinkedAccount').implement({
  description: 'A login method or integration linked to the account (SSO, GitHub, Google)',
  fields: (t) => ({
    id: t.exposeID('id'),
    provider: t.exposeString('provider'),
    displayName: t.exposeString('displayName', { nullable: true }),
    email: t.exposeString('email', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const ViewerRef = builder.objectRef<Viewer>('Viewer').implement({
  description: 'The signed-in user',
  fields: (t) => ({
    id: t.exposeID('id'),
    username: t.exposeString('username'),
    name: t.exposeString('name'),
    institution: t.exposeString('institution'),
    bio: t.exposeString('bio'),
    location: t.exposeString('location'),
    website: t.exposeString('website'),
    imageUrl: t.exposeString('imageUrl', { nullable: true }),
    isSystemAdmin: t.exposeBoolean('isSystemAdmin'),
    hasPassword: t.exposeBoolean('hasPassword'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    emails: t.field({ type: [EmailRef], resolve: (_viewer, _args, ctx) => listEmails(ctx.actor) }),
    apiKeys: t.field({
      type: [ApiKeyRef],
      resolve: (_viewer, _args, ctx) => listApiKeys(ctx.actor),
    }),
    linkedAccounts: t.field({
      type: [LinkedAccountRef],
      resolve: (_viewer, _args, ctx) => listLinkedAccounts(ctx.actor),
    }),
    alertPreferences: t.field({
      type: AlertPreferencesRef,
      resolve: (viewer) => alertPreferencesOf(viewer.user),
    }),
    betaFeatures: t.field({
      type: [BetaFeatureRef],
      resolve: (viewer) => {
        const enabled = enabledBetaFeatures(viewer.user.betaFeatures);
        return betaFeatures.map((feature) => ({
          ...feature,
          enabled: enabled.includes(feature.key),
        }));
      },
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: ViewerRef,
    nullable: true,
    description: 'The signed-in user, or null when anonymous',
    resolve: (_root, _args, ctx) => getViewer(ctx.actor),
  }),
);

const SignUpInput = builder.inputType('SignUpInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    username: t.string({ required: true }),
    password: t.string({ required: true }),
    name: t.string(),
  }),
});

const ProfileInput = builder.inputType('ProfileInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    institution: t.string({ required: true }),
    bio: t.string({ required: true }),
    location: t.string({ required: true }),
    website: t.string({ required: true }),
  }),
});

const AlertPreferencesInput = builder.inputType('AlertPreferencesInput', {
  fields: (t) => ({
    runFinishedEmail: t.boolean({ required: true }),
    runFinishedSlack: t.boolean({ required: true }),
    runCrashedEmail: t.boolean({ required: true }),
    runCrashedSlack: t.boolean({ required: true }),
    customEmail: t.boolean({ description: 'Left out: unchanged' }),
    customSlack: t.boolean({ description: 'Left out: unchanged' }),
    slackWebhookUrl: t.string(),
  }),
});

const CreatedApiKey = builder
  .objectRef<{ apiKey: ApiKeyView; secret: string }>('CreatedApiKey')
  .implement({
    fields: (t) => ({
      apiKey: t.field({ type: ApiKeyRef, resolve: (created) => created.apiKey }),
      secret: t.exposeString('secret', { description: 'The whole key. Shown once: store it now.' }),
    }),
  });

const SignUpResult = builder.objectRef<{ username: string }>('SignUpResult').implement({
  fields: (t) => ({ username: t.exposeString('username') }),
});

builder.mutationFields((t) => ({
  signUp: t.field({
    type: SignUpResult,
    description: 'Creates an account and mails a verification link to its email',
    args: { input: t.arg({ type: SignUpInput, required: true }) },
    resolve: (_root, { input }) => signUp({ ...input, name: input.name ?? undefined }),
  }),
  verifyEmail: t.field({
    type: 'String',
    description: 'Spends a verification token; returns the verified address',
    args: { token: t.arg.string({ required: true }) },
    resolve: async (_root, { token }) => (await verifyEmail(token)).address,
  }),
  updateProfile: t.field({
    type: ViewerRef,
    args: { input: t.arg({ type: ProfileInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      await updateProfile(ctx.actor, input);
      return (await getViewer(ctx.actor))!;
    },
  }),
  addEmail: t.field({
    type: EmailRef,
    args: { address: t.arg.string({ required: true }) },
    resolve: (_root, { address }, ctx) => addEmail(ctx.actor, address),
  }),
  deleteEmail: t.boolean({
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => (await deleteEmail(ctx.actor, String(id)), true),
  }),
  setPrimaryEmail: t.boolean({
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => (await setPrimaryEmail(ctx.actor, String(id)), true),
  }),
  resendVerificationEmail: t.boolean({
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => (await resendVerification(ctx.actor, String(id))).sent,
  }),
  createApiKey: t.field({
    type: CreatedApiKey,
    args: { name: t.arg.string({ required: true }) },
    resolve: (_root, { name }, ctx) => createApiKey(ctx.actor, name),
  }),
  revokeApiKey: t.boolean({
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => (await revokeApiKey(ctx.actor, String(id)), true),
  }),
  setBetaFeature: t.stringList({
    description: 'Turns a beta feature on or off; returns the enabled keys',
    args: { key: t.arg.string({ required: true }), enabled: t.arg.boolean({ required: true }) },
    resolve: (_root, { key, enabled }, ctx) => setBetaFeature(ctx.actor, key, enabled),
  }),
  updateAlertPreferences: t.field({
    type: AlertPreferencesRef,
    args: { input: t.arg({ type: AlertPreferencesInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      updateAlertPreferences(ctx.actor, {
        ...input,
        customEmail: input.customEmail ?? undefined,
        customSlack: input.customSlack ?? undefined,
        slackWebhookUrl: input.slackWebhookUrl ?? null,
      }),
  }),
  changePassword: t.boolean({
    description: 'Sets a new password and signs out every session',
    args: {
      currentPassword: t.arg.string({ required: true }),
      newPassword: t.arg.string({ required: true }),
    },
    resolve: async (_root, args, ctx) => (await changePassword(ctx.actor, args), true),
  }),
  unlinkAccount: t.boolean({
    description: 'Disconnects a linked login, unless it is the only way left to sign in',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => (await unlinkAccount(ctx.actor, String(id)), true),
  }),
  signOutEverywhere: t.boolean({
    resolve: async (_root, _args, ctx) => (await signOutEverywhere(ctx.actor), true),
  }),
  deleteAccount: t.boolean({
    description: 'Deletes the account for good; confirm by typing the username',
    args: { confirmUsername: t.arg.string({ required: true }) },
    resolve: async (_root, { confirmUsername }, ctx) => (
      await deleteAccount(ctx.actor, confirmUsername),
      true
    ),
  }),
}));
