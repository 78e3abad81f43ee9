import { gzipSync } from 'node:zlib';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
  /** Worth trying again later: the server or the network is in trouble, not the request. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

/** POSTs JSON (gzip above 1 KB) and returns the parsed answer; network failures are HttpError(0). */
export function postJson<T>(
  url: string,
  apiKey: string,
  body: unknown,
  timeoutMs = 30_000,
): Promise<T> {
  return sendJson<T>('POST', url, apiKey, body, timeoutMs);
}

export async function sendJson<T>(
  method: 'POST' | 'PUT',
  url: string,
  apiKey: string,
  body: unknown,
  timeoutMs = 30_000,
): Promise<T> {
  const json = Buffer.from(JSON.stringify(body));
  const compress = json.length > 1024;
  const text = await sendRequest(url, {
    method,
    headers: {
      authorization: `Bearer ${apiKey}`,
      'content-type': 'application/json',
      ...(compress ? { 'content-encoding': 'gzip' } : {}),
    },
    body: compress ? gzipSync(json) : json,
    signal: AbortSignal.timeout(timeoutMs),
  });
  return JSON.parse(text) as T;
}

/**
 * Sends one request and returns the answer's text. A network failure is HttpError(0); a
 * non-2xx answer is HttpError(status) with the server's `error.message` when it sent one.
 */
export async function sendRequest(url: string, init: RequestInit): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new HttpError(0, `cannot reach ${new URL(url).origin}: ${(error as Error).message}`);
  }
  const text = await response.text();
  if (!response.ok) {
    let message = text;
    try {
      message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text;
    } catch {
      // not JSON: keep the text
    }
    throw new HttpError(response.status, `${response.status}: ${message}`);
  }
  return text;
}

/** Exponential backoff with full jitter, capped. */
export function backoffMs(attempt: number, baseMs = 500, capMs = 30_000): number {
  return Math.random() * Math.min(capMs, baseMs * 2 ** attempt);
}
