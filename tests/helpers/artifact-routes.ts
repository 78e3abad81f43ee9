import type { NextRequest } from 'next/server';

/**
 * The artifact routes (app/api/v1/artifacts/<entity>/<project>/...), dispatched by path for
 * tests/helpers/app-http-server.ts. Undefined: not an artifacts URL.
 */
export async function routeArtifactRequest(
  request: NextRequest,
  pathname: string,
): Promise<Response | undefined> {
  const match = pathname.match(/^\/api\/v1\/artifacts\/([^/]+)\/([^/]+)(\/.*)?$/);
  if (!match) return undefined;
  const target = { entity: decodeURIComponent(match[1]!), project: decodeURIComponent(match[2]!) };
  const rest = match[3] ?? '';
  const method = request.method;
  const decode = decodeURIComponent;

  if (rest === '/files/uploads' && method === 'POST') {
    const route = await import('@/app/api/v1/artifacts/[entity]/[project]/files/uploads/route');
    return route.POST(request, { params: Promise.resolve(target) });
  }
  const part = rest.match(/^\/files\/uploads\/([^/]+)\/parts\/([^/]+)$/);
  if (part && method === 'PUT') {
    const route =
      await import('@/app/api/v1/artifacts/[entity]/[project]/files/uploads/[upload]/parts/[part]/route');
    return route.PUT(request, {
      params: Promise.resolve({ ...target, upload: decode(part[1]!), part: decode(part[2]!) }),
    });
  }
  const complete = rest.match(/^\/files\/uploads\/([^/]+)\/complete$/);
  if (complete && method === 'POST') {
    const route =
      await import('@/app/api/v1/artifacts/[entity]/[project]/files/uploads/[upload]/complete/route');
    return route.POST(request, {
      params: Promise.resolve({ ...target, upload: decode(complete[1]!) }),
    });
  }
  const named = rest.match(/^\/([^/]+)(\/.*)$/);
  if (named) {
    const artifact = { ...target, artifact: decode(named[1]!) };
    const sub = named[2]!;
    if (sub === '/versions' && method === 'POST') {
      const route =
        await import('@/app/api/v1/artifacts/[entity]/[project]/[artifact]/versions/route');
      return route.POST(request, { params: Promise.resolve(artifact) });
    }
    if (sub === '/use' && method === 'POST') {
      const route = await import('@/app/api/v1/artifacts/[entity]/[project]/[artifact]/use/route');
      return route.POST(request, { params: Promise.resolve(artifact) });
    }
    const file = sub.match(/^\/versions\/([^/]+)\/files\/(.+)$/);
    if (file && method === 'GET') {
      const route =
        await import('@/app/api/v1/artifacts/[entity]/[project]/[artifact]/versions/[version]/files/[...path]/route');
      return route.GET(request, {
        params: Promise.resolve({
          ...artifact,
          version: decode(file[1]!),
          path: file[2]!.split('/').map(decode),
        }),
      });
    }
    const zip = sub.match(/^\/versions\/([^/]+)\/download$/);
    if (zip && method === 'GET') {
      const route =
        await import('@/app/api/v1/artifacts/[entity]/[project]/[artifact]/versions/[version]/download/route');
      return route.GET(request, {
        params: Promise.resolve({ ...artifact, version: decode(zip[1]!) }),
      });
    }
    const version = sub.match(/^\/versions\/([^/]+)$/);
    if (version && (method === 'PATCH' || method === 'DELETE')) {
      const route =
        await import('@/app/api/v1/artifacts/[entity]/[project]/[artifact]/versions/[version]/route');
      const params = Promise.resolve({ ...artifact, version: decode(version[1]!) });
      return method === 'PATCH'
        ? route.PATCH(request, { params })
        : route.DELETE(request, { params });
    }
    const alias = sub.match(/^\/aliases\/([^/]+)$/);
    if (alias && (method === 'PUT' || method === 'DELETE')) {
      const route =
        await import('@/app/api/v1/artifacts/[entity]/[project]/[artifact]/aliases/[alias]/route');
      const params = Promise.resolve({ ...artifact, alias: decode(alias[1]!) });
      return method === 'PUT' ? route.PUT(request, { params }) : route.DELETE(request, { params });
    }
  }
  return new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'no such route' } }), {
    status: 404,
  });
}
