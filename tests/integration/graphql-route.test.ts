import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { GET, POST } from '@/app/api/graphql/route';

function post(body: unknown) {
  return POST(
    new NextRequest('http://localhost/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

describe('/api/graphql', () => {
  it('answers a query through Apollo, Pothos and Prisma', async () => {
    const response = await post({
      query: '{ instance { version status database { reachable } } }',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      data: { instance: { status: 'OK', database: { reachable: true } } },
    });
  });

  it('answers a syntax error with 400 and no stack trace', async () => {
    const response = await post({ query: '{ instance { version ' });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(JSON.stringify(body)).not.toContain('stacktrace');
  });

  it('answers an unknown field with 400', async () => {
    const response = await post({ query: '{ instance { password } }' });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].message).toMatch(/Cannot query field "password"/);
  });

  it('answers a body that is not JSON with 400', async () => {
    const response = await post('{not json');
    expect(response.status).toBe(400);
  });

  it('disables introspection outside development', async () => {
    const response = await post({ query: '{ __schema { types { name } } }' });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].message).toMatch(/introspection/i);
  });

  it('refuses GET requests without the CSRF preflight header', async () => {
    const response = await GET(
      new NextRequest('http://localhost/api/graphql?query=%7Binstance%7Bversion%7D%7D'),
    );
    expect(response.status).toBe(400);
  });
});
