import type { NextRequest } from 'next/server';
import { resolveArtifactForUse } from '@/lib/artifacts/use-artifact';
import { handleApi } from '@/lib/http/api-response';
import { readJsonBody } from '@/lib/http/json-body';

type Params = { params: Promise<{ entity: string; project: string; artifact: string }> };

/** `{ version: 'latest' | 'vN' | alias, run? }` → the manifest with download URLs; records lineage. */
export async function POST(request: NextRequest, { params }: Params) {
  const target = await params;
  return handleApi(request, async (actor) =>
    resolveArtifactForUse(actor, target, await readJsonBody(request, 64 * 1024)),
  );
}
