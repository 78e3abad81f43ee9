import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { init } from '../../sdk/src/index';
import { startAppHttpServer } from '../helpers/app-http-server';
import { graphql, type As } from '../helpers/graphql';
import { addMember, apiKeyOf, createTeamVia, errorCode, expectOk } from '../helpers/teams';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

process.env.AUTH_SECRET = testAuthSecret;
process.env.STORAGE_DRIVER = 'local';
process.env.SEXTANT_DATA_DIR = await mkdtemp(path.join(os.tmpdir(), 'sextant-registry-'));
const server = await startAppHttpServer();
const work = await mkdtemp(path.join(os.tmpdir(), 'sextant-registry-work-'));

let admin: As; // team admin
let member: As;
let viewer: As; // view-only
let registrar: As; // member and registry admin
let outsider: As;
type Person = Awaited<ReturnType<typeof createVerifiedUser>>;
const people: Record<string, Person> = {};
/** A browser-session actor for calling the page services directly. */
const actorOf = (who: string) => ({
  kind: 'user' as const,
  userId: people[who]!.user.id,
  username: people[who]!.user.username,
  isSystemAdmin: false,
  via: 'session' as const,
});

beforeAll(async () => {
  const a = await createVerifiedUser('tara');
  const m = await createVerifiedUser('milo');
  const v = await createVerifiedUser('vera');
  const r = await createVerifiedUser('reza');
  const o = await createVerifiedUser('otto');
  Object.assign(people, { tara: a, milo: m, vera: v, reza: r, otto: o });
  outsider = o.session;
  admin = a.session;
  member = m.session;
  viewer = v.session;
  registrar = r.session;
  await createTeamVia(admin, 'vision', { newOrganizationName: 'Vision org' });
  await addMember('vision', m.user.id, 'MEMBER');
  await addMember('vision', v.user.id, 'VIEW_ONLY');
  await addMember('vision', r.user.id, 'MEMBER', { isRegistryAdmin: true });

  // Two model versions and one dataset, logged by a run through the SDK.
  const key = ((await apiKeyOf(member)) as { authorization: string }).authorization.slice(7);
  const run = await init({
    apiKey: key,
    baseUrl: server.url,
    entity: 'vision',
    project: 'detector',
    id: 'train-1',
    finishOnExit: false,
    captureConsole: false,
    systemMetricsIntervalMs: 0,
  });
  const weights = path.join(work, 'weights.bin');
  for (const content of ['weights v0', 'weights v1']) {
    await writeFile(weights, content);
    expect(await run.logArtifact({ name: 'yolo', type: 'model', files: [weights] })).toBeTruthy();
  }
  expect(await run.logArtifact({ name: 'coco', type: 'dataset', files: [weights] })).toBeTruthy();
  await run.finish();
});

const link = (as: As, version: string, artifact = 'yolo', aliases?: string[]) =>
  graphql<{ linkModelVersion: { versions: { version: string }[] } }>(
    `
      mutation ($version: String!, $artifact: String!, $aliases: [String!]) {
        linkModelVersion(
          entity: "vision"
          model: "detector"
          project: "detector"
          artifact: $artifact
          version: $version
          aliases: $aliases
        ) {
          versions {
            version
          }
        }
      }
    `,
    { version, artifact, aliases },
    as,
  );

const setAlias = (as: As, alias: string, version: string, protect?: boolean) =>
  graphql(
    `
      mutation ($alias: String!, $version: String!, $protected: Boolean) {
        setRegisteredModelAlias(
          entity: "vision"
          model: "detector"
          alias: $alias
          version: $version
          protected: $protected
        ) {
          name
        }
      }
    `,
    { alias, version, protected: protect ?? null },
    as,
  );

