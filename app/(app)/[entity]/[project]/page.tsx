import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatValue, runtimeOf, timeAgo } from '@/components/runs/format';
import { RunStateBadge } from '@/components/runs/run-state-badge';
import { Card } from '@/components/ui/card';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import { getProject, listRuns } from '@/lib/runs/read-runs';

type Params = { params: Promise<{ entity: string; project: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { entity, project } = await params;
  return { title: `${entity}/${project}` };
}

async function load(entity: string, projectName: string) {
  const actor = await getCurrentActor();
  try {
    const project = await getProject(actor, entity, projectName);
    return { project, runs: await listRuns(actor, entity, projectName, { first: 100 }) };
  } catch (error) {
    // Not found and not allowed look the same from outside.
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

/** A project: its runs, newest first, with state, runtime and the first summary metrics. */
export default async function ProjectPage({ params }: Params) {
  const { entity, project: projectName } = await params;
  const { project, runs } = await load(entity, projectName);
  const summaryKeys = [
    ...new Set(runs.flatMap((run) => Object.keys((run.summary ?? {}) as object))),
  ]
    .filter((k) => !k.startsWith('_'))
    .slice(0, 4);
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-6 py-10">
      <div>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          <Link href={`/${entity}`} className="hover:underline">
            {entity}
          </Link>{' '}
          /
        </p>
        <h1 className="text-3xl font-semibold tracking-tight">{project.name}</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          {project.runCount} {project.runCount === 1 ? 'run' : 'runs'} ·{' '}
          {project.visibility.toLowerCase()} project
        </p>
      </div>
      <Card title="Runs">
        {runs.length === 0 ? (
          <p className="py-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
            No runs in this project yet.
          </p>
        ) : (
          <div className="-mx-6 -my-5 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Runs of {project.name}</caption>
              <thead className="bg-zinc-50 text-xs uppercase tracking-wide text-zinc-500 dark:bg-zinc-900/60 dark:text-zinc-400">
                <tr>
                  <th scope="col" className="px-6 py-2 font-medium">
                    Name
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    State
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Created
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Runtime
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Tags
                  </th>
                  {summaryKeys.map((key) => (
                    <th key={key} scope="col" className="px-3 py-2 font-medium normal-case">
                      {key}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {runs.map((run) => {
                  const summary = (run.summary ?? {}) as Record<string, unknown>;
                  return (
                    <tr key={run.id}>
                      <td className="px-6 py-2.5">
                        <Link
                          href={`/${entity}/${project.name}/runs/${run.runId}`}
                          className="font-medium text-brand-700 hover:underline dark:text-brand-500"
                        >
                          {run.displayName}
                        </Link>
                      </td>
                      <td className="px-3 py-2.5">
                        <RunStateBadge state={run.state} />
                      </td>
                      <td className="px-3 py-2.5 text-zinc-600 dark:text-zinc-400">
                        {timeAgo(run.createdAt)}
                      </td>
                      <td className="px-3 py-2.5 tabular-nums text-zinc-600 dark:text-zinc-400">
                        {runtimeOf(run)}
                      </td>
                      <td className="px-3 py-2.5 text-zinc-600 dark:text-zinc-400">
                        {run.tags.join(', ')}
                      </td>
                      {summaryKeys.map((key) => (
                        <td key={key} className="px-3 py-2.5 font-mono text-xs tabular-nums">
                          {key in summary ? formatValue(summary[key]) : '–'}
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
