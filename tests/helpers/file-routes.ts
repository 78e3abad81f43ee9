import type { NextRequest } from 'next/server';

/**
 * The run-file routes (app/api/v1/runs/<entity>/<project>/<run>/files/...), dispatched by
 * path for tests/helpers/app-http-server.ts. Undefined: not a files URL.
 */
export async function routeFileRequest(
  request: NextRequest,
  pathname: string,
): Promise<Response | undefined> {
  const match = pathname.match(/^\/api\/v1\/runs\/([^/]+)\/([^/]+)\/([^/]+)\/files(\/.*)?$/);
  if (!match) return undefined;
  const target = {
    entity: decodeURIComponent(match[1]!),
    project: decodeURIComponent(match[2]!),
    run: decodeURIComponent(match[3]!),
  };
  const rest = match[4] ?? '';
  const method = request.method;
  if (rest === '' && method === 'GET') {
    const route = await import('@/app/api/v1/runs/[entity]/[project]/[run]/files/route');
    return route.GET(request, { params: Promise.resolve(target) });
  }
  if (rest === '/uploads' && method === 'POST') {
    const route = await import('@/app/api/v1/runs/[entity]/[project]/[run]/files/uploads/route');
    return route.POST(request, { params: Promise.resolve(target) });
  }
  const part = rest.match(/^\/uploads\/([^/]+)\/parts\/([^/]+)$/);
  if (part && method === 'PUT') {
    const route =
      await import('@/app/api/v1/runs/[entity]/[project]/[run]/files/uploads/[upload]/parts/[part]/route');
    return route.PUT(request, {
      params: Promise.resolve({
        ...target,
        upload: decodeURIComponent(part[1]!),
        part: decodeURIComponent(part[2]!),
      }),
    });
  }
  const complete = rest.match(/^\/uploads\/([^/]+)\/complete$/);
  if (complete && method === 'POST') {
    const route =
      await import('@/app/api/v1/runs/[entity]/[project]/[run]/files/uploads/[upload]/complete/route');
    return route.POST(request, {
      params: Promise.resolve({ ...target, upload: decodeURIComponent(complete[1]!) }),
    });
  }
  const byPath = rest.match(/^\/by-path\/(.+)$/);
  if (byPath && (method === 'GET' || method === 'DELETE')) {
    const route =
      await import('@/app/api/v1/runs/[entity]/[project]/[run]/files/by-path/[...path]/route');
    const params = Promise.resolve({
      ...target,
      path: byPath[1]!.split('/').map(decodeURIComponent),
    });
    return method === 'GET' ? route.GET(request, { params }) : route.DELETE(request, { params });
  }
  return new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'no such route' } }), {
    status: 404,
  });
}
