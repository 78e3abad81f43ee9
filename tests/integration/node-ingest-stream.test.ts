import net from 'node:net';
import { gzipSync } from 'node:zlib';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../helpers/graphql';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

process.env.AUTH_SECRET = testAuthSecret;
const { startAppHttpServer } = await import('../helpers/app-http-server');
const { ingestStreamTarget } = await import('@/lib/http/node-ingest-stream');
const streamRoute = await import('@/app/api/v1/runs/[entity]/[project]/[run]/stream/route');

/**
 * Production answers SDK stream posts from Node's HTTP server, ahead of Next (decision 013).
 * That path must behave exactly like the Next route: same acknowledgements, same errors.
 */
let server: Awaited<ReturnType<typeof startAppHttpServer>>;
let key: string;
const path = '/api/v1/runs/node-owner/p1/run-a';

async function viaNode(body: Buffer | string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}/stream`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function viaNext(body: Buffer | string, headers: Record<string, string> = {}) {
  const response = await streamRoute.POST(
    new NextRequest(`http://localhost${path}/stream`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    }),
    { params: Promise.resolve({ entity: 'node-owner', project: 'p1', run: 'run-a' }) },
  );
  return { status: response.status, body: (await response.json()) as unknown };
}

beforeAll(async () => {
  const owner = await createVerifiedUser('node-owner');
  const created = await graphql<{ createApiKey: { secret: string } }>(
    'mutation { createApiKey(name: "sdk") { secret } }',
    {},
    owner.session,
  );
  key = created.data!.createApiKey.secret;
  server = await startAppHttpServer();
  const upsert = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: '{}',
  });
  expect(upsert.status).toBe(200);
});

afterAll(() => server.stop());

describe('the stream endpoint served by Node ahead of Next', () => {
  it('takes API-key stream posts only; sessions and other URLs stay with Next', () => {
    const request = (method: string, url: string, authorization?: string) =>
      ({ method, url, headers: authorization ? { authorization } : {} }) as never;
    expect(
      ingestStreamTarget(request('POST', '/api/v1/runs/a%20b/p/r-1/stream', 'Bearer k')),
    ).toEqual({
      entity: 'a b',
      project: 'p',
      runId: 'r-1',
    });
    expect(ingestStreamTarget(request('POST', '/api/v1/runs/a/p/r/stream'))).toBeNull();
    expect(ingestStreamTarget(request('GET', '/api/v1/runs/a/p/r/stream', 'Bearer k'))).toBeNull();
    expect(ingestStreamTarget(request('POST', '/api/v1/runs/a/p/r/model', 'Bearer k'))).toBeNull();
    expect(
      ingestStreamTarget(request('POST', '/api/v1/runs/a/p/%E0%A4%A/stream', 'Bearer k')),
    ).toBeNull();
  });

  it('stores a gzipped batch and acknowledges it like the Next route', async () => {
    const batch = (offset: number) =>
      gzipSync(
        JSON.stringify({
          history: { offset, rows: [{ step: offset, values: { loss: 1 / (offset + 1) } }] },
          console: [{ lineNo: offset, text: `line ${offset}`, stream: 'stdout' }],
        }),
      );
    const node = await viaNode(batch(0), { 'content-encoding': 'gzip' });
    expect(node).toEqual({
      status: 200,
      body: { historyOffset: 1, systemOffset: 0, state: 'RUNNING', stopRequested: false },
    });
    const next = await viaNext(batch(1), { 'content-encoding': 'gzip' });
    expect(next).toEqual({ ...node, body: { ...(node.body as object), historyOffset: 2 } });
  });

  it('answers every kind of bad request with the same status and error body as the Next route', async () => {
    const cases: [string, Buffer | string, Record<string, string>][] = [
      [
        'wrong type',
        JSON.stringify({ history: { offset: 2, rows: [{ step: 2, values: { a: [1] } }] } }),
        {},
      ],
      [
        'gap',
        JSON.stringify({ history: { offset: 9, rows: [{ step: 9, values: { a: 1 } }] } }),
        {},
      ],
      ['not JSON', '{"history":', {}],
      ['unknown encoding', '{}', { 'content-encoding': 'br' }],
      ['not gzip', '{}', { 'content-encoding': 'gzip' }],
      ['gzip bomb', gzipSync(Buffer.alloc(17 * 1024 * 1024, 32)), { 'content-encoding': 'gzip' }],
      ['revoked or unknown key', '{}', { authorization: 'Bearer sx_not-a-key' }],
    ];
    for (const [name, body, headers] of cases) {
      const node = await viaNode(body, headers);
      expect(node.status, name).toBeGreaterThanOrEqual(400);
      expect(node, name).toEqual(await viaNext(body, headers));
    }
  });

  it('refuses an announced oversize body before reading it', async () => {
    const { port } = new URL(server.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        socket.write(
          `POST ${path}/stream HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\n` +
            `Content-Type: application/json\r\nContent-Length: ${64 * 1024 * 1024}\r\n\r\n{`,
        );
      });
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString();
        if (text.includes('}}')) {
          socket.destroy();
          resolve(text);
        }
      });
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1.1 413/);
    expect(answer).toMatch(/larger than 16 MB/);
  });
});
