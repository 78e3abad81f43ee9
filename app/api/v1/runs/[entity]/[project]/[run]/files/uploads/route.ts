import type { NextRequest } from 'next/server';
import { createUpload } from '@/lib/files/uploads';
import { handleApi } from '@/lib/http/api-response';
import { readJsonBody } from '@/lib/http/json-body';

type Params = { params: Promise<{ entity: string; project: string; run: string }> };

/** Starts or resumes an upload `{ path, size, sha256 }` → upload id, part size, parts received. */
export async function POST(request: NextRequest, { params }: Params) {
  const target = await params;
  return handleApi(request, async (actor) =>
    createUpload(actor, target, await readJsonBody(request, 64 * 1024)),
  );
}
