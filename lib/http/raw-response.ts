import type { NextRequest } from 'next/server';
import type { Actor } from '../auth/actor';
import { actorFromRequest } from '../auth/current-actor';
import { errorResponse } from './api-response';

/**
 * Like handleApi, for handlers that answer with their own Response (file downloads that
 * stream bytes); errors still become the JSON `{ error: { code, message, fields } }` body.
 */
export async function handleRawApi(
  request: NextRequest,
  work: (actor: Actor) => Promise<Response>,
): Promise<Response> {
  try {
    return await work(await actorFromRequest(request));
  } catch (error) {
    return errorResponse(request, error);
  }
}
