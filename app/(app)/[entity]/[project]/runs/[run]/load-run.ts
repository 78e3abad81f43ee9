import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import { loadRunForViewer } from '@/lib/runs/run-viewer';

export type RunParams = { params: Promise<{ entity: string; project: string; run: string }> };

/**
 * The run of the current URL, read once per request by the layout and its tab. A run the
 * viewer may not see answers 404 like one that does not exist (a private project leaks nothing).
 */
export const loadRunPage = cache(async (entity: string, project: string, runId: string) => {
  const actor = await getCurrentActor();
  try {
    return { actor, ...(await loadRunForViewer(actor, { entity, project, runId })) };
  } catch (error) {
    if (isAppError(error) && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) notFound();
    throw error;
  }
});

export async function loadFromParams({ params }: RunParams) {
  const { entity, project, run } = await params;
  return loadRunPage(entity, project, run);
}
