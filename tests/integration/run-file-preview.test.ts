import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startAppHttpServer } from '../helpers/app-http-server';
import type { As } from '../helpers/graphql';
import { addMember, apiKeyOf, createTeamVia } from '../helpers/teams';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

process.env.AUTH_SECRET = testAuthSecret;
process.env.STORAGE_DRIVER = 'local';
process.env.SEXTANT_DATA_DIR = await mkdtemp(path.join(os.tmpdir(), 'sextant-preview-'));

/*
 * What the run page's Files tab and header rely on on the server: the download route serves
 * images with their type (an <img> needs it for SVG) inside a sandbox, and the run's
 * abilities say who may move and delete it.
 */

let server: Awaited<ReturnType<typeof startAppHttpServer>>;
let aliceKey: { authorization: string };
const users: Record<string, { id: string; username: string }> = {};

async function save(as: As, base: string, filePath: string, data: Buffer) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (as && 'authorization' in as) headers.authorization = as.authorization;
  if (as && 'session' in as) headers.cookie = as.session;
  const created = await fetch(`${server.url}${base}/files/uploads`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      path: filePath,
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
    }),
  });
  const state = await created.json();
  expect(created.status).toBe(200);
  if (state.status === 'complete') return;
  for (let n = 1; n <= state.partCount; n++) {
    const part = await fetch(`${server.url}${base}/files/uploads/${state.uploadId}/parts/${n}`, {
      method: 'PUT',
      headers: { authorization: headers.authorization ?? '', cookie: headers.cookie ?? '' },
      body: new Uint8Array(data),
    });
    expect(part.status).toBe(200);
  }
  const done = await fetch(`${server.url}${base}/files/uploads/${state.uploadId}/complete`, {
    method: 'POST',
    headers: { authorization: headers.authorization ?? '', cookie: headers.cookie ?? '' },
  });
  expect(done.status).toBe(200);
}

const base = '/api/v1/runs/acme/vision/alice-run';

beforeAll(async () => {
  server = await startAppHttpServer();
  for (const name of ['alice', 'bob', 'vera']) {
    const created = await createVerifiedUser(name);
    users[name] = { id: created.user.id, username: name };
    if (name === 'alice') {
      aliceKey = await apiKeyOf(created.session);
      await createTeamVia(created.session, 'acme', { newOrganizationName: 'Acme' });
    }
  }
  await addMember('acme', users.bob!.id, 'MEMBER');
  await addMember('acme', users.vera!.id, 'VIEW_ONLY');
  const run = await fetch(`${server.url}${base}`, {
    method: 'POST',
    headers: { ...aliceKey, 'content-type': 'application/json' },
    body: JSON.stringify({ displayName: 'alice run' }),
  });
  expect(run.status).toBe(200);
}, 60_000);

describe('file downloads for previews', () => {
  it('serves images with their content type and every file inside a sandbox CSP', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="4" height="4"/></svg>',
    );
    await save(aliceKey, base, 'plots/evil.svg', svg);
    await save(aliceKey, base, 'plots/loss.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2]));
    await save(aliceKey, base, 'notes.html', Buffer.from('<script>alert(1)</script>'));

    const expected = {
      'plots/evil.svg': 'image/svg+xml',
      'plots/loss.png': 'image/png',
      'notes.html': 'application/octet-stream',
    };
    for (const [file, type] of Object.entries(expected)) {
      const response = await fetch(`${server.url}${base}/files/by-path/${file}`, {
        headers: aliceKey,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('content-security-policy')).toMatch(/sandbox/);
      expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const svgBody = await fetch(`${server.url}${base}/files/by-path/plots/evil.svg`, {
      headers: aliceKey,
    });
    expect(Buffer.from(await svgBody.arrayBuffer()).equals(svg)).toBe(true);
  });

  it('answers the preview Range request with the first bytes only, sandboxed too', async () => {
    const text = Buffer.from('x'.repeat(300_000));
    await save(aliceKey, base, 'logs/big.txt', text);
    const response = await fetch(`${server.url}${base}/files/by-path/logs/big.txt`, {
      headers: { ...aliceKey, range: `bytes=0-${256 * 1024 - 1}` },
    });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 0-262143/300000`);
    expect((await response.arrayBuffer()).byteLength).toBe(256 * 1024);
    expect(response.headers.get('content-security-policy')).toMatch(/sandbox/);
  });
});

describe('run abilities on the run page', () => {
  it('lets the creator and admins move and delete, other members and viewers neither', async () => {
    const { loadRunForViewer } = await import('@/lib/runs/run-viewer');
    const { getPrisma } = await import('@/lib/db/prisma');
    // A run bob created, next to alice's: bob may manage his own, not hers.
    await getPrisma().run.create({
      data: {
        projectId: (await getPrisma().run.findFirstOrThrow({ where: { runId: 'alice-run' } }))
          .projectId,
        runId: 'bob-run',
        displayName: 'bob run',
        createdById: users.bob!.id,
      },
    });
    const actor = (name: string) => ({
      kind: 'user' as const,
      userId: users[name]!.id,
      username: name,
      isSystemAdmin: false,
      via: 'session' as const,
    });
    const abilities = async (name: string, runId: string) => {
      const { abilities } = await loadRunForViewer(actor(name), {
        entity: 'acme',
        project: 'vision',
        runId,
      });
      return { move: abilities.move, delete: abilities.delete };
    };
    expect(await abilities('alice', 'alice-run')).toEqual({ move: true, delete: true });
    expect(await abilities('alice', 'bob-run')).toEqual({ move: true, delete: true });
    expect(await abilities('bob', 'bob-run')).toEqual({ move: true, delete: true });
    expect(await abilities('bob', 'alice-run')).toEqual({ move: false, delete: false });
    expect(await abilities('vera', 'bob-run')).toEqual({ move: false, delete: false });
  });
});
