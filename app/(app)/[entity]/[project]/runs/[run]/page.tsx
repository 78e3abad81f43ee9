import { ExternalLink, Lock } from 'lucide-react';
import type { ReactNode } from 'react';
import { formatValue } from '@/components/runs/format';
import { KeyValueTable } from '@/components/runs/key-value-table';
import { RunDuration } from '@/components/runs/run-duration';
import { RunNotesEditor } from '@/components/runs/run-notes-editor';
import { RunStateBadge } from '@/components/runs/run-state-badge';
import { RunTagsEditor } from '@/components/runs/run-tags-editor';
import { Card } from '@/components/ui/card';
import { flattenKeys } from '@/lib/runs/flatten-keys';
import { gitLinks } from '@/lib/runs/git-links';
import { loadFromParams, type RunParams } from './load-run';

export const metadata = { title: 'Overview' };

const dateTime = new Intl.DateTimeFormat('en', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'UTC',
});

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

const rowsOf = (values: unknown) =>
  flattenKeys((values ?? {}) as Record<string, unknown>)
    // Keys starting with "_" are bookkeeping (_timestamp, _runtime), not results.
    .filter(({ key }) => !key.startsWith('_'))
    .map(({ key, value }) => ({ key, value: formatValue(value) }));

/** The run at a glance: notes, tags, where and how it ran, config and summary. */
export default async function RunOverviewPage(props: RunParams) {
  const { run, project, author, abilities } = await loadFromParams(props);
  const ref = { entity: project.entityName, project: project.name, runId: run.runId };
  const git = run.gitRemote ? gitLinks(run.gitRemote, run.gitCommit) : null;
  const running = run.state === 'RUNNING';
  const mono = 'font-mono text-xs leading-5';
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="space-y-6">
        <Card title="Notes">
          <RunNotesEditor run={ref} notes={run.notes} canEdit={abilities.edit} />
        </Card>
        <Card title="Config" description="Hyperparameters and inputs logged with the run">
          <KeyValueTable label="Config" rows={rowsOf(run.config)} empty="No config logged." />
        </Card>
        <Card title="Summary" description="The last value of each metric, unless set explicitly">
          <KeyValueTable label="Summary" rows={rowsOf(run.summary)} empty="Nothing logged yet." />
        </Card>
      </div>
      <div className="space-y-6">
        <Card title="Details">
          <dl className="grid grid-cols-[7.5rem_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
            <Fact label="State">
              <RunStateBadge state={run.state} />
              {run.exitCode !== null && (
                <span className="ml-2 text-zinc-500 dark:text-zinc-400">
                  exit code {run.exitCode}
                </span>
              )}
            </Fact>
            <Fact label="Author">{author?.username ?? 'deleted user'}</Fact>
            <Fact label="Start time">
              <time dateTime={run.startedAt.toISOString()}>
                {dateTime.format(run.startedAt)} UTC
              </time>
            </Fact>
            <Fact label="Duration">
              <RunDuration
                startedAt={run.startedAt.toISOString()}
                endedAt={(run.finishedAt ?? run.heartbeatAt).toISOString()}
                running={running}
              />
            </Fact>
            {abilities.seeEnvironment && (
              <>
                {run.host && <Fact label="Host">{run.host}</Fact>}
                {run.os && <Fact label="OS">{run.os}</Fact>}
                {run.languageVersion && <Fact label="Language">{run.languageVersion}</Fact>}
                {run.program && (
                  <Fact label="Program">
                    <span className={mono}>{run.program}</span>
                  </Fact>
                )}
                {run.command && (
                  <Fact label="Command">
                    <code className={`${mono} rounded bg-zinc-100 px-1.5 py-0.5 dark:bg-zinc-800`}>
                      {run.command}
                    </code>
                  </Fact>
                )}
              </>
            )}
            {git && (
              <Fact label="Repository">
                {git.repositoryUrl ? (
                  <a
                    href={git.repositoryUrl}
                    rel="noopener noreferrer nofollow"
                    target="_blank"
                    className={`${mono} inline-flex items-center gap-1 text-brand-700 hover:underline dark:text-brand-500`}
                  >
                    {git.remote}
                    <ExternalLink className="h-3 w-3 shrink-0" aria-hidden />
                  </a>
                ) : (
                  <span className={mono}>{git.remote}</span>
                )}
              </Fact>
            )}
            {run.gitCommit && (
              <Fact label="Commit">
                {git?.commitUrl ? (
                  <a
                    href={git.commitUrl}
                    rel="noopener noreferrer nofollow"
                    target="_blank"
                    className={`${mono} inline-flex items-center gap-1 text-brand-700 hover:underline dark:text-brand-500`}
                  >
                    {run.gitCommit.slice(0, 12)}
                    <ExternalLink className="h-3 w-3 shrink-0" aria-hidden />
                  </a>
                ) : (
                  <span className={mono}>{run.gitCommit.slice(0, 12)}</span>
                )}
              </Fact>
            )}
            {run.group && <Fact label="Group">{run.group}</Fact>}
            {run.jobType && <Fact label="Job type">{run.jobType}</Fact>}
            <Fact label="Run id">
              <span className={mono}>{run.runId}</span>
            </Fact>
          </dl>
          {!abilities.seeEnvironment && (
            <p className="mt-4 flex items-start gap-2 text-xs text-zinc-500 dark:text-zinc-400">
              <Lock className="mt-0.5 h-3.5 w-3.5 shrink-0" aria-hidden />
              Host, OS, language and command are visible to the project&apos;s team only.
            </p>
          )}
        </Card>
        <Card title="Tags">
          <RunTagsEditor run={ref} tags={run.tags} canEdit={abilities.edit} />
        </Card>
      </div>
    </div>
  );
}
