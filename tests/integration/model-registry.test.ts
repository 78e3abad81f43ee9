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

beforeAll(async () => {
  const a = await createVerifiedUser('tara');
  const m = await createVerifiedUser('milo');
  const v = await createVerifiedUser('vera');
  const r = await createVerifiedUser('reza');
  outsider = (await createVerifiedUser('otto')).session;
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
});
