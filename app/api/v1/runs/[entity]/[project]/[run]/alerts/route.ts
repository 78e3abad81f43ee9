import type { NextRequest } from 'next/server';
import { sendCustomAlert } from '@/lib/alerts/send-custom-alert';
import { handleApi } from '@/lib/http/api-response';
import { readJsonBody } from '@/lib/http/json-body';

type Params = { params: Promise<{ entity: string; project: string; run: string }> };

/** A custom alert from code: `{ title, text, level, waitDurationSeconds }` → `{ queued }`. */
export async function POST(request: NextRequest, { params }: Params) {
  const { entity, project, run } = await params;
  return handleApi(
    request,
    async (actor) =>
      sendCustomAlert(
        actor,
        { entity, project, runId: run },
        await readJsonBody(request, 64 * 1024),
      ),
    { status: 202 },
  );
}
