import type { NextRequest } from 'next/server';
import { handleApi } from '@/lib/http/api-response';
import { consoleLogStream } from '@/lib/runs/console-log-download';
import { getRun } from '@/lib/runs/read-runs';

type Params = { params: Promise<{ entity: string; project: string; run: string }> };

/** The run's whole console log as a streamed text download; readable by whoever may view the run. */
export async function GET(request: NextRequest, { params }: Params) {
  const { entity, project, run: runId } = await params;
  return handleApi(request, async (actor) => {
    const run = await getRun(actor, entity, project, runId);
    return new Response(consoleLogStream(run.id), {
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'content-disposition': `attachment; filename="${run.runId}.log"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
