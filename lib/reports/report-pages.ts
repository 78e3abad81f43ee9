import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { listReportComments, type ReportCommentNode } from './report-comments';
import { followerCount, isFollowing } from './report-follows';
import { canOnReports, loadReportScope, type ProjectTarget } from './report-scope';
import { getReport, type ReportNode } from './reports';

/**
 * What the report pages read, in one place: the pages stay thin and every value passes the
 * same services (and so the same catalog checks) as the GraphQL API.
 */

export interface RunChoice {
  runId: string;
  name: string;
}

export interface ReportPage {
  report: ReportNode;
  comments: ReportCommentNode[];
  followers: number;
  following: boolean;
  /** Display names of the runs the panels draw (a deleted run keeps its id as its name). */
  runNames: Record<string, string>;
}

async function runNamesOf(projectId: string, runIds: string[]): Promise<Record<string, string>> {
  if (runIds.length === 0) return {};
  const runs = await getPrisma().run.findMany({
    where: { projectId, runId: { in: [...new Set(runIds)] } },
    select: { runId: true, displayName: true },
  });
  return Object.fromEntries(runs.map((run) => [run.runId, run.displayName || run.runId]));
}

export async function loadReportPage(
  actor: Actor,
  target: ProjectTarget,
  id: string,
): Promise<ReportPage> {
  const report = await getReport(actor, target, id);
  const [comments, followers, following, runNames] = await Promise.all([
    listReportComments(actor, report.scope, report.id),
    followerCount(report.id),
    isFollowing(actor, report.id),
    runNamesOf(
      report.scope.project.id,
      report.panels.flatMap((panel) => panel.runIds),
    ),
  ]);
  return { report, comments, followers, following, runNames };
}

/** How many recent runs the editor offers (the newest first). */
const editorRunLimit = 200;

/** The project's runs to pick for panels, and whether the viewer may create reports here. */
export async function loadReportEditorContext(
  actor: Actor,
  target: ProjectTarget,
): Promise<{ runs: RunChoice[]; canCreate: boolean }> {
  const scope = await loadReportScope(actor, target);
  const runs = await getPrisma().run.findMany({
    where: { projectId: scope.project.id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: editorRunLimit,
    select: { runId: true, displayName: true },
  });
  return {
    runs: runs.map((run) => ({ runId: run.runId, name: run.displayName || run.runId })),
    canCreate: canOnReports(actor, 'report:create', scope),
  };
}
