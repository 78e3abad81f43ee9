import { FileText, MessageSquare, Plus } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ReportsBreadcrumb } from '@/components/reports/reports-breadcrumb';
import { RelativeTime } from '@/components/settings/relative-time';
import { ButtonLink } from '@/components/ui/button-link';
import { Card } from '@/components/ui/card';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import { canCreateReport, listProjectReports } from '@/lib/reports/reports';

type Params = { params: Promise<{ entity: string; project: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { entity, project } = await params;
  return { title: `Reports · ${entity}/${project}` };
}

async function load(entity: string, project: string) {
  const actor = await getCurrentActor();
  try {
    const target = { entity, project };
    const [reports, canCreate] = await Promise.all([
      listProjectReports(actor, target),
      canCreateReport(actor, target),
    ]);
    return { reports, canCreate };
  } catch (error) {
    // Not found and not allowed look the same from outside.
    if (isAppError(error) && ['NOT_FOUND', 'UNAUTHENTICATED'].includes(error.code)) notFound();
    throw error;
  }
}

/** The project's reports: write-ups of its results with charts of chosen runs. */
export default async function ProjectReportsPage({ params }: Params) {
  const { entity, project } = await params;
  const { reports, canCreate } = await load(entity, project);
  const base = `/${entity}/${project}/reports`;
  const createButton = canCreate && (
    <ButtonLink href={`${base}/new`} size="sm">
      <Plus className="h-4 w-4" aria-hidden />
      Create report
    </ButtonLink>
  );
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-6 py-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <ReportsBreadcrumb entity={entity} project={project} />
          <h1 className="mt-2 text-3xl font-semibold tracking-tight">Reports</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Findings from {project}, written up with charts of the runs behind them.
          </p>
        </div>
        {reports.length > 0 && createButton}
      </div>
      {reports.length === 0 ? (
        <Card>
          <div className="flex flex-col items-center gap-3 py-8 text-center">
            <FileText className="h-7 w-7 text-zinc-400" aria-hidden />
            <p className="text-sm font-medium">No reports yet</p>
            <p className="max-w-md text-sm text-zinc-600 dark:text-zinc-400">
              A report tells the story of an experiment: what you tried, what you found and why, in
              markdown beside live line charts of the runs that show it. The team can follow it and
              discuss it in the comments.
            </p>
            {createButton ? (
              <div className="mt-2">{createButton}</div>
            ) : (
              <p className="text-xs text-zinc-500 dark:text-zinc-400">
                Members and admins of the team can write reports.
              </p>
            )}
          </div>
        </Card>
      ) : (
        <ul
          aria-label="Reports"
          className="divide-y divide-zinc-200 overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900"
        >
          {reports.map((report) => (
            <li key={report.id} className="px-5 py-4">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <Link
                  href={`${base}/${report.id}`}
                  className="min-w-0 truncate font-medium text-brand-700 hover:underline dark:text-brand-500"
                >
                  {report.title}
                </Link>
                <span className="text-xs text-zinc-500 dark:text-zinc-400">
                  Edited <RelativeTime date={report.updatedAt} />
                </span>
              </div>
              {report.description && (
                <p className="mt-1 line-clamp-2 text-sm text-zinc-600 dark:text-zinc-400">
                  {report.description}
                </p>
              )}
              <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
                <span>by {report.authorName ?? 'a deleted user or service account'}</span>
                <span>
                  {report.panels.length} {report.panels.length === 1 ? 'chart' : 'charts'}
                </span>
                {report.commentCount > 0 && (
                  <span className="inline-flex items-center gap-1">
                    <MessageSquare className="h-3.5 w-3.5" aria-hidden />
                    {report.commentCount}
                  </span>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
