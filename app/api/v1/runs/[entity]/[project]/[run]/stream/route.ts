import type { NextRequest } from 'next/server';
import { handleApi } from '@/lib/http/api-response';
import { readJsonBody } from '@/lib/http/json-body';
import { ingestStream } from '@/lib/runs/ingest-stream';
import { ingestLimits } from '@/lib/runs/schemas';

type Params = { params: Promise<{ entity: string; project: string; run: string }> };

/** The SDK's batched stream: history, system metrics, console lines, summary, config, finish. */
export async function POST(request: NextRequest, { params }: Params) {
  const { entity, project, run } = await params;
  return handleApi(request, async (actor) =>
    ingestStream(
      actor,
      { entity, project, runId: run },
      await readJsonBody(request, ingestLimits.maxBodyBytes),
    ),
  );
}
