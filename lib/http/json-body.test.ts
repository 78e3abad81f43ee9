import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { readJsonBody } from './json-body';

const limit = 1024;

/** A request whose body arrives in chunks without a Content-Length, as chunked uploads do. */
function chunkedRequest(parts: Uint8Array[], headers: Record<string, string> = {}): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
  return new Request('http://x/', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('readJsonBody', () => {
  it('reads plain and gzip JSON, with and without a Content-Length', async () => {
    const json = JSON.stringify({ history: { offset: 0, rows: [{ step: 1, values: { a: 1 } }] } });
    const plain = new Request('http://x/', {
      method: 'POST',
      body: json,
      headers: { 'content-length': String(json.length) },
    });
    expect(await readJsonBody(plain, limit)).toEqual(JSON.parse(json));
    const gzipped = new Request('http://x/', {
      method: 'POST',
      body: gzipSync(json),
      headers: { 'content-encoding': 'gzip' },
    });
    expect(await readJsonBody(gzipped, limit)).toEqual(JSON.parse(json));
    const encoder = new TextEncoder();
    const chunked = chunkedRequest([
      encoder.encode(json.slice(0, 10)),
      encoder.encode(json.slice(10)),
    ]);
    expect(await readJsonBody(chunked, limit)).toEqual(JSON.parse(json));
  });

  it('refuses bodies over the limit: declared, streamed, or expanding from gzip', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(limit * 2) });
    const declared = new Request('http://x/', {
      method: 'POST',
      body: big,
      headers: { 'content-length': String(big.length) },
    });
    expect((await failure(readJsonBody(declared, limit))).code).toBe('PAYLOAD_TOO_LARGE');
    const streamed = chunkedRequest([new TextEncoder().encode(big)]);
    expect((await failure(readJsonBody(streamed, limit))).code).toBe('PAYLOAD_TOO_LARGE');
    // 2 KB of JSON compresses to a few dozen bytes: the limit applies to what it expands to.
    const bomb = gzipSync(big);
    expect(bomb.length).toBeLessThan(limit);
    const gzipped = new Request('http://x/', {
      method: 'POST',
      body: bomb,
      headers: { 'content-encoding': 'gzip' },
    });
    expect((await failure(readJsonBody(gzipped, limit))).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('names what is wrong with a broken body', async () => {
    const notJson = new Request('http://x/', { method: 'POST', body: '{"a":' });
    expect((await failure(readJsonBody(notJson, limit))).message).toMatch(/not valid JSON/);
    const notGzip = new Request('http://x/', {
      method: 'POST',
      body: 'plain text',
      headers: { 'content-encoding': 'gzip' },
    });
    expect((await failure(readJsonBody(notGzip, limit))).message).toMatch(/could not be read/);
    const brotli = new Request('http://x/', {
      method: 'POST',
      body: '{}',
      headers: { 'content-encoding': 'br' },
    });
    expect((await failure(readJsonBody(brotli, limit))).message).toMatch(/br is not supported/);
  });
});
