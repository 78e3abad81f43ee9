import type { NextRequest } from 'next/server';
import { deleteArtifactVersion } from '@/lib/artifacts/delete-version';
import { editArtifactMetadata } from '@/lib/artifacts/edit-metadata';
import { handleApi } from '@/lib/http/api-response';
import { readJsonBody } from '@/lib/http/json-body';

type Params = {
  params: Promise<{ entity: string; project: string; artifact: string; version: string }>;
};

/** `{ metadata?, description? }` */
export async function PATCH(request: NextRequest, { params }: Params) {
  const target = await params;
  return handleApi(request, async (actor) =>
    editArtifactMetadata(actor, target, await readJsonBody(request, 256 * 1024)),
  );
}

export async function DELETE(request: NextRequest, { params }: Params) {
  const target = await params;
  return handleApi(request, async (actor) => deleteArtifactVersion(actor, target));
}
