import type { NextRequest } from 'next/server';
import { handleApi } from '@/lib/http/api-response';
import { readJsonBody } from '@/lib/http/json-body';
import { modelSummaryLimits, setModelSummary } from '@/lib/runs/model-summary';

type Params = { params: Promise<{ entity: string; project: string; run: string }> };

/** Replaces the run's model summary (the Model tab): `{ layers: [{ name, type, parameterCount, outputShape?, trainable? }] }`. */
export async function PUT(request: NextRequest, { params }: Params) {
  const { entity, project, run } = await params;
  return handleApi(request, async (actor) =>
    setModelSummary(
      actor,
      { entity, project, runId: run },
      await readJsonBody(request, modelSummaryLimits.maxBodyBytes),
    ),
  );
}
