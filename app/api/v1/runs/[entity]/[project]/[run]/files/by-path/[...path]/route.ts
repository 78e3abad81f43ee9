import { Readable } from 'node:stream';
import type { NextRequest } from 'next/server';
import { deleteRunFile, openRunFile } from '@/lib/files/run-files';
import { handleApi } from '@/lib/http/api-response';
import { handleRawApi } from '@/lib/http/raw-response';

type Params = {
  params: Promise<{ entity: string; project: string; run: string; path: string[] }>;
};

/** Streams a file's content; `Range: bytes=…` answers 206 with that range. */
export async function GET(request: NextRequest, { params }: Params) {
  const { path, ...target } = await params;
  return handleRawApi(request, async (actor) => {
    const opened = await openRunFile(actor, target, path.join('/'), request.headers.get('range'));
    if (opened.status === 416) return new Response(null, opened);
    const body = Readable.toWeb(opened.body) as ReadableStream<Uint8Array>;
    return new Response(body, { status: opened.status, headers: opened.headers });
  });
}

export async function DELETE(request: NextRequest, { params }: Params) {
  const { path, ...target } = await params;
  return handleApi(request, async (actor) => deleteRunFile(actor, target, path.join('/')));
}
