import type { NextRequest } from 'next/server';
import { putUploadPart } from '@/lib/files/uploads';
import { handleApi } from '@/lib/http/api-response';

type Params = {
  params: Promise<{ entity: string; project: string; run: string; upload: string; part: string }>;
};

/** One part of an upload, its bytes streamed from the body straight to the blob store. */
export async function PUT(request: NextRequest, { params }: Params) {
  const { upload, part, ...target } = await params;
  return handleApi(request, async (actor) =>
    putUploadPart(actor, target, upload, part, request.body),
  );
}
