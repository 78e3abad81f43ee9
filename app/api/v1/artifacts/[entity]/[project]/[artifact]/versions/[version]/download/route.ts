import { Readable } from 'node:stream';
import type { NextRequest } from 'next/server';
import { openVersionZip } from '@/lib/artifacts/download-version-zip';
import { handleRawApi } from '@/lib/http/raw-response';

type Params = {
  params: Promise<{ entity: string; project: string; artifact: string; version: string }>;
};

/** Streams every stored file of a version as `<name>-<vN>.zip`. */
export async function GET(request: NextRequest, { params }: Params) {
  const target = await params;
  return handleRawApi(request, async (actor) => {
    const { body, filename } = await openVersionZip(actor, target);
    return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
      status: 200,
      headers: {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
        'cache-control': 'private, no-cache',
      },
    });
  });
}
