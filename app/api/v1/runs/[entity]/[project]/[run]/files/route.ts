import type { NextRequest } from 'next/server';
import { listRunFiles } from '@/lib/files/run-files';
import { handleApi } from '@/lib/http/api-response';

type Params = { params: Promise<{ entity: string; project: string; run: string }> };

/** The run's files: path, size, sha256, updatedAt, downloadUrl. */
export async function GET(request: NextRequest, { params }: Params) {
  const target = await params;
  return handleApi(request, async (actor) => ({ files: await listRunFiles(actor, target) }));
}
