import type { NextRequest } from 'next/server';
import { putArtifactUploadPart } from '@/lib/artifacts/artifact-uploads';
import { handleApi } from '@/lib/http/api-response';

type Params = {
  params: Promise<{ entity: string; project: string; upload: string; part: string }>;
};

/** One part of an artifact blob upload, streamed to the blob store. */
export async function PUT(request: NextRequest, { params }: Params) {
  const { upload, part, ...target } = await params;
  return handleApi(request, async (actor) =>
    putArtifactUploadPart(actor, target, upload, part, request.body),
  );
}
