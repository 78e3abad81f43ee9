import { expect, test } from '@playwright/test';

test('GET /api/health reports status, version and database over HTTP', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok', database: { reachable: true } });
});

test('GraphQL answers queries and maps malformed ones to 400 without stack traces', async ({
  request,
}) => {
  const ok = await request.post('/api/graphql', { data: { query: '{ instance { status } }' } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toEqual({ data: { instance: { status: 'OK' } } });

  const broken = await request.post('/api/graphql', { data: { query: '{ instance {' } });
  expect(broken.status()).toBe(400);
  const body = await broken.json();
  expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  expect(JSON.stringify(body)).not.toContain('stacktrace');
});

test('GraphQL in production has no sandbox landing page and no introspection', async ({
  request,
}) => {
  const landing = await request.get('/api/graphql', { headers: { accept: 'text/html' } });
  expect(landing.headers()['content-type']).not.toContain('text/html');
  const introspection = await request.post('/api/graphql', {
    data: { query: '{ __schema { queryType { name } } }' },
  });
  expect(introspection.status()).toBe(400);
});
