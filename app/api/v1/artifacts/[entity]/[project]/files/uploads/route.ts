import type { NextRequest } from 'next/server';
import { createArtifactUpload } from '@/lib/artifacts/artifact-uploads';
import { handleApi } from '@/lib/http/api-response';
import { readJsonBody } from '@/lib/http/json-body';

type Params = { params: Promise<{ entity: string; project: string }> };

/** Starts or resumes an artifact blob upload `{ sha256, size, path? }`; held content needs no bytes. */
export async function POST(request: NextRequest, { params }: Params) {
  const target = await params;
  return handleApi(request, async (actor) =>
    createArtifactUpload(actor, target, await readJsonBody(request, 64 * 1024)),
  );
}
