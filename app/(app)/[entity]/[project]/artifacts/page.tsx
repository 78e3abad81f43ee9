import { Boxes } from 'lucide-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArtifactList } from '@/components/artifacts/artifact-list';
import { Card } from '@/components/ui/card';
import { summarizeProjectArtifacts } from '@/lib/artifacts/artifact-pages';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import { formatBytes } from '@/lib/storage/usage';
import { ArtifactsBreadcrumb } from './artifacts-breadcrumb';

type Params = { params: Promise<{ entity: string; project: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { entity, project } = await params;
  return { title: `Artifacts · ${entity}/${project}` };
}

const dateTime = new Intl.DateTimeFormat('en', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** The project's artifacts (datasets, models, …) by type, with their latest version. */
export default async function ProjectArtifactsPage({ params }: Params) {
  const { entity, project } = await params;
  const actor = await getCurrentActor();
  const summaries = await summarizeProjectArtifacts(actor, { entity, project }).catch(
    (error: unknown) => {
      // Not found and not allowed look the same from outside.
      if (isAppError(error) && ['NOT_FOUND', 'UNAUTHENTICATED'].includes(error.code)) notFound();
      throw error;
    },
  );
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-6 py-8">
      <div>
        <ArtifactsBreadcrumb entity={entity} project={project} />
        <h1 className="mt-2 text-3xl font-semibold tracking-tight">Artifacts</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Versioned datasets, models and other files that runs of {project} logged.
        </p>
      </div>
      {summaries.length === 0 ? (
        <Card>
          <div className="flex flex-col items-center gap-3 py-8 text-center">
            <Boxes className="h-7 w-7 text-zinc-400" aria-hidden />
            <p className="text-sm font-medium">No artifacts yet</p>
            <p className="max-w-md text-sm text-zinc-600 dark:text-zinc-400">
              Log a dataset or a model from a run and it appears here with its versions. A new
              version is made only when the content changes.
            </p>
            <pre className="max-w-full overflow-x-auto rounded-lg bg-zinc-950 px-4 py-3 text-left font-mono text-xs leading-5 text-zinc-100">
              {`await run.logArtifact({ name: 'mnist', type: 'dataset', files: './data' });
const dir = await run.useArtifact('mnist:latest');`}
            </pre>
          </div>
        </Card>
      ) : (
        <ArtifactList
          basePath={`/${entity}/${project}/artifacts`}
          rows={summaries.map((s) => ({
            name: s.name,
            type: s.type,
            description: s.description,
            latest: s.latest,
            versionCount: s.versionCount,
            sizeLabel: formatBytes(s.latestSize),
            updatedLabel: dateTime.format(s.updatedAt),
            updatedIso: s.updatedAt.toISOString(),
          }))}
        />
      )}
    </div>
  );
}
