import { randomUUID } from 'node:crypto';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { FieldProblem } from '../../errors';
import type { ConnectorCredentials } from './credentials-cipher';

export interface ConnectorTarget {
  endpoint: string;
  bucket: string;
  region: string;
  forcePathStyle: boolean;
  prefix: string;
}

/** A probe must answer quickly: the admin waits for it on the settings page. */
const probeTimeoutMs = 10_000;

/**
 * "Tested on save": writes a small object under `<prefix>sextant-probe/`, reads it back (head
 * and get, comparing the bytes), and deletes it — the three things the blob store will do.
 * Returns the first problem as a field error naming the input to fix, or null when the bucket
 * works. Nothing is left behind on success; on failure after the put the delete is still tried.
 */
export async function probeConnector(
  target: ConnectorTarget,
  credentials: ConnectorCredentials,
): Promise<FieldProblem | null> {
  const client = new S3Client({
    endpoint: target.endpoint,
    region: target.region,
    forcePathStyle: target.forcePathStyle,
    // A copy: the SDK marks the credentials object it is given.
    credentials: { ...credentials },
    maxAttempts: 1,
    requestHandler: { connectionTimeout: probeTimeoutMs, requestTimeout: probeTimeoutMs },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Key = `${target.prefix}sextant-probe/${randomUUID()}`;
  const body = `Sextant storage connector probe ${new Date().toISOString()}`;
  let step = 'write a test object to';
  let written = false;
  try {
    await client.send(new PutObjectCommand({ Bucket: target.bucket, Key, Body: body }));
    written = true;
    step = 'read the test object back from';
    await client.send(new HeadObjectCommand({ Bucket: target.bucket, Key }));
    const object = await client.send(new GetObjectCommand({ Bucket: target.bucket, Key }));
    const read = await object.Body?.transformToString();
    if (read !== body) {
      return { field: 'bucket', message: 'returned different bytes than were written to it' };
    }
    step = 'delete the test object from';
    await client.send(new DeleteObjectCommand({ Bucket: target.bucket, Key }));
    written = false;
    return null;
  } catch (error) {
    return problemOf(error, step);
  } finally {
    if (written) {
      await client
        .send(new DeleteObjectCommand({ Bucket: target.bucket, Key }))
        .catch(() => undefined);
    }
    client.destroy();
  }
}

/** The S3 error as the input it most likely concerns, with the service's own reason. */
function problemOf(error: unknown, step: string): FieldProblem {
  const e = error as {
    name?: string;
    code?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const name = e.name ?? 'Error';
  const status = e.$metadata?.httpStatusCode;
  const reason = `${name}${status ? ` (HTTP ${status})` : ''}: ${e.message ?? 'no reason given'}`;
  switch (name) {
    case 'NoSuchBucket':
      return { field: 'bucket', message: `does not exist at this endpoint (${reason})` };
    case 'InvalidAccessKeyId':
      return { field: 'accessKeyId', message: `is not known to the storage service (${reason})` };
    case 'SignatureDoesNotMatch':
      return {
        field: 'secretAccessKey',
        message: `does not match the access key id (${reason})`,
      };
    case 'AuthorizationHeaderMalformed':
    case 'PermanentRedirect':
    case 'IllegalLocationConstraintException':
      return { field: 'region', message: `does not match the bucket's region (${reason})` };
    case 'AccessDenied':
      return {
        field: 'accessKeyId',
        message: `may not ${step} the bucket: the keys need s3:PutObject, s3:GetObject and s3:DeleteObject (${reason})`,
      };
  }
  const code = e.code ?? '';
  if (
    ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH'].includes(
      code,
    ) ||
    name === 'TimeoutError'
  ) {
    return { field: 'endpoint', message: `could not be reached (${code || name}: ${e.message})` };
  }
  return { field: 'endpoint', message: `failed to ${step} the bucket (${reason})` };
}
