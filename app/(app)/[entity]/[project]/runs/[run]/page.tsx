import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatValue, runtimeOf, timeAgo } from '@/components/runs/format';
import { RunStateBadge } from '@/components/runs/run-state-badge';
import { Sparkline } from '@/components/runs/sparkline';
import { Card } from '@/components/ui/card';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import { consoleTail, getRun, historyKeys, readHistory } from '@/lib/runs/read-runs';

type Params = { params: Promise<{ entity: string; project: string; run: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { project, run } = await params;
  return { title: `${run} · ${project}` };
}

async function load(entity: string, project: string, runId: string) {
  try {
    return await getRun(await getCurrentActor(), entity, project, runId);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

function KeyValues({ values, empty }: { values: Record<string, unknown>; empty: string }) {
  const entries = Object.entries(values);
  if (entries.length === 0)
    return <p className="text-sm text-zinc-500 dark:text-zinc-400">{empty}</p>;
  return (
    <dl className="grid grid-cols-[minmax(0,1fr)_minmax(0,2fr)] gap-x-4 gap-y-1.5 text-sm">
      {entries.map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="truncate text-zinc-600 dark:text-zinc-400">{key}</dt>
          <dd className="truncate font-mono text-xs leading-5">{formatValue(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The run overview: state, where it ran, config, summary, each metric's shape and the last console lines. */
export default async function RunPage({ params }: Params) {
  const { entity, project, run: runId } = await params;
  const run = await load(entity, project, runId);
  const keys = (await historyKeys(run.id)).filter((key) => !key.startsWith('system/')).slice(0, 24);
  const series = await Promise.all(keys.map((key) => readHistory(run.id, key, { maxPoints: 120 })));
  const lines = await consoleTail(run.id, 200);
  const facts: [string, string | null][] = [
    ['Run id', run.runId],
    [
      'Created',
      `${timeAgo(run.createdAt)} (${run.createdAt.toISOString().replace('T', ' ').slice(0, 19)} UTC)`,
    ],
    ['Runtime', runtimeOf(run)],
    ['Exit code', run.exitCode === null ? null : String(run.exitCode)],
    ['Host', run.host],
    ['OS', run.os],
    ['Language', run.languageVersion],
    ['Command', run.command],
    ['Git', run.gitCommit ? `${run.gitRemote ?? ''} @ ${run.gitCommit}` : null],
    ['Group', run.group],
    ['Job type', run.jobType],
  ];
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-6 py-10">
      <div>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          <Link href={`/${entity}`} className="hover:underline">
            {entity}
          </Link>{' '}
          /{' '}
          <Link href={`/${entity}/${project}`} className="hover:underline">
            {project}
          </Link>{' '}
          / runs
        </p>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="text-3xl font-semibold tracking-tight">{run.displayName}</h1>
          <RunStateBadge state={run.state} />
        </div>
        {run.notes && (
          <p className="mt-2 max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">{run.notes}</p>
        )}
        {run.tags.length > 0 && (
          <ul aria-label="Tags" className="mt-3 flex flex-wrap gap-2">
            {run.tags.map((tag) => (
              <li
                key={tag}
                className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs dark:bg-zinc-800"
              >
                {tag}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Overview">
          <dl className="grid grid-cols-[8rem_minmax(0,1fr)] gap-y-1.5 text-sm">
            {facts
              .filter(([, value]) => value)
              .map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
                  <dd className="break-words">{value}</dd>
                </div>
              ))}
          </dl>
        </Card>
        <Card title="Summary">
          <KeyValues values={run.summary as Record<string, unknown>} empty="Nothing logged yet." />
        </Card>
        <Card title="Config">
          <KeyValues values={run.config as Record<string, unknown>} empty="No config." />
        </Card>
        <Card title="Metrics">
          {series.length === 0 ? (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">No metrics logged yet.</p>
          ) : (
            <ul aria-label="Metrics" className="space-y-3">
              {series.map((s) => (
                <li key={s.key} className="flex items-center justify-between gap-4">
                  <span className="truncate text-sm">{s.key}</span>
                  <Sparkline series={s} label={`${s.key} over steps`} />
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Card title="Logs" description="The last 200 lines of console output">
        {lines.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">No console output.</p>
        ) : (
          <pre className="max-h-96 overflow-auto rounded-md bg-zinc-950 p-4 font-mono text-xs leading-5 text-zinc-100">
            {lines.map((line) => (
              <div
                key={line.lineNo}
                className={line.stream === 'stderr' ? 'text-red-300' : undefined}
              >
                {line.text || ' '}
              </div>
            ))}
          </pre>
        )}
      </Card>
    </div>
  );
}
