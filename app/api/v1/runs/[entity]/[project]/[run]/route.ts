import type { NextRequest } from 'next/server';
import { handleApi } from '@/lib/http/api-response';
import { readJsonBody } from '@/lib/http/json-body';
import { upsertRun } from '@/lib/runs/upsert-run';

type Params = { params: Promise<{ entity: string; project: string; run: string }> };

/** Creates or updates a run (fields left out keep their values). */
export async function POST(request: NextRequest, { params }: Params) {
  const target = await params;
  return handleApi(request, async (actor) =>
    upsertRun(
      actor,
      { entity: target.entity, project: target.project, runId: target.run },
      (await readJsonBody(request, 1024 * 1024)) as never,
    ),
  );
}
