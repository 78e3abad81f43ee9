import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { NextRequest } from 'next/server';
import { ingestStreamTarget, serveIngestStream } from '@/lib/http/node-ingest-stream';
import { routeArtifactRequest } from './artifact-routes';
import { routeFileRequest } from './file-routes';

/**
 * A real HTTP server in the test process that hands requests to the app's own route
 * handlers (GraphQL and the run API), so clients such as the SDK talk real HTTP to real
 * server code. It can lose responses (after the handler ran) and go down and come back.
 */
export async function startAppHttpServer(port = 0) {
  const graphqlRoute = await import('@/app/api/graphql/route');
  const upsertRoute = await import('@/app/api/v1/runs/[entity]/[project]/[run]/route');
  const streamRoute = await import('@/app/api/v1/runs/[entity]/[project]/[run]/stream/route');
  const modelRoute = await import('@/app/api/v1/runs/[entity]/[project]/[run]/model/route');
  const logsRoute = await import('@/app/api/v1/runs/[entity]/[project]/[run]/logs/route');
  const alertsRoute = await import('@/app/api/v1/runs/[entity]/[project]/[run]/alerts/route');
  let dropResponses = 0;
  let requests = 0;

  const server = http.createServer(async (req, res) => {
    requests++;
    // A client hanging up mid-request (tests cut uploads on purpose) must not crash the process.
    req.on('error', () => {});
    res.on('error', () => {});
    // Stream posts with an API key take production's path: Node's server, ahead of Next.
    const target = ingestStreamTarget(req);
    if (target) {
      if (dropResponses > 0) {
        dropResponses--;
        // The batch is stored, but the client never hears back (a dropped connection).
        res.writeHead = (() => res) as typeof res.writeHead;
        res.end = (() => req.socket.destroy()) as unknown as typeof res.end;
      }
      await serveIngestStream(req, res, target);
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const request = new NextRequest(url, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: req.method === 'GET' ? undefined : (Readable.toWeb(req) as ReadableStream),
      duplex: 'half',
    } as ConstructorParameters<typeof NextRequest>[1]);
    const match = url.pathname.match(
      /^\/api\/v1\/runs\/([^/]+)\/([^/]+)\/([^/]+)(?:\/(stream|model|logs|alerts))?$/,
    );
    let response: Response;
    const fileResponse =
      (await routeFileRequest(request, url.pathname)) ??
      (await routeArtifactRequest(request, url.pathname));
    if (fileResponse) response = fileResponse;
    else if (url.pathname === '/api/graphql') response = await graphqlRoute.POST(request);
    else if (match) {
      const params = Promise.resolve({
        entity: decodeURIComponent(match[1]!),
        project: decodeURIComponent(match[2]!),
        run: decodeURIComponent(match[3]!),
      });
      const routes = {
        stream: () => streamRoute.POST(request, { params }),
        model: () => modelRoute.PUT(request, { params }),
        logs: () => logsRoute.GET(request, { params }),
        alerts: () => alertsRoute.POST(request, { params }),
        run: () => upsertRoute.POST(request, { params }),
      };
      response = await routes[(match[4] ?? 'run') as keyof typeof routes]();
    } else response = new Response('not found', { status: 404 });
    if (dropResponses > 0) {
      dropResponses--;
      // The work is done, but the client never hears back (a dropped connection).
      req.socket.destroy();
      return;
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    // Streamed as the handler produces it, so downloads are tested as they really flow.
    if (response.body)
      Readable.fromWeb(response.body as import('node:stream/web').ReadableStream).pipe(res);
    else res.end();
  });

  const listen = (p: number) =>
    new Promise<void>((resolve) => server.listen(p, '127.0.0.1', resolve));
  await listen(port);
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    get requests() {
      return requests;
    },
    dropNextResponses(count: number) {
      dropResponses = count;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    restart: () => listen(actualPort),
  };
}
