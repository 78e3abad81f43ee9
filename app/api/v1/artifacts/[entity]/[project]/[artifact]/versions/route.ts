import type { NextRequest } from 'next/server';
import { logArtifactVersion } from '@/lib/artifacts/log-artifact';
import { handleApi } from '@/lib/http/api-response';
import { readJsonBody } from '@/lib/http/json-body';

type Params = { params: Promise<{ entity: string; project: string; artifact: string }> };

/** Logs a version from a run: `{ run, type, description?, metadata?, aliases?, files, references? }`. */
export async function POST(request: NextRequest, { params }: Params) {
  const target = await params;
  return handleApi(request, async (actor) =>
    logArtifactVersion(actor, target, await readJsonBody(request, 64 * 1024 * 1024)),
  );
}
