import type { IncomingMessage, ServerResponse } from 'node:http';
import { actorFromApiKey, apiKeyFromAuthorization } from '../auth/load-actor';
import { publicError } from '../errors';
import { getLogger } from '../logger';
import { ingestStream } from '../runs/ingest-stream';
import { ingestLimits } from '../runs/schemas';
import { bodyEncoding, decodeJsonBody, tooLarge } from './json-body';

/**
 * The SDK's stream endpoint (`POST /api/v1/runs/<entity>/<project>/<run>/stream`) served
 * straight from Node's HTTP server, ahead of Next (decision 013). It is the one request every
 * running training job sends every second, and Next's routing, its Request/Response
 * adaptation and its async context cost more CPU than ingesting the batch (P1). The route
 * under app/api answers the same URL in development and for browser sessions; both call
 * `ingestStream`, and answer with the same status codes and error bodies.
 */
const streamPath = /^\/api\/v1\/runs\/([^/?]+)\/([^/?]+)\/([^/?]+)\/stream(?:\?.*)?$/;

export interface StreamTarget {
  entity: string;
  project: string;
  runId: string;
}

/** The run a request streams to, when it is an API-key stream post this handler takes. */
export function ingestStreamTarget(request: IncomingMessage): StreamTarget | null {
  if (request.method !== 'POST' || !request.url) return null;
  const match = streamPath.exec(request.url);
  // Browser sessions (cookies, next-auth) stay with the Next route.
  if (!match || !apiKeyFromAuthorization(request.headers.authorization ?? null)) return null;
  try {
    const [entity, project, runId] = match.slice(1).map((part) => decodeURIComponent(part!));
    return { entity: entity!, project: project!, runId: runId! };
  } catch {
    return null; // a malformed escape: Next answers it
  }
}

export async function serveIngestStream(
  request: IncomingMessage,
  response: ServerResponse,
  target: StreamTarget,
): Promise<void> {
  // A client that hangs up mid-request must cost this request, not the worker process.
  request.on('error', () => {});
  response.on('error', () => {});
  try {
    const actor = await actorFromApiKey(apiKeyFromAuthorization(request.headers.authorization!)!);
    const encoding = bodyEncoding(request.headers['content-encoding']);
    const raw = await readBody(request, ingestLimits.maxBodyBytes);
    const ack = await ingestStream(
      actor,
      target,
      await decodeJsonBody(raw, encoding, ingestLimits.maxBodyBytes),
    );
    send(response, 200, ack);
  } catch (error) {
    const { code, message, status, fields } = publicError(error);
    if (status >= 500) getLogger().error({ err: error, path: request.url }, 'API request failed');
    send(response, status, { error: { code, message, ...(fields.length ? { fields } : {}) } });
  }
}

/** The whole body, refused past `maxBytes` whether or not a Content-Length announced it. */
async function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) {
    request.resume(); // drain, so the connection can answer
    throw tooLarge(maxBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      request.destroy();
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(text);
}
