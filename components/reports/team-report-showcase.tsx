import { FileText } from 'lucide-react';
import Link from 'next/link';
import { RelativeTime } from '@/components/settings/relative-time';
import { ShowcaseEditor } from '@/components/teams/showcase-editor';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { getTeamReportShowcase } from '@/lib/reports/report-showcase';

/**
 * Reports the team's admins showcase on its profile, below the showcased projects and in
 * the same cards: only those the viewer may read. Admins choose them here too, once the team
 * has reports.
 */
export async function TeamReportShowcase({ teamName }: { teamName: string }) {
  const { reports, viewerCanEdit, candidates } = await getTeamReportShowcase(
    await getCurrentActor(),
    teamName,
  );
  if (reports.length === 0 && candidates.length === 0) return null;

  const editor = viewerCanEdit && (
    <ShowcaseEditor
      kind="reports"
      teamName={teamName}
      selected={reports.map((r) => r.id)}
      candidates={candidates.map(({ id, title, projectName, description }) => ({
        id,
        name: title,
        description: description ? `${projectName} · ${description}` : projectName,
      }))}
    />
  );

  return (
    <section aria-labelledby="report-showcase-heading" className="space-y-3">
      <div className="flex items-center justify-between gap-3">
        <h2
          id="report-showcase-heading"
          className="flex items-center gap-2 text-base font-semibold"
        >
          <FileText className="h-4 w-4 text-brand-600 dark:text-brand-500" aria-hidden />
          Reports
        </h2>
        {editor}
      </div>
      {reports.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 px-4 py-3 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          Pick up to six reports to show what the team found, not only what it runs.
        </p>
      ) : (
        <ul aria-label="Showcased reports" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {reports.map((report) => (
            <li
              key={report.id}
              className="flex min-w-0 flex-col rounded-xl border border-zinc-200 bg-white p-4 shadow-sm transition-colors hover:border-brand-500/60 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-brand-500/60"
            >
              <Link
                href={`/${teamName}/${report.projectName}/reports/${report.id}`}
                className="line-clamp-2 font-medium text-brand-700 hover:underline dark:text-brand-500"
              >
                {report.title}
              </Link>
              <p className="mt-1 line-clamp-3 flex-1 text-sm text-zinc-600 dark:text-zinc-400">
                {report.description.trim() || (
                  <span className="text-zinc-400 italic dark:text-zinc-500">No description</span>
                )}
              </p>
              <p className="mt-3 flex items-center justify-between gap-2 text-xs text-zinc-500 dark:text-zinc-400">
                <span className="truncate">{report.projectName}</span>
                <span className="shrink-0">
                  <RelativeTime date={report.updatedAt} />
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
