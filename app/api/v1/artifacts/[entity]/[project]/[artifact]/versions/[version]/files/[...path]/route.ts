import { Readable } from 'node:stream';
import type { NextRequest } from 'next/server';
import { openArtifactFile } from '@/lib/artifacts/download-artifact-file';
import { handleRawApi } from '@/lib/http/raw-response';

type Params = {
  params: Promise<{
    entity: string;
    project: string;
    artifact: string;
    version: string;
    path: string[];
  }>;
};

/** Streams one file of a version; `Range: bytes=…` answers 206 with that range. */
export async function GET(request: NextRequest, { params }: Params) {
  const { path, ...target } = await params;
  return handleRawApi(request, async (actor) => {
    const opened = await openArtifactFile(
      actor,
      target,
      path.join('/'),
      request.headers.get('range'),
    );
    if (opened.status === 416) return new Response(null, opened);
    const body = Readable.toWeb(opened.body) as ReadableStream<Uint8Array>;
    return new Response(body, { status: opened.status, headers: opened.headers });
  });
}
