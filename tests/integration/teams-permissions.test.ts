import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { init } from '../../sdk/src/index';
import { startAppHttpServer } from '../helpers/app-http-server';
import { graphql, type As, type GraphQLResponse } from '../helpers/graphql';
import {
  addMember,
  apiKeyOf,
  createTeamVia,
  expectOk,
  insertUser,
  membershipOf,
} from '../helpers/teams';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

// Set before any app module reads the environment (getEnv() caches per test file). Without
// SMTP, invite mails stay in the local outbox: this file is about who may do what.
process.env.AUTH_SECRET = testAuthSecret;
process.env.LOG_LEVEL = 'silent';
delete process.env.SMTP_URL;
// Artifact bytes go to a local blob store of this file's own.
process.env.STORAGE_DRIVER = 'local';
process.env.SEXTANT_DATA_DIR = await mkdtemp(path.join(os.tmpdir(), 'sextant-permissions-'));
const { getPrisma } = await import('@/lib/db/prisma');
const { getSystemSettings } = await import('@/lib/system/settings');
const { can } = await import('@/lib/permissions/catalog');
const { teamPermissions } = await import('@/lib/permissions/team-grants');
type TeamAccess = import('@/lib/permissions/catalog').TeamAccess;
type TeamPermission = import('@/lib/permissions/team-grants').TeamPermission;
type Actor = import('@/lib/auth/actor').Actor;

/**
 * Every actor against every team action of the GraphQL API (PERMISSIONS.md, "Team settings",
 * "System settings", "Reports", "Artifacts" and "Model registry"; REST over real HTTP where an action
 * exists only there). Allowed: no error and the effect is there. Refused: exactly one error,
 * UNAUTHENTICATED for anonymous requests, NOT_FOUND for those the team's private project or
 * registry is hidden from, FORBIDDEN for anyone else, and nothing changed in the database.
 */

const actorNames = [
  'anonymous',
  'outsider',
  'viewOnly',
  'member',
  'customRole',
  'registryAdmin',
  'admin',
  'orgAdmin',
  'systemAdmin',
  'serviceAccount',
  'memberApiKey',
  'viewOnlyApiKey',
  'customRoleApiKey',
  'adminApiKey',
] as const;
type ActorName = (typeof actorNames)[number];

/** Who each actor is, for failure messages. */
const actorDescriptions: Record<ActorName, string> = {
  anonymous: 'an anonymous request',
  outsider: 'a signed-in admin of another team',
  viewOnly: 'a view-only member',
  member: 'a member',
  customRole: 'a custom-role member (view-only + team:invite)',
  registryAdmin: 'a member who is a model-registry admin',
  admin: 'a team admin',
  orgAdmin: 'the organization admin who created the team (its first admin)',
  systemAdmin: 'a system admin who is not a member',
  serviceAccount: "the team's service account",
  memberApiKey: "a member's API key",
  viewOnlyApiKey: "a view-only member's API key",
  customRoleApiKey: "the custom-role member's API key",
  adminApiKey: "a team admin's API key",
};
/** Each actor's credentials (filled in beforeAll). */
const as = {} as Record<ActorName, As>;

const team = 'acme';
let organizationId = '';
let serial = 0;
/** A name no other case uses, so no case sees another's side effects. */
const unique = (prefix: string) => `${prefix}-${++serial}`;

const teamAdmins: ActorName[] = ['admin', 'orgAdmin', 'adminApiKey'];

interface Action<S> {
  /** The one line to edit: who may do it. */
  allowed: readonly ActorName[];
  /**
   * The catalog permissions the service checks (all of them must hold). The table's
   * `allowed` is the contract (PERMISSIONS.md); a test checks the catalog says the same.
   */
  permissions?: readonly TeamPermission[];
  /**
   * Refused actors who may not even see the target: they get NOT_FOUND, not FORBIDDEN
   * (nor UNAUTHENTICATED, where anonymous is listed).
   */
  hidden?: readonly ActorName[];
  /** Per-case fixture (throwaway target, fresh name, reset state). */
  prepare: () => Promise<S>;
  run: (actor: As, state: S) => Promise<GraphQLResponse>;
  /** Whether the action happened (for reads: whether the data came back). */
  happened: (state: S, response: GraphQLResponse) => Promise<boolean>;
  /** Reads answer 200 with partial data; refused mutations answer the error's status. */
  read?: boolean;
}
const action = <S>(definition: Action<S>) => definition as Action<unknown>;

/** A member who exists only for this case, so removing or re-roling them harms nobody. */
async function throwawayMember() {
  const user = await insertUser(unique('target'));
  await addMember(team, user.id, 'MEMBER');
  return user;
}

const teamField = (field: string) =>
  `query ($team: String!) { team(name: $team) { name ${field} } }`;
const teamData = (response: GraphQLResponse) =>
  (response.data as { team?: Record<string, unknown> } | null | undefined)?.team;

const settingsInput = {
  forcePrivateProjects: false,
  codeSavingDefault: true,
  runFinishedEmail: true,
  runFinishedSlack: false,
  runCrashedEmail: true,
  runCrashedSlack: false,
  slackWebhookUrl: null,
};