type ModelAnswer = {
  registeredModel: {
    aliases: { alias: string; version: string; protected: boolean }[];
    versions: {
      version: string;
      artifactVersion: { version: string; artifact: { name: string }; producedBy: { id: string } };
    }[];
  };
};
const readModel = (as: As) =>
  graphql<ModelAnswer>(
    `
      query {
        registeredModel(entity: "vision", name: "detector") {
          aliases {
            alias
            version
            protected
          }
          versions {
            version
            artifactVersion {
              version
              artifact {
                name
              }
              producedBy {
                id
              }
            }
          }
        }
      }
    `,
    {},
    as,
  );

describe('model registry', () => {
  it('lets members register models and link model artifact versions; view-only only views', async () => {
    const create = `mutation ($name: String!) {
      createRegisteredModel(entity: "vision", name: $name, description: "boxes") { name canEdit }
    }`;
    expect(errorCode(await graphql(create, { name: 'detector' }, viewer))).toBe('FORBIDDEN');
    expect(expectOk(await graphql(create, { name: 'detector' }, member))).toEqual({
      createRegisteredModel: { name: 'detector', canEdit: true },
    });
    expect(errorCode(await graphql(create, { name: 'detector' }, member))).toBe('CONFLICT');

    expectOk(await link(member, 'v0'));
    const second = expectOk(await link(member, 'latest', 'yolo', ['staging']));
    expect(second.linkModelVersion.versions.map((v) => v.version)).toEqual(['v1', 'v0']);
    // Linking the same artifact version again adds nothing.
    expect(expectOk(await link(member, 'v1')).linkModelVersion.versions).toHaveLength(2);
    const dataset = await link(member, 'v0', 'coco');
    expect(errorCode(dataset)).toBe('BAD_INPUT');
    expect(dataset.errors?.[0]?.message).toMatch(/only artifacts of type "model"/);
    expect(errorCode(await link(viewer, 'v0'))).toBe('FORBIDDEN');

    const seen = expectOk(await readModel(viewer)).registeredModel;
    expect(seen.aliases).toEqual([
      { alias: 'latest', version: 'v1', protected: false },
      { alias: 'staging', version: 'v1', protected: false },
    ]);
    expect(seen.versions[1]!.artifactVersion).toEqual({
      version: 'v0',
      artifact: { name: 'yolo' },
      producedBy: { id: 'train-1' },
    });
    expect(errorCode(await readModel(outsider))).toBe('NOT_FOUND');
    const list = expectOk(
      await graphql<{ registeredModels: { name: string }[] }>(
        `
          query {
            registeredModels(entity: "vision") {
              name
            }
          }
        `,
        {},
        viewer,
      ),
    );
    expect(list.registeredModels).toEqual([{ name: 'detector' }]);

    // The seed's registry table lets view-only members download models, though its artifacts
    // table keeps other artifacts' bytes from them: v0 and v1 are linked models, coco is not.
    const download = (artifact: string, version: string) =>
      fetch(
        `${server.url}/api/v1/artifacts/vision/detector/${artifact}/versions/${version}/files/weights.bin`,
        { headers: { cookie: (viewer as { session: string }).session } },
      );
    const model = await download('yolo', 'v0');
    expect(model.status).toBe(200);
    expect(await model.text()).toBe('weights v0');
    expect((await download('coco', 'v0')).status).toBe(403);
  });

  it('keeps protected aliases to registry admins, team admins included', async () => {
    expect(errorCode(await setAlias(member, 'production', 'v0', true))).toBe('FORBIDDEN');
    expect(errorCode(await setAlias(admin, 'production', 'v0', true))).toBe('FORBIDDEN');
    expectOk(await setAlias(registrar, 'production', 'v0', true));
    expect(errorCode(await setAlias(member, 'production', 'v1'))).toBe('FORBIDDEN');
    expect(errorCode(await setAlias(admin, 'production', 'v1'))).toBe('FORBIDDEN');
    const remove = `mutation { removeRegisteredModelAlias(entity: "vision", model: "detector", alias: "production") }`;
    expect(errorCode(await graphql(remove, {}, member))).toBe('FORBIDDEN');
    expect(
      expectOk(await readModel(member)).registeredModel.aliases.find(
        (a) => a.alias === 'production',
      ),
    ).toEqual({ alias: 'production', version: 'v0', protected: true });
    expectOk(await setAlias(registrar, 'production', 'v1'));
    // Members still move ordinary aliases.
    expectOk(await setAlias(member, 'staging', 'v0'));
    expect(expectOk(await readModel(member)).registeredModel.aliases).toEqual([
      { alias: 'latest', version: 'v1', protected: false },
      { alias: 'production', version: 'v1', protected: true },
      { alias: 'staging', version: 'v0', protected: false },
    ]);
    // The artifact version behind a protected registry alias is the registry admins' to delete.
    const del = `mutation { deleteArtifactVersion(target: { entity: "vision", project: "detector", artifact: "yolo", version: "v1" }) }`;
    const refused = await graphql(del, {}, member);
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toMatch(/protected alias "production"/);
    expect(expectOk(await graphql(remove, {}, registrar))).toEqual({
      removeRegisteredModelAlias: true,
    });
  });

  it('refuses every protected-alias change to members and team admins, leaving it as it was', async () => {
    expectOk(await setAlias(registrar, 'production', 'v0', true));
    const before = expectOk(await readModel(member)).registeredModel.aliases;
    const remove = `mutation { removeRegisteredModelAlias(entity: "vision", model: "detector", alias: "production") }`;
    for (const as of [member, admin]) {
      const moved = await setAlias(as, 'production', 'v1');
      expect(errorCode(moved)).toBe('FORBIDDEN');
      expect(moved.errors?.[0]?.message).toBe(
        '"production" is a protected alias: only registry admins may change it',
      );
      expect(errorCode(await setAlias(as, 'production', 'v0', false))).toBe('FORBIDDEN');
      expect(errorCode(await graphql(remove, {}, as))).toBe('FORBIDDEN');
      // Linking with the alias would move it too.
      expect(errorCode(await link(as, 'v1', 'yolo', ['production']))).toBe('FORBIDDEN');
    }
    expect(errorCode(await setAlias(viewer, 'staging', 'v1'))).toBe('FORBIDDEN');
    expect(errorCode(await setAlias(outsider, 'staging', 'v1'))).toBe('NOT_FOUND');
    expect(expectOk(await readModel(member)).registeredModel.aliases).toEqual(before);

    // A team admin makes the member a registry admin; from then on the member may.
    const grant = (as: As, userId: string, on: boolean) =>
      graphql(
        `
          mutation ($userId: ID!, $on: Boolean!) {
            setRegistryAdmin(team: "vision", userId: $userId, isRegistryAdmin: $on)
          }
        `,
        { userId, on },
        as,
      );
    expect(errorCode(await grant(member, people.milo!.user.id, true))).toBe('FORBIDDEN');
    expectOk(await grant(admin, people.milo!.user.id, true));
    expectOk(await setAlias(member, 'production', 'v1'));
    expectOk(await setAlias(member, 'production', 'v1', false));
    expect(
      expectOk(await readModel(viewer)).registeredModel.aliases.find(
        (a) => a.alias === 'production',
      ),
    ).toEqual({ alias: 'production', version: 'v1', protected: false });
    // Registry admins manage registry admins too (the seed's table).
    expectOk(await grant(member, people.milo!.user.id, false));
    expect(errorCode(await setAlias(member, 'production', 'v1', true))).toBe('FORBIDDEN');
  });

  it('gives view-only members download URLs for registered model versions only (GraphQL = REST)', async () => {
    type Files = { files: { path: string; downloadUrl: string | null }[]; canDownload: boolean };
    const viaRegistry = expectOk(
      await graphql<{
        registeredModel: { versions: { version: string; artifactVersion: Files }[] };
      }>(
        `
          query {
            registeredModel(entity: "vision", name: "detector") {
              versions {
                version
                artifactVersion {
                  canDownload
                  files {
                    path
                    downloadUrl
                  }
                }
              }
            }
          }
        `,
        {},
        viewer,
      ),
    ).registeredModel.versions;
    for (const v of viaRegistry) {
      expect(v.artifactVersion.canDownload).toBe(true);
      const url = v.artifactVersion.files[0]!.downloadUrl!;
      expect(url).toMatch(
        /\/api\/v1\/artifacts\/vision\/detector\/yolo\/versions\/v\d\/files\/weights\.bin$/,
      );
      const response = await fetch(`${server.url}${url}`, {
        headers: { cookie: (viewer as { session: string }).session },
      });
      expect(response.status).toBe(200);
    }
    // The same decision through the project: yolo's versions are models in the registry,
    // coco is a dataset that is not.
    const viaProject = expectOk(
      await graphql<{
        project: { artifacts: { name: string; canDownload: boolean; versions: Files[] }[] };
      }>(
        `
          query {
            project(entity: "vision", name: "detector") {
              artifacts {
                name
                canDownload
                versions {
                  canDownload
                  files {
                    path
                    downloadUrl
                  }
                }
              }
            }
          }
        `,
        {},
        viewer,
      ),
    ).project.artifacts;
    const byName = Object.fromEntries(viaProject.map((a) => [a.name, a]));
    expect(byName.coco!.canDownload).toBe(false);
    expect(byName.coco!.versions[0]!.canDownload).toBe(false);
    expect(byName.coco!.versions[0]!.files[0]!.downloadUrl).toBeNull();
    expect(byName.yolo!.versions.every((v) => v.canDownload && v.files[0]!.downloadUrl)).toBe(true);
  });

  it('describes models for those who may add them; clear errors otherwise', async () => {
    const edit = (as: As, description: unknown) =>
      graphql<{ updateRegisteredModel: { description: string } }>(
        `
          mutation ($d: String!) {
            updateRegisteredModel(entity: "vision", name: "detector", description: $d) {
              description
            }
          }
        `,
        { d: description },
        as,
      );
    expect(
      expectOk(await edit(member, 'Finds boxes in street scenes')).updateRegisteredModel,
    ).toEqual({
      description: 'Finds boxes in street scenes',
    });
    expect(errorCode(await edit(viewer, 'mine now'))).toBe('FORBIDDEN');
    expect(errorCode(await edit(outsider, 'mine now'))).toBe('NOT_FOUND');
    const tooLong = await edit(member, 'x'.repeat(10_001));
    expect(errorCode(tooLong)).toBe('BAD_INPUT');
    expect(tooLong.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'description', message: 'must be at most 10,000 characters' },
    ]);
    const missing = await graphql(
      `
        mutation {
          updateRegisteredModel(entity: "vision", name: "nope", description: "x") {
            name
          }
        }
      `,
      {},
      member,
    );
    expect(errorCode(missing)).toBe('NOT_FOUND');
    expect(expectOk(await readModel(viewer)).registeredModel).toBeTruthy();
  });

  it('links into a new model in one step, or leaves none behind when refused', async () => {
    const linkNew = (as: As, model: string, artifact: string) =>
      graphql<{ linkModelVersion: { name: string; versions: { version: string }[] } }>(
        `
          mutation ($model: String!, $artifact: String!) {
            linkModelVersion(
              entity: "vision"
              model: $model
              project: "detector"
              artifact: $artifact
              version: "v0"
              create: true
            ) {
              name
              versions {
                version
              }
            }
          }
        `,
        { model, artifact },
        as,
      );
    const models = async () =>
      expectOk(
        await graphql<{ registeredModels: { name: string }[] }>(
          `
            query {
              registeredModels(entity: "vision") {
                name
              }
            }
          `,
          {},
          member,
        ),
      ).registeredModels.map((m) => m.name);
    expect(errorCode(await linkNew(viewer, 'segmenter', 'yolo'))).toBe('FORBIDDEN');
    expect(errorCode(await linkNew(member, 'segmenter', 'coco'))).toBe('BAD_INPUT');
    expect(errorCode(await linkNew(outsider, 'segmenter', 'yolo'))).toBe('NOT_FOUND');
    expect(await models()).toEqual(['detector']);
    expect(expectOk(await linkNew(member, 'segmenter', 'yolo')).linkModelVersion).toEqual({
      name: 'segmenter',
      versions: [{ version: 'v0' }],
    });
    // Again: the existing model and link, nothing new.
    expect(
      expectOk(await linkNew(member, 'segmenter', 'yolo')).linkModelVersion.versions,
    ).toHaveLength(1);
    expect(await models()).toEqual(['detector', 'segmenter']);
    // Without `create`, an unknown model is still an error.
    const unknown = await graphql(
      `
        mutation {
          linkModelVersion(
            entity: "vision"
            model: "ghost"
            project: "detector"
            artifact: "yolo"
            version: "v0"
          ) {
            name
          }
        }
      `,
      {},
      member,
    );
    expect(errorCode(unknown)).toBe('NOT_FOUND');
  });

  it('reads the registry pages with what each viewer may do', async () => {
    const { summarizeRegistry, registeredModelPage, registryLinkOptions } =
      await import('@/lib/registry/registry-pages');
    const list = await summarizeRegistry(actorOf('vera'), 'vision');
    expect(list.isTeam).toBe(true);
    expect(list.rights).toEqual({
      canAddModels: false,
      canEditAliases: false,
      canManageProtectedAliases: false,
    });
    const detector = list.models.find((m) => m.name === 'detector')!;
    expect(detector).toMatchObject({
      latest: 'v1',
      versionCount: 2,
      description: 'Finds boxes in street scenes',
    });
    expect(detector.aliases.map((a) => a.alias)).toEqual(['latest', 'production', 'staging']);
    expect((await summarizeRegistry(actorOf('reza'), 'vision')).rights).toEqual({
      canAddModels: true,
      canEditAliases: true,
      canManageProtectedAliases: true,
    });
    expect(
      (await summarizeRegistry(actorOf('tara'), 'vision')).rights.canManageProtectedAliases,
    ).toBe(false);
    await expect(summarizeRegistry(actorOf('otto'), 'vision')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    const page = await registeredModelPage(actorOf('vera'), 'vision', 'detector');
    expect(page.versions.map((v) => [v.version, v.artifact?.version, v.producedBy?.runId])).toEqual(
      [
        ['v1', 'v1', 'train-1'],
        ['v0', 'v0', 'train-1'],
      ],
    );
    expect(page.versions[0]!.artifact!.href).toBe('/vision/detector/artifacts/yolo/v1');
    // View-only members download registered models (the zip of the version).
    expect(page.versions[0]!.downloadHref).toBe(
      '/api/v1/artifacts/vision/detector/yolo/versions/v1/download',
    );
    const zip = await fetch(`${server.url}${page.versions[0]!.downloadHref}`, {
      headers: { cookie: (viewer as { session: string }).session },
    });
    expect(zip.status).toBe(200);

    const { getPrisma } = await import('@/lib/db/prisma');
    const yoloV1 = await getPrisma().artifactVersion.findFirstOrThrow({
      where: { artifact: { name: 'yolo' }, version: 1 },
    });
    expect(await registryLinkOptions(actorOf('milo'), 'vision', yoloV1.id)).toEqual({
      canLink: true,
      models: ['detector', 'segmenter'],
      linkedAs: [{ model: 'detector', version: 'v1' }],
    });
    expect((await registryLinkOptions(actorOf('vera'), 'vision', yoloV1.id)).canLink).toBe(false);
  });

  it('lists registry admins to team admins and registry admins only', async () => {
    const { registryAdminsOf } = await import('@/lib/registry/registry-admins');
    const seen = await registryAdminsOf(actorOf('reza'), 'vision');
    expect(seen?.map((m) => [m.username, m.role, m.isRegistryAdmin])).toEqual([
      ['reza', 'MEMBER', true],
      ['tara', 'ADMIN', false],
      ['milo', 'MEMBER', false],
      ['vera', 'VIEW_ONLY', false],
    ]);
    expect(await registryAdminsOf(actorOf('tara'), 'vision')).toHaveLength(4);
    expect(await registryAdminsOf(actorOf('milo'), 'vision')).toBeNull();
    expect(await registryAdminsOf(actorOf('vera'), 'vision')).toBeNull();
    await expect(registryAdminsOf(actorOf('otto'), 'vision')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // A personal registry has its owner as its one admin: nothing to manage.
    expect(await registryAdminsOf(actorOf('otto'), 'otto')).toBeNull();
  });
});

