import type { NextRequest } from 'next/server';
import { removeAlias, setAlias } from '@/lib/artifacts/aliases';
import { handleApi } from '@/lib/http/api-response';
import { readJsonBody } from '@/lib/http/json-body';

type Params = {
  params: Promise<{ entity: string; project: string; artifact: string; alias: string }>;
};

/** Points the alias at `{ version, protected? }`. */
export async function PUT(request: NextRequest, { params }: Params) {
  const target = await params;
  return handleApi(request, async (actor) =>
    setAlias(actor, target, await readJsonBody(request, 16 * 1024)),
  );
}

export async function DELETE(request: NextRequest, { params }: Params) {
  const target = await params;
  return handleApi(request, async (actor) => removeAlias(actor, target));
}