const actions: Record<string, Action<unknown>> = {
  'read team settings': action({
    allowed: teamAdmins,
    read: true,
    prepare: async () => undefined,
    run: (actor) => graphql(teamField('settings { forcePrivateProjects }'), { team }, actor),
    happened: async (_s, response) => {
      const settings = teamData(response)?.settings;
      if (settings) expect(settings).toEqual({ forcePrivateProjects: false });
      return settings != null;
    },
  }),
  'read members': action({
    allowed: teamAdmins,
    read: true,
    prepare: async () => undefined,
    run: (actor) => graphql(teamField('members { username role email }'), { team }, actor),
    happened: async (_s, response) => {
      const members = teamData(response)?.members as { username: string }[] | null | undefined;
      if (members) {
        expect(members).toContainEqual({
          username: 'olga',
          role: 'ADMIN',
          email: 'olga@example.com',
        });
        expect(members.map((m) => m.username)).toEqual(
          expect.arrayContaining(['vera', 'mike', 'cora', 'rita', 'adam']),
        );
      }
      return members != null;
    },
  }),
  'read invites': action({
    allowed: teamAdmins,
    read: true,
    prepare: async () => {
      const email = `${unique('listed')}@example.com`;
      await getPrisma().invite.create({
        data: {
          team: { connect: { name: team } },
          email,
          role: 'MEMBER',
          tokenHash: unique('hash'),
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      });
      return email;
    },
    run: (actor) => graphql(teamField('invites { email state }'), { team }, actor),
    happened: async (email, response) => {
      const invites = teamData(response)?.invites;
      if (invites) expect(invites).toContainEqual({ email, state: 'pending' });
      return invites != null;
    },
  }),
  'invite a member': action({
    allowed: [...teamAdmins, 'customRole', 'customRoleApiKey'],
    prepare: async () => `${unique('invitee')}@example.com`,
    run: (actor, email) =>
      graphql(
        `
          mutation ($team: String!, $email: String!) {
            inviteMember(team: $team, email: $email, role: MEMBER) {
              email
              state
            }
          }
        `,
        { team, email },
        actor,
      ),
    happened: async (email) => (await getPrisma().invite.count({ where: { email: email } })) === 1,
  }),
  'remove a member': action({
    allowed: teamAdmins,
    prepare: throwawayMember,
    run: (actor, target) =>
      graphql(
        `
          mutation ($team: String!, $userId: ID!) {
            removeMember(team: $team, userId: $userId)
          }
        `,
        { team, userId: target.id },
        actor,
      ),
    happened: async (target) => !(await membershipOf(team, target.id)),
  }),
  "change a member's role": action({
    allowed: teamAdmins,
    prepare: throwawayMember,
    run: (actor, target) =>
      graphql(
        `
          mutation ($team: String!, $userId: ID!) {
            changeMemberRole(team: $team, userId: $userId, role: VIEW_ONLY)
          }
        `,
        { team, userId: target.id },
        actor,
      ),
    happened: async (target) => (await membershipOf(team, target.id))?.role === 'VIEW_ONLY',
  }),
  'update team settings': action({
    allowed: teamAdmins,
    prepare: async () => {
      await getPrisma().team.update({ where: { name: team }, data: { codeSavingDefault: false } });
    },
    run: (actor) =>
      graphql(
        `
          mutation ($team: String!, $input: TeamSettingsInput!) {
            updateTeamSettings(team: $team, input: $input) {
              codeSavingDefault
            }
          }
        `,
        { team, input: settingsInput },
        actor,
      ),
    happened: async () =>
      (await getPrisma().team.findUniqueOrThrow({ where: { name: team } })).codeSavingDefault,
  }),
  'remove the team storage connector': action({
    allowed: teamAdmins,
    // A connector row as saving leaves it (removing never decrypts or calls the bucket).
    prepare: async () => {
      const { entityId } = await getPrisma().team.findUniqueOrThrow({ where: { name: team } });
      await getPrisma().storageConnector.updateMany({
        where: { entityId, disabledAt: null },
        data: { disabledAt: new Date() },
      });
      return getPrisma().storageConnector.create({
        data: {
          entityId,
          endpoint: 'https://s3.example.com',
          bucket: 'team-bucket',
          region: 'us-east-1',
          accessKeyHint: 'WXYZ',
          credentials: 'v1.sealed',
        },
      });
    },
    run: (actor) =>
      graphql(
        `
          mutation ($team: String!) {
            removeTeamStorageConnector(team: $team)
          }
        `,
        { team },
        actor,
      ),
    happened: async (row) =>
      !!(await getPrisma().storageConnector.findUniqueOrThrow({ where: { id: row.id } }))
        .disabledAt,
  }),
  'update the team profile': action({
    allowed: teamAdmins,
    prepare: async () => unique('intro'),
    run: (actor, intro) =>
      graphql(
        `
          mutation ($team: String!, $intro: String!) {
            updateTeamProfile(team: $team, intro: $intro, links: [])
          }
        `,
        { team, intro },
        actor,
      ),
    happened: async (intro) =>
      (await getPrisma().team.findUniqueOrThrow({ where: { name: team } })).intro === intro,
  }),
  'create a service account': action({
    allowed: teamAdmins,
    prepare: async () => unique('robot'),
    run: (actor, name) =>
      graphql(
        `
          mutation ($team: String!, $name: String!) {
            createServiceAccount(team: $team, name: $name) {
              id
              secret
            }
          }
        `,
        { team, name },
        actor,
      ),
    happened: async (name) =>
      (await getPrisma().serviceAccount.count({ where: { name: name } })) === 1,
  }),
  'set a registry admin': action({
    allowed: [...teamAdmins, 'registryAdmin'],
    permissions: ['registry:manage-admins'],
    prepare: throwawayMember,
    run: (actor, target) =>
      graphql(
        `
          mutation ($team: String!, $userId: ID!) {
            setRegistryAdmin(team: $team, userId: $userId, isRegistryAdmin: true)
          }
        `,
        { team, userId: target.id },
        actor,
      ),
    happened: async (target) => !!(await membershipOf(team, target.id))?.isRegistryAdmin,
  }),
  'create a custom role': action({
    allowed: ['orgAdmin', 'systemAdmin'],
    prepare: async () => unique('Role'),
    run: (actor, name) =>
      graphql(
        `
          mutation ($org: ID!, $name: String!) {
            createCustomRole(
              organizationId: $org
              name: $name
              baseRole: MEMBER
              permissions: [RUN_DELETE]
            ) {
              id
            }
          }
        `,
        { org: organizationId, name },
        actor,
      ),
    happened: async (name) => (await getPrisma().customRole.count({ where: { name: name } })) === 1,
  }),
  "create a team in the team's organization": action({
    // Only the organization's admins and system admins, and only from a browser session.
    allowed: ['orgAdmin', 'systemAdmin'],
    prepare: async () => unique('sibling'),
    run: (actor, name) =>
      graphql(
        `
          mutation ($input: CreateTeamInput!) {
            createTeam(input: $input) {
              name
            }
          }
        `,
        { input: { name, type: 'WORK', organizationId } },
        actor,
      ),
    happened: async (name) => (await getPrisma().entity.count({ where: { name: name } })) === 1,
  }),
  'delete a team': action({
    allowed: ['systemAdmin'],
    prepare: async () => {
      // A team of its own per case (same organization, same members' roles as acme).
      const name = unique('doomed');
      const olga = await getPrisma().user.findUniqueOrThrow({ where: { username: 'olga' } });
      await getPrisma().team.create({
        data: {
          name,
          type: 'WORK',
          organization: { connect: { id: organizationId } },
          entity: { create: { name, kind: 'TEAM' } },
          memberships: { create: { userId: olga.id, role: 'ADMIN' } },
        },
      });
      return name;
    },
    run: (actor, name) =>
      graphql(
        `
          mutation ($name: String!) {
            deleteTeam(name: $name)
          }
        `,
        { name },
        actor,
      ),
    happened: async (name) => {
      const [teams, entities] = await Promise.all([
        getPrisma().team.count({ where: { name: name } }),
        getPrisma().entity.count({ where: { name: name } }),
      ]);
      expect(teams).toBe(entities);
      return teams === 0;
    },
  }),
  'update system settings': action({
    allowed: ['systemAdmin'],
    prepare: async () => {
      await getPrisma().systemSetting.deleteMany();
    },
    run: (actor) =>
      graphql(
        `
          mutation {
            updateSystemSettings(organizationCreation: "anyone", defaultStorageLimitGb: 4242) {
              defaultStorageLimitGb
            }
          }
        `,
        {},
        actor,
      ),
    happened: async () => (await getSystemSettings()).defaultStorageLimitGb === 4242,
  }),
};

// ─── Artifacts and the model registry ───────────────────────────────────────────────────────
// One private project "vision" where the member Mike logged weights:v0 (type model, one stored
// file) from run "trainer", and the team's registered model "classifier" linking it as v0.

/**
 * Who sees the private project and the registry: members, except through a view-only API key
 * (a custom role built on View-only uses API keys with its whole role: decision 012).
 */
const artifactViewers: ActorName[] = [
  'viewOnly',
  'member',
  'customRole',
  'customRoleApiKey',
  'registryAdmin',
  'admin',
  'orgAdmin',
  'serviceAccount',
  'memberApiKey',
  'adminApiKey',
];
/** Members and admins (any way they sign in) and the team's service account. */
const artifactWriters: ActorName[] = [
  'member',
  'registryAdmin',
  'admin',
  'orgAdmin',
  'serviceAccount',
  'memberApiKey',
  'adminApiKey',
];
/** Signed in, but the private project and the registry do not exist for them. */
const strangers: ActorName[] = ['outsider', 'systemAdmin', 'viewOnlyApiKey'];

const project = 'vision';
const weightsBytes = Buffer.from('sextant weights: 0.25 0.5 0.125\n');
const weights = { entity: team, project, artifact: 'weights', version: 'v0' };
const fixtureIds = { entity: '', weightsVersion: '', classifier: '', classifierV0: '' };
let server: Awaited<ReturnType<typeof startAppHttpServer>>;

/** A REST call over real HTTP, answered in the shape the table reads (errors[].extensions.code). */
async function rest(
  method: string,
  urlPath: string,
  actor: As,
  body?: unknown,
): Promise<GraphQLResponse & { bytes: Buffer }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (actor && 'session' in actor) headers.cookie = actor.session;
  if (actor && 'authorization' in actor) headers.authorization = actor.authorization;
  const response = await fetch(`${server.url}${urlPath}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  let json: { error?: { code: string; message: string } } & Record<string, unknown> = {};
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    // a download
  }
  const errors = json.error
    ? [{ message: json.error.message, extensions: { code: json.error.code } }]
    : undefined;
  return { status: response.status, data: json, errors, bytes };
}

const artifactsUrl = `/api/v1/artifacts/${team}/${project}`;

const artifactActions: Record<string, Action<unknown>> = {
  'view artifacts': action({
    allowed: artifactViewers,
    permissions: ['artifact:view'],
    // `project(…)` answers anonymous readers too (public projects): a private one is simply
    // not found for them, where the REST routes and the registry ask them to sign in.
    hidden: ['anonymous', ...strangers],
    read: true,
    prepare: async () => undefined,
    run: (actor) =>
      graphql(
        `
          query ($entity: String!, $project: String!) {
            project(entity: $entity, name: $project) {
              artifact(name: "weights") {
                type
                versions {
                  version
                }
              }
            }
          }
        `,
        { entity: team, project },
        actor,
      ),
    happened: async (_s, response) => {
      const artifact = (response.data as { project?: { artifact?: unknown } } | null | undefined)
        ?.project?.artifact;
      if (artifact) expect(artifact).toEqual({ type: 'model', versions: [{ version: 'v0' }] });
      return artifact != null;
    },
  }),
  'log (create) an artifact': action({
    allowed: artifactWriters,
    permissions: ['artifact:create'],
    hidden: strangers,
    prepare: async () => unique('dataset'),
    run: (actor, name) =>
      rest('POST', `${artifactsUrl}/${name}/versions`, actor, {
        run: 'trainer',
        type: 'dataset',
        references: [{ path: 'raw.tar', uri: 's3://bucket/raw.tar' }],
      }),
    happened: async (name) =>
      (await getPrisma().artifactVersion.count({
        where: { artifact: { name: name as string } },
      })) === 1,
  }),
  'edit artifact metadata': action({
    allowed: artifactWriters,
    permissions: ['artifact:edit-metadata'],
    hidden: strangers,
    prepare: async () => unique('marker'),
    run: (actor, marker) =>
      graphql(
        `
          mutation ($target: ArtifactVersionTarget!, $metadata: JSON) {
            updateArtifactMetadata(target: $target, metadata: $metadata) {
              version
            }
          }
        `,
        { target: weights, metadata: { marker } },
        actor,
      ),
    happened: async (marker) => {
      const version = await getPrisma().artifactVersion.findUniqueOrThrow({
        where: { id: fixtureIds.weightsVersion },
      });
      return (version.metadata as { marker?: string }).marker === marker;
    },
  }),
  'add an artifact alias': action({
    allowed: artifactWriters,
    permissions: ['artifact:edit-aliases'],
    hidden: strangers,
    prepare: async () => unique('best'),
    run: (actor, alias) =>
      graphql(
        `
          mutation ($target: ArtifactVersionTarget!, $alias: String!) {
            setArtifactAlias(target: $target, alias: $alias) {
              version
            }
          }
        `,
        { target: weights, alias },
        actor,
      ),
    happened: async (alias) =>
      (await getPrisma().artifactAlias.count({
        where: { alias: alias as string, versionId: fixtureIds.weightsVersion, protected: false },
      })) === 1,
  }),
  'delete an artifact alias': action({
    allowed: artifactWriters,
    permissions: ['artifact:delete-aliases'],
    hidden: strangers,
    prepare: () => artifactAlias(false),
    run: (actor, alias) => removeArtifactAlias(actor, alias as string),
    happened: async (alias) =>
      (await getPrisma().artifactAlias.count({ where: { alias: alias as string } })) === 0,
  }),
  'protect an artifact alias': action({
    // "add/remove protected aliases": registry admins alone, team admins included.
    allowed: ['registryAdmin'],
    permissions: ['artifact:edit-aliases', 'registry:manage-protected-aliases'],
    hidden: strangers,
    prepare: async () => unique('prod'),
    run: (actor, alias) =>
      graphql(
        `
          mutation ($target: ArtifactVersionTarget!, $alias: String!) {
            setArtifactAlias(target: $target, alias: $alias, protected: true) {
              version
            }
          }
        `,
        { target: weights, alias },
        actor,
      ),
    happened: async (alias) =>
      (await getPrisma().artifactAlias.count({
        where: { alias: alias as string, protected: true },
      })) === 1,
  }),
  'delete a protected artifact alias': action({
    allowed: ['registryAdmin'],
    permissions: ['artifact:delete-aliases', 'registry:manage-protected-aliases'],
    hidden: strangers,
    prepare: () => artifactAlias(true),
    run: (actor, alias) => removeArtifactAlias(actor, alias as string),
    happened: async (alias) =>
      (await getPrisma().artifactAlias.count({ where: { alias: alias as string } })) === 0,
  }),
  'delete an artifact version': action({
    allowed: artifactWriters,
    permissions: ['artifact:delete'],
    hidden: strangers,
    prepare: async () => {
      // An artifact of its own per case, so weights:v0 stays for the other rows.
      const name = unique('scratch');
      const version = await getPrisma().artifactVersion.create({
        data: {
          artifact: {
            create: {
              project: {
                connect: { entityId_name: { entityId: fixtureIds.entity, name: project } },
              },
              name,
              type: 'dataset',
              nextVersion: 1,
            },
          },
          version: 0,
          digest: `digest-${name}`,
          size: 0,
          fileCount: 0,
        },
      });
      await getPrisma().artifactAlias.create({
        data: { artifactId: version.artifactId, alias: 'latest', versionId: version.id },
      });
      return name;
    },
    run: (actor, name) =>
      graphql(
        `
          mutation ($target: ArtifactVersionTarget!) {
            deleteArtifactVersion(target: $target)
          }
        `,
        { target: { ...weights, artifact: name, version: 'v0' } },
        actor,
      ),
    happened: async (name) =>
      (await getPrisma().artifactVersion.count({
        where: { artifact: { name: name as string } },
      })) === 0,
  }),
  'resolve an artifact for download (use)': action({
    allowed: artifactWriters,
    permissions: ['artifact:download'],
    hidden: strangers,
    prepare: async () => undefined,
    run: (actor) => rest('POST', `${artifactsUrl}/samples/use`, actor, { version: 'latest' }),
    happened: async (_s, response) => {
      const files = (response.data as { files?: { path: string; downloadUrl: string }[] }).files;
      if (files) {
        expect(files).toEqual([
          expect.objectContaining({
            path: 'weights.bin',
            downloadUrl: `${artifactsUrl}/samples/versions/v0/files/weights.bin`,
          }),
        ]);
      }
      return response.status === 200 && files != null;
    },
  }),
  'download an artifact file': action({
    allowed: artifactWriters,
    permissions: ['artifact:download'],
    hidden: strangers,
    prepare: async () => undefined,
    run: (actor) => rest('GET', `${artifactsUrl}/samples/versions/v0/files/weights.bin`, actor),
    happened: async (_s, response) => {
      const { bytes } = response as GraphQLResponse & { bytes: Buffer };
      return response.status === 200 && bytes.equals(weightsBytes);
    },
  }),
  // The registry table lets view-only members download models (its artifacts table does not
  // let them download other artifacts): weights:v0 is linked as classifier:v0.
  'download a registered model file': action({
    allowed: artifactViewers,
    permissions: ['registry:download'],
    hidden: strangers,
    prepare: async () => undefined,
    run: (actor) => rest('GET', `${artifactsUrl}/weights/versions/v0/files/weights.bin`, actor),
    happened: async (_s, response) => {
      const { bytes } = response as GraphQLResponse & { bytes: Buffer };
      return response.status === 200 && bytes.equals(weightsBytes);
    },
  }),
  'view the model registry': action({
    allowed: artifactViewers,
    permissions: ['registry:view'],
    hidden: strangers,
    read: true,
    prepare: async () => undefined,
    run: (actor) =>
      graphql(
        `
          query ($entity: String!) {
            registeredModel(entity: $entity, name: "classifier") {
              name
              versions {
                version
              }
            }
          }
        `,
        { entity: team },
        actor,
      ),
    happened: async (_s, response) => {
      const model = (response.data as { registeredModel?: unknown } | null | undefined)
        ?.registeredModel;
      if (model) expect(model).toEqual({ name: 'classifier', versions: [{ version: 'v0' }] });
      return model != null;
    },
  }),
  'add a model to the registry': action({
    allowed: artifactWriters,
    permissions: ['registry:add-models'],
    hidden: strangers,
    prepare: async () => unique('detector'),
    run: (actor, name) =>
      graphql(
        `
          mutation ($entity: String!, $name: String!) {
            createRegisteredModel(entity: $entity, name: $name) {
              name
            }
          }
        `,
        { entity: team, name },
        actor,
      ),
    happened: async (name) =>
      (await getPrisma().registeredModel.count({ where: { name: name as string } })) === 1,
  }),
  'link a version into a registered model': action({
    allowed: artifactWriters,
    permissions: ['registry:add-models'],
    hidden: strangers,
    prepare: async () =>
      (
        await getPrisma().registeredModel.create({
          data: { entityId: fixtureIds.entity, name: unique('segmenter') },
        })
      ).name,
    run: (actor, model) =>
      graphql(
        `
          mutation ($entity: String!, $model: String!) {
            linkModelVersion(
              entity: $entity
              model: $model
              project: "vision"
              artifact: "weights"
              version: "v0"
            ) {
              name
            }
          }
        `,
        { entity: team, model },
        actor,
      ),
    happened: async (model) =>
      (await getPrisma().registeredModelVersion.count({
        where: { model: { name: model as string }, artifactVersionId: fixtureIds.weightsVersion },
      })) === 1,
  }),
  'add a model alias': action({
    allowed: artifactWriters,
    permissions: ['registry:add-aliases'],
    hidden: strangers,
    prepare: async () => unique('candidate'),
    run: (actor, alias) => setModelAlias(actor, alias as string, false),
    happened: async (alias) =>
      (await getPrisma().registeredModelAlias.count({
        where: { alias: alias as string, protected: false },
      })) === 1,
  }),
  'remove a model alias': action({
    allowed: artifactWriters,
    permissions: ['registry:add-aliases'],
    hidden: strangers,
    prepare: () => modelAlias(false),
    run: (actor, alias) => removeModelAlias(actor, alias as string),
    happened: async (alias) =>
      (await getPrisma().registeredModelAlias.count({ where: { alias: alias as string } })) === 0,
  }),
  'add a protected model alias': action({
    allowed: ['registryAdmin'],
    permissions: ['registry:add-aliases', 'registry:manage-protected-aliases'],
    hidden: strangers,
    prepare: async () => unique('production'),
    run: (actor, alias) => setModelAlias(actor, alias as string, true),
    happened: async (alias) =>
      (await getPrisma().registeredModelAlias.count({
        where: { alias: alias as string, protected: true },
      })) === 1,
  }),
  'remove a protected model alias': action({
    allowed: ['registryAdmin'],
    permissions: ['registry:add-aliases', 'registry:manage-protected-aliases'],
    hidden: strangers,
    prepare: () => modelAlias(true),
    run: (actor, alias) => removeModelAlias(actor, alias as string),
    happened: async (alias) =>
      (await getPrisma().registeredModelAlias.count({ where: { alias: alias as string } })) === 0,
  }),
  'remove a registry admin': action({
    allowed: [...teamAdmins, 'registryAdmin'],
    permissions: ['registry:manage-admins'],
    prepare: async () => {
      const user = await insertUser(unique('curator'));
      await addMember(team, user.id, 'MEMBER', { isRegistryAdmin: true });
      return user;
    },
    run: (actor, target) =>
      graphql(
        `
          mutation ($team: String!, $userId: ID!) {
            setRegistryAdmin(team: $team, userId: $userId, isRegistryAdmin: false)
          }
        `,
        { team, userId: (target as { id: string }).id },
        actor,
      ),
    happened: async (target) =>
      (await membershipOf(team, (target as { id: string }).id))?.isRegistryAdmin === false,
  }),
};
Object.assign(actions, artifactActions);

// ─── Reports ────────────────────────────────────────────────────────────────────────────────
// Reports in the same private project "vision": each case writes its own report straight to
// the database, by Mike (the member) for the "own" rows, by a throwaway member otherwise.

/** Everyone on the team who signs as a person: comments and follows are signed by people. */
const reportPeople = artifactViewers.filter((who) => who !== 'serviceAccount');
/** Mike's own sessions and keys, plus the team admins: "edit/delete: member own, admin all". */
const mikeAndAdmins: ActorName[] = [...teamAdmins, 'member', 'memberApiKey'];

/** A fresh report in "vision" by `author` (a username) or by a throwaway member. */
async function reportFixture(author?: string) {
  const prisma = getPrisma();
  const authorId = author
    ? (await prisma.user.findUniqueOrThrow({ where: { username: author } })).id
    : (await throwawayMember()).id;
  const vision = await prisma.project.findUniqueOrThrow({
    where: { entityId_name: { entityId: fixtureIds.entity, name: project } },
  });
  return prisma.report.create({
    data: { projectId: vision.id, authorId, title: unique('report'), body: '# Results' },
  });
}

const reportMutation =
  (field: string, extraArgs = '', extraVars: Record<string, unknown> = {}) =>
  (actor: As, report: unknown) =>
    graphql(
      `
        mutation ($entity: String!, $project: String!, $id: ID!${extraArgs ? `, ${extraArgs}` : ''}) {
          ${field}
        }
      `,
      { entity: team, project, id: (report as { id: string }).id, ...extraVars },
      actor,
    );

const reportTitle = async (report: unknown) =>
  (await getPrisma().report.findUnique({ where: { id: (report as { id: string }).id } }))?.title;

const reportActions: Record<string, Action<unknown>> = {
  'view reports': action({
    allowed: artifactViewers,
    permissions: ['report:view'],
    // As for artifacts: `project(…)` does not exist for anonymous readers of a private project.
    hidden: ['anonymous', ...strangers],
    read: true,
    prepare: () => reportFixture('mike'),
    run: (actor) =>
      graphql(
        `
          query ($entity: String!, $project: String!) {
            project(entity: $entity, name: $project) {
              reports {
                id
                title
                author
              }
            }
          }
        `,
        { entity: team, project },
        actor,
      ),
    happened: async (report, response) => {
      const reports = (response.data as { project?: { reports?: { id: string }[] } } | null)
        ?.project?.reports;
      const { id, title } = report as { id: string; title: string };
      if (reports) expect(reports).toContainEqual({ id, title, author: 'mike' });
      return reports != null;
    },
  }),
  'create a report': action({
    allowed: artifactWriters,
    permissions: ['report:create'],
    hidden: strangers,
    prepare: async () => unique('findings'),
    run: (actor, title) =>
      graphql(
        `
          mutation ($entity: String!, $project: String!, $title: String!) {
            createReport(entity: $entity, project: $project, input: { title: $title }) {
              id
            }
          }
        `,
        { entity: team, project, title },
        actor,
      ),
    happened: async (title) =>
      (await getPrisma().report.count({ where: { title: title as string } })) === 1,
  }),
  'edit a report written by someone else': action({
    allowed: teamAdmins,
    permissions: ['report:edit'],
    hidden: strangers,
    prepare: () => reportFixture(),
    run: reportMutation(
      'updateReport(entity: $entity, project: $project, id: $id, input: { title: "Edited" }) { id }',
    ),
    happened: async (report) => (await reportTitle(report)) === 'Edited',
  }),
  // "Own" rows name no permissions: the catalog's check needs the report's author, which the
  // table-versus-catalog test does not model; the rows above and below check the grants.
  "edit one's own report (Mike's)": action({
    allowed: mikeAndAdmins,
    hidden: strangers,
    prepare: () => reportFixture('mike'),
    run: reportMutation(
      'updateReport(entity: $entity, project: $project, id: $id, input: { title: "Edited" }) { id }',
    ),
    happened: async (report) => (await reportTitle(report)) === 'Edited',
  }),
  'delete a report written by someone else': action({
    allowed: teamAdmins,
    permissions: ['report:delete'],
    hidden: strangers,
    prepare: () => reportFixture(),
    run: reportMutation('deleteReport(entity: $entity, project: $project, id: $id)'),
    happened: async (report) => (await reportTitle(report)) === undefined,
  }),
  "delete one's own report (Mike's)": action({
    allowed: mikeAndAdmins,
    hidden: strangers,
    prepare: () => reportFixture('mike'),
    run: reportMutation('deleteReport(entity: $entity, project: $project, id: $id)'),
    happened: async (report) => (await reportTitle(report)) === undefined,
  }),
  // Comments and follows are signed by people: the catalog refuses them to service accounts.
  'comment on a report': action({
    allowed: reportPeople,
    permissions: ['report:comment'],
    hidden: strangers,
    prepare: async () => ({ ...(await reportFixture('mike')), comment: unique('comment') }),
    run: (actor, state) =>
      reportMutation(
        'addReportComment(entity: $entity, project: $project, id: $id, body: $body) { id }',
        '$body: String!',
        { body: (state as { comment: string }).comment },
      )(actor, state),
    happened: async (state) =>
      (await getPrisma().reportComment.count({
        where: { body: (state as { comment: string }).comment },
      })) === 1,
  }),
  'follow a report': action({
    allowed: reportPeople,
    permissions: ['report:comment'],
    hidden: strangers,
    prepare: () => reportFixture('mike'),
    run: reportMutation('followReport(entity: $entity, project: $project, id: $id)'),
    happened: async (report) =>
      (await getPrisma().reportFollow.count({
        where: { reportId: (report as { id: string }).id },
      })) === 1,
  }),
  "delete someone else's comment": action({
    allowed: teamAdmins,
    hidden: strangers,
    prepare: async () => {
      const report = await reportFixture();
      return getPrisma().reportComment.create({
        data: { reportId: report.id, authorId: report.authorId, body: 'Spam' },
      });
    },
    run: (actor, comment) =>
      graphql(
        `
          mutation ($entity: String!, $project: String!, $id: ID!) {
            deleteReportComment(entity: $entity, project: $project, commentId: $id)
          }
        `,
        { entity: team, project, id: (comment as { id: string }).id },
        actor,
      ),
    happened: async (comment) =>
      (await getPrisma().reportComment.count({
        where: { id: (comment as { id: string }).id },
      })) === 0,
  }),
};
Object.assign(actions, reportActions);

/** A fresh alias on weights:v0 (protected or not); returns its name. */
async function artifactAlias(isProtected: boolean) {
  const alias = unique(isProtected ? 'golden' : 'stale');
  const version = await getPrisma().artifactVersion.findUniqueOrThrow({
    where: { id: fixtureIds.weightsVersion },
  });
  await getPrisma().artifactAlias.create({
    data: { artifactId: version.artifactId, alias, versionId: version.id, protected: isProtected },
  });
  return alias;
}

const removeArtifactAlias = (actor: As, alias: string) =>
  graphql(
    `
      mutation ($entity: String!, $project: String!, $alias: String!) {
        removeArtifactAlias(entity: $entity, project: $project, artifact: "weights", alias: $alias)
      }
    `,
    { entity: team, project, alias },
    actor,
  );

/** A fresh alias on classifier:v0 (protected or not); returns its name. */
async function modelAlias(isProtected: boolean) {
  const alias = unique(isProtected ? 'champion' : 'shadow');
  await getPrisma().registeredModelAlias.create({
    data: {
      modelId: fixtureIds.classifier,
      alias,
      versionId: fixtureIds.classifierV0,
      protected: isProtected,
    },
  });
  return alias;
}

const setModelAlias = (actor: As, alias: string, isProtected: boolean) =>
  graphql(
    `
      mutation ($entity: String!, $alias: String!, $protected: Boolean) {
        setRegisteredModelAlias(
          entity: $entity
          model: "classifier"
          alias: $alias
          version: "v0"
          protected: $protected
        ) {
          name
        }
      }
    `,
    { entity: team, alias, protected: isProtected },
    actor,
  );

const removeModelAlias = (actor: As, alias: string) =>
  graphql(
    `
      mutation ($entity: String!, $alias: String!) {
        removeRegisteredModelAlias(entity: $entity, model: "classifier", alias: $alias)
      }
    `,
    { entity: team, alias },
    actor,
  );

/** Mike (a member) logs weights:v0 through the real SDK and registers it as classifier:v0. */
async function logArtifactFixture(memberKey: string, memberSession: As) {
  server = await startAppHttpServer();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sextant-permissions-weights-'));
  await writeFile(path.join(dir, 'weights.bin'), weightsBytes);
  const trainer = await init({
    apiKey: memberKey,
    baseUrl: server.url,
    entity: team,
    project,
    id: 'trainer',
    finishOnExit: false,
    captureConsole: false,
    systemMetricsIntervalMs: 0,
    flushIntervalMs: 50,
  });
  const logged = await trainer.logArtifact({ name: 'weights', type: 'model', files: dir });
  expect(logged).toMatchObject({ version: 'v0', created: true, fileCount: 1 });
  // The same bytes as a dataset that is not in the registry: plain artifact:download applies.
  const samples = await trainer.logArtifact({ name: 'samples', type: 'dataset', files: dir });
  expect(samples).toMatchObject({ version: 'v0', created: true });
  await trainer.finish();
  expectOk(
    await graphql(
      `
        mutation ($entity: String!) {
          createRegisteredModel(entity: $entity, name: "classifier") {
            name
          }
        }
      `,
      { entity: team },
      memberSession,
    ),
  );
  expectOk(
    await graphql(
      `
        mutation ($entity: String!) {
          linkModelVersion(
            entity: $entity
            model: "classifier"
            project: "vision"
            artifact: "weights"
            version: "v0"
          ) {
            name
          }
        }
      `,
      { entity: team },
      memberSession,
    ),
  );
  const prisma = getPrisma();
  const entity = await prisma.entity.findUniqueOrThrow({ where: { name: team } });
  const version = await prisma.artifactVersion.findFirstOrThrow({
    where: { artifact: { name: 'weights', project: { entityId: entity.id, name: project } } },
  });
  const link = await prisma.registeredModelVersion.findFirstOrThrow({
    where: { model: { entityId: entity.id, name: 'classifier' } },
  });
  Object.assign(fixtureIds, {
    entity: entity.id,
    weightsVersion: version.id,
    classifier: link.modelId,
    classifierV0: link.id,
  });
}

afterAll(async () => {
  await server?.stop();
});

/**
 * What each actor is to the team, as the catalog sees it, to check the table against
 * `can` (the fixture builds the same people for real).
 */
const teamId = 'acme';
const person = (via: 'session' | 'api-key', isSystemAdmin = false): Actor => ({
  kind: 'user',
  userId: 'someone',
  username: 'someone',
  isSystemAdmin,
  via,
});
const member = (
  role: TeamAccess['role'],
  extraPermissions: TeamPermission[] = [],
  isRegistryAdmin = false,
): TeamAccess => ({ teamId, role, extraPermissions, isRegistryAdmin });
const catalogView: Record<ActorName, { actor: Actor; access: TeamAccess }> = {
  anonymous: { actor: { kind: 'anonymous' }, access: member(null) },
  outsider: { actor: person('session'), access: member(null) },
  viewOnly: { actor: person('session'), access: member('VIEW_ONLY') },
  member: { actor: person('session'), access: member('MEMBER') },
  customRole: { actor: person('session'), access: member('VIEW_ONLY', ['team:invite']) },
  registryAdmin: { actor: person('session'), access: member('MEMBER', [], true) },
  admin: { actor: person('session'), access: member('ADMIN') },
  orgAdmin: { actor: person('session'), access: member('ADMIN') },
  systemAdmin: { actor: person('session', true), access: member(null) },
  serviceAccount: {
    actor: {
      kind: 'service-account',
      serviceAccountId: 'robot',
      teamId,
      name: 'ci-bot',
      apiKeyId: 'key',
    },
    access: member(null),
  },
  memberApiKey: { actor: person('api-key'), access: member('MEMBER') },
  viewOnlyApiKey: { actor: person('api-key'), access: member('VIEW_ONLY') },
  customRoleApiKey: { actor: person('api-key'), access: member('VIEW_ONLY', ['team:invite']) },
  adminApiKey: { actor: person('api-key'), access: member('ADMIN') },
};

describe('the table and the catalog', () => {
  it('agree on every cell of every row that names its permissions', () => {
    for (const [name, { allowed, permissions, hidden = [] }] of Object.entries(actions)) {
      if (!permissions) continue;
      const fromCatalog = actorNames.filter((who) =>
        permissions.every((permission) =>
          can(catalogView[who].actor, permission, {
            access: catalogView[who].access,
            visibility: 'PRIVATE',
          }),
        ),
      );
      expect([...allowed].sort(), name).toEqual([...fromCatalog].sort());
      for (const who of hidden) expect(allowed, `${name}: ${who} is hidden`).not.toContain(who);
    }
  });

  it('has a row for every artifact and registry permission the services check', () => {
    const covered = new Set(Object.values(actions).flatMap((a) => a.permissions ?? []));
    const missing = teamPermissions.filter(
      (p) => /^(artifact|registry):/.test(p) && !covered.has(p),
    );
    expect(missing).toEqual([]);
  });
});

beforeAll(async () => {
  // The first user of an instance is its system admin: created first on purpose.
  const root = await createVerifiedUser('sysop');
  expect(root.user.isSystemAdmin).toBe(true);
  const olga = await createVerifiedUser('olga');
  ({ organizationId } = await createTeamVia(olga.session, team, {
    newOrganizationName: 'Acme Corp',
  }));
  const otto = await createVerifiedUser('otto');
  await createTeamVia(otto.session, 'otto-lab', { newOrganizationName: 'Otto Inc' });

  const [vera, mike, cora, rita, adam] = await Promise.all(
    ['vera', 'mike', 'cora', 'rita', 'adam'].map((name) => createVerifiedUser(name)),
  );
  await addMember(team, vera!.user.id, 'VIEW_ONLY');
  await addMember(team, mike!.user.id, 'MEMBER');
  await addMember(team, cora!.user.id, 'MEMBER');
  await addMember(team, rita!.user.id, 'MEMBER');
  await addMember(team, adam!.user.id, 'ADMIN');

  // The custom role, composed by the organization admin and assigned by a team admin.
  const role = expectOk(
    await graphql<{ createCustomRole: { id: string } }>(
      `
        mutation ($org: ID!) {
          createCustomRole(
            organizationId: $org
            name: "Recruiter"
            baseRole: VIEW_ONLY
            permissions: [TEAM_INVITE]
          ) {
            id
          }
        }
      `,
      { org: organizationId },
      olga.session,
    ),
  );
  expectOk(
    await graphql(
      `
        mutation ($team: String!, $userId: ID!, $roleId: ID!) {
          changeMemberRole(team: $team, userId: $userId, role: VIEW_ONLY, customRoleId: $roleId)
        }
      `,
      { team, userId: cora!.user.id, roleId: role.createCustomRole.id },
      adam!.session,
    ),
  );
  expectOk(
    await graphql(
      `
        mutation ($team: String!, $userId: ID!) {
          setRegistryAdmin(team: $team, userId: $userId, isRegistryAdmin: true)
        }
      `,
      { team, userId: rita!.user.id },
      adam!.session,
    ),
  );
  const robot = expectOk(
    await graphql<{ createServiceAccount: { secret: string } }>(
      `
        mutation ($team: String!) {
          createServiceAccount(team: $team, name: "ci-bot") {
            secret
          }
        }
      `,
      { team },
      adam!.session,
    ),
  );

  Object.assign(as, {
    anonymous: undefined,
    outsider: otto.session,
    viewOnly: vera!.session,
    member: mike!.session,
    customRole: cora!.session,
    registryAdmin: rita!.session,
    admin: adam!.session,
    orgAdmin: olga.session,
    systemAdmin: root.session,
    serviceAccount: { authorization: `Bearer ${robot.createServiceAccount.secret}` },
    memberApiKey: await apiKeyOf(mike!.session),
    viewOnlyApiKey: await apiKeyOf(vera!.session),
    customRoleApiKey: await apiKeyOf(cora!.session),
    adminApiKey: await apiKeyOf(adam!.session),
  } satisfies Record<ActorName, As>);
  const memberKey = (as.memberApiKey as { authorization: string }).authorization.slice(7);
  await logArtifactFixture(memberKey, as.member);
});

describe('the fixture', () => {
  it('has every actor in the role it claims', async () => {
    const { data } = await graphql<{ myTeams: { name: string; role: string }[] }>(
      `
        {
          myTeams {
            name
            role
          }
        }
      `,
      {},
      as.customRole,
    );
    expect(data?.myTeams).toEqual([{ name: team, role: 'VIEW_ONLY' }]);
    const members = await getPrisma().membership.findMany({
      where: {
        team: { name: team },
        user: { username: { in: ['olga', 'adam', 'vera', 'mike', 'cora', 'rita'] } },
      },
      include: { user: true, customRole: true },
    });
    const byName = Object.fromEntries(
      members.map((m) => [
        m.user.username,
        [m.role, m.customRole?.name ?? null, m.isRegistryAdmin] as const,
      ]),
    );
    expect(byName).toEqual({
      olga: ['ADMIN', null, false],
      adam: ['ADMIN', null, false],
      vera: ['VIEW_ONLY', null, false],
      mike: ['MEMBER', null, false],
      cora: ['VIEW_ONLY', 'Recruiter', false],
      rita: ['MEMBER', null, true],
    });
    // The system admin and the outsider are no members of acme.
    const viewerRole = async (actor: As) =>
      (
        await graphql<{ team: { viewerRole: string | null } }>(
          teamField('viewerRole'),
          { team },
          actor,
        )
      ).data?.team.viewerRole;
    expect(await viewerRole(as.systemAdmin)).toBeNull();
    expect(await viewerRole(as.outsider)).toBeNull();
    expect(await viewerRole(as.admin)).toBe('ADMIN');
  });

  it('lists only known actors in the table', () => {
    for (const { allowed } of Object.values(actions)) {
      for (const name of allowed) expect(actorNames).toContain(name);
    }
  });
});

const statusOf = { FORBIDDEN: 403, NOT_FOUND: 404, UNAUTHENTICATED: 401 } as const;

/** Every table an action of this file could write, as one hash: a refusal must leave it as is. */
const watchedTables = [
  'Organization',
  'OrganizationAdmin',
  'Team',
  'Entity',
  'Membership',
  'Invite',
  'CustomRole',
  'ServiceAccount',
  'SystemSetting',
  'Project',
  'Artifact',
  'ArtifactVersion',
  'ArtifactAlias',
  'ArtifactFile',
  'ArtifactUsage',
  'RegisteredModel',
  'RegisteredModelVersion',
  'RegisteredModelAlias',
  'Report',
  'ReportComment',
  'ReportFollow',
  'StorageConnector',
];
async function databaseFingerprint(): Promise<string> {
  // One row per table, in the list's order (a UNION's own order is not guaranteed).
  const hashes = await getPrisma().$queryRawUnsafe<{ hash: string | null }[]>(
    `SELECT hash FROM (${watchedTables
      .map(
        (table, i) =>
          `SELECT ${i} AS i, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS hash FROM "${table}" t`,
      )
      .join(' UNION ALL ')}) hashes ORDER BY i`,
  );
  return hashes.map((row) => row.hash).join(',');
}

for (const [actionName, definition] of Object.entries(actions)) {
  describe(actionName, () => {
    for (const actor of actorNames) {
      const allowed = definition.allowed.includes(actor);
      it(`${allowed ? 'allows' : 'refuses'} ${actor}`, async () => {
        const state = await definition.prepare();
        const before = allowed ? '' : await databaseFingerprint();
        const response = await definition.run(as[actor], state);
        const happened = await definition.happened(state, response);
        const who = `${actorDescriptions[actor]} trying to ${actionName}`;
        if (allowed) {
          expect(response.errors, who).toBeUndefined();
          expect(happened, who).toBe(true);
          return;
        }
        const expected = definition.hidden?.includes(actor)
          ? 'NOT_FOUND'
          : actor === 'anonymous'
            ? 'UNAUTHENTICATED'
            : 'FORBIDDEN';
        expect(
          response.errors?.map((error) => error.extensions?.code),
          who,
        ).toEqual([expected]);
        expect(happened, `${who}: refused, but it happened anyway`).toBe(false);
        expect(await databaseFingerprint(), `${who}: refused, but the database changed`).toBe(
          before,
        );
        if (!definition.read) expect(response.status, who).toBe(statusOf[expected]);
      });
    }
  });
}
