import { Pencil } from 'lucide-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DeleteReportButton, FollowButton } from '@/components/reports/report-actions';
import { ReportComments } from '@/components/reports/report-comments';
import { ReportPanels } from '@/components/reports/report-panels';
import { ReportsBreadcrumb } from '@/components/reports/reports-breadcrumb';
import { RelativeTime } from '@/components/settings/relative-time';
import { MarkdownText } from '@/components/teams/markdown';
import { ButtonLink } from '@/components/ui/button-link';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import { loadReportPage } from '@/lib/reports/report-pages';

type Params = { params: Promise<{ entity: string; project: string; id: string }> };

async function load(entity: string, project: string, id: string) {
  const actor = await getCurrentActor();
  try {
    return { actor, page: await loadReportPage(actor, { entity, project }, id) };
  } catch (error) {
    // Not found and not allowed look the same from outside.
    if (isAppError(error) && ['NOT_FOUND', 'UNAUTHENTICATED'].includes(error.code)) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { entity, project, id } = await params;
  const { page } = await load(entity, project, id);
  return { title: `${page.report.title} · ${entity}/${project}` };
}

const dateTime = new Intl.DateTimeFormat('en', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** One report: its markdown, its charts, who wrote it, and the team's discussion. */
export default async function ReportPage({ params }: Params) {
  const { entity, project, id } = await params;
  const { actor, page } = await load(entity, project, id);
  const { report, comments, followers, following, runNames } = page;
  const ref = { entity, project, id: report.id };
  const edited = report.updatedAt.getTime() - report.createdAt.getTime() > 1000;

  return (
    <article className="mx-auto max-w-5xl space-y-8 px-6 py-8">
      <header className="space-y-3">
        <ReportsBreadcrumb
          entity={entity}
          project={project}
          report={{ id: report.id, title: report.title, current: true }}
        />
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <h1 className="text-3xl font-semibold tracking-tight break-words">{report.title}</h1>
            {report.description && (
              <p className="mt-1 text-zinc-600 dark:text-zinc-400">{report.description}</p>
            )}
            <p className="mt-2 text-sm text-zinc-500 dark:text-zinc-400">
              By{' '}
              <span className="font-medium text-zinc-700 dark:text-zinc-300">
                {report.authorName ?? 'a deleted user or service account'}
              </span>{' '}
              · created <RelativeTime date={report.createdAt} />
              {edited && (
                <>
                  {' '}
                  · edited <RelativeTime date={report.updatedAt} />
                </>
              )}
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            {report.viewerCan.follow && (
              <FollowButton report={ref} following={following} followers={followers} />
            )}
            {report.viewerCan.edit && (
              <ButtonLink
                href={`/${entity}/${project}/reports/${report.id}/edit`}
                variant="secondary"
                size="sm"
              >
                <Pencil className="h-4 w-4" aria-hidden />
                Edit
              </ButtonLink>
            )}
            {report.viewerCan.delete && <DeleteReportButton report={ref} title={report.title} />}
          </div>
        </div>
      </header>

      {report.body.trim() ? (
        <MarkdownText className="text-base">{report.body}</MarkdownText>
      ) : (
        report.panels.length === 0 && (
          <p className="text-sm text-zinc-500 italic dark:text-zinc-400">This report is empty.</p>
        )
      )}

      <ReportPanels entity={entity} project={project} panels={report.panels} runNames={runNames} />

      <hr className="border-zinc-200 dark:border-zinc-800" />

      <ReportComments
        report={ref}
        canComment={report.viewerCan.comment}
        signInHint={
          actor.kind === 'anonymous'
            ? 'Sign in as a member of the team to comment.'
            : 'Only members of the team can comment.'
        }
        comments={comments.map((comment) => ({
          id: comment.id,
          body: comment.body,
          author: comment.authorName,
          createdIso: comment.createdAt.toISOString(),
          createdLabel: `${dateTime.format(comment.createdAt)} UTC`,
          canDelete: comment.viewerCanDelete,
        }))}
      />
    </article>
  );
}
