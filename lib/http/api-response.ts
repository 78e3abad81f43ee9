import type { NextRequest } from 'next/server';
import type { Actor } from '../auth/actor';
import { actorFromRequest } from '../auth/current-actor';
import { publicError } from '../errors';
import { getLogger } from '../logger';

/**
 * Runs a REST handler with the request's actor and maps errors once (DESIGN.md §2 rule 4):
 * AppErrors become `{ error: { code, message, fields } }` with their status; anything else
 * is logged and answered 500 without internals. A handler that returns a Response (a
 * download) has it sent as it is.
 */
export async function handleApi(
  request: NextRequest,
  work: (actor: Actor) => Promise<unknown>,
  { status: successStatus = 200 }: { status?: number } = {},
): Promise<Response> {
  try {
    const actor = await actorFromRequest(request);
    const result = await work(actor);
    // Downloads build their own response (a streamed body, their own content type).
    if (result instanceof Response) return result;
    return jsonResponse(result ?? { ok: true }, successStatus);
  } catch (error) {
    return errorResponse(request, error);
  }
}

/** The JSON error body every REST route answers with; 5xx causes are logged, not sent. */
export function errorResponse(request: NextRequest, error: unknown): Response {
  const { code, message, status, fields } = publicError(error);
  if (status >= 500)
    getLogger().error({ err: error, path: request.nextUrl.pathname }, 'API request failed');
  return Response.json(
    { error: { code, message, ...(fields.length ? { fields } : {}) } },
    { status },
  );
}

/**
 * A JSON response. Next gzips every response body (its `compress` option) and drops a route's
 * Content-Length, so even a 60-byte ingest acknowledgement cost a zlib stream per request on
 * the hot path. Small bodies say `no-transform`, which that compression skips; larger ones are
 * still compressed.
 */
function jsonResponse(body: unknown, status: number): Response {
  const text = JSON.stringify(body);
  return new Response(text, {
    status,
    headers: {
      'content-type': 'application/json',
      'cache-control': text.length < 1024 ? 'no-store, no-transform' : 'no-store',
    },
  });
}
