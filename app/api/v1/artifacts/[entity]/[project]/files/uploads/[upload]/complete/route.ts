import type { NextRequest } from 'next/server';
import { completeArtifactUpload } from '@/lib/artifacts/artifact-uploads';
import { handleApi } from '@/lib/http/api-response';

type Params = { params: Promise<{ entity: string; project: string; upload: string }> };

/** Verifies the parts against the sha256; the blob can then be named in a manifest. */
export async function POST(request: NextRequest, { params }: Params) {
  const { upload, ...target } = await params;
  return handleApi(request, async (actor) => completeArtifactUpload(actor, target, upload));
}
