import type { NextRequest } from 'next/server';
import { completeUpload } from '@/lib/files/uploads';
import { handleApi } from '@/lib/http/api-response';

type Params = {
  params: Promise<{ entity: string; project: string; run: string; upload: string }>;
};

/** Verifies the uploaded parts against the sha256 and records the run file. */
export async function POST(request: NextRequest, { params }: Params) {
  const { upload, ...target } = await params;
  return handleApi(request, async (actor) => completeUpload(actor, target, upload));
}