describe('personal registries', () => {
  it('makes the owner of a personal entity its registry admin, and nobody else', async () => {
    const owner = await createVerifiedUser('solo');
    const key = ((await apiKeyOf(owner.session)) as { authorization: string }).authorization.slice(
      7,
    );
    const run = await init({
      apiKey: key,
      baseUrl: server.url,
      entity: 'solo',
      project: 'side',
      id: 'fit-1',
      finishOnExit: false,
      captureConsole: false,
      systemMetricsIntervalMs: 0,
    });
    const weights = path.join(work, 'solo.bin');
    await writeFile(weights, 'solo weights');
    expect(await run.logArtifact({ name: 'tiny', type: 'model', files: [weights] })).toBeTruthy();
    await run.finish();

    const protect = (as: As, on: boolean) =>
      graphql<{ setArtifactAlias: { aliases: { alias: string; protected: boolean }[] } }>(
        `
          mutation ($on: Boolean!) {
            setArtifactAlias(
              target: { entity: "solo", project: "side", artifact: "tiny", version: "v0" }
              alias: "production"
              protected: $on
            ) {
              aliases {
                alias
                protected
              }
            }
          }
        `,
        { on },
        as,
      );
    expect(expectOk(await protect(owner.session, true)).setArtifactAlias.aliases).toContainEqual({
      alias: 'production',
      protected: true,
    });
    expect(errorCode(await protect(member, false))).toBe('NOT_FOUND');
    const seen = expectOk(
      await graphql<{ project: { artifact: { canManageProtectedAliases: boolean } } }>(
        `
          query {
            project(entity: "solo", name: "side") {
              artifact(name: "tiny") {
                canManageProtectedAliases
              }
            }
          }
        `,
        {},
        owner.session,
      ),
    );
    expect(seen.project.artifact.canManageProtectedAliases).toBe(true);

    // The personal model registry: link, protect, unprotect.
    expectOk(
      await graphql(
        `
          mutation {
            linkModelVersion(
              entity: "solo"
              model: "tiny-net"
              project: "side"
              artifact: "tiny"
              version: "v0"
              create: true
            ) {
              name
            }
          }
        `,
        {},
        owner.session,
      ),
    );
    const mark = await graphql<{
      setRegisteredModelAlias: { aliases: { alias: string; protected: boolean }[] };
    }>(
      `
        mutation {
          setRegisteredModelAlias(
            entity: "solo"
            model: "tiny-net"
            alias: "production"
            version: "v0"
            protected: true
          ) {
            aliases {
              alias
              protected
            }
          }
        }
      `,
      {},
      owner.session,
    );
    expect(expectOk(mark).setRegisteredModelAlias.aliases).toContainEqual({
      alias: 'production',
      protected: true,
    });
    expect(
      errorCode(
        await graphql(
          `
            query {
              registeredModel(entity: "solo", name: "tiny-net") {
                name
              }
            }
          `,
          {},
          member,
        ),
      ),
    ).toBe('NOT_FOUND');
  });
});
