import type { Report } from '@/generated/prisma/client';
import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { parseInput } from '../validation';
import {
  assertCanOnReports,
  authorIdOf,
  canOnReports,
  findReport,
  loadReportScope,
  type ProjectTarget,
  type ReportScope,
} from './report-scope';
import {
  createReportSchema,
  readStoredPanels,
  updateReportSchema,
  type CreateReportInput,
  type ReportPanel,
  type UpdateReportInput,
} from './schemas';

/** What the viewer may do with one report, so pages and API clients need not re-derive rules. */
export interface ReportViewerCan {
  edit: boolean;
  delete: boolean;
  comment: boolean;
  follow: boolean;
}

/** A report as GraphQL and pages read it: where it lives, who wrote it, what the viewer may do. */
export interface ReportNode extends Omit<Report, 'panels'> {
  panels: ReportPanel[];
  entityName: string;
  projectName: string;
  /** The author's username; null for a service account or a deleted account. */
  authorName: string | null;
  commentCount: number;
  viewerCan: ReportViewerCan;
  /** Kept for the comment and follow services, which check the same scope. */
  scope: ReportScope;
}

function viewerCan(actor: Actor, scope: ReportScope, report: Report): ReportViewerCan {
  return {
    edit: canOnReports(actor, 'report:edit', scope, report.authorId),
    delete: canOnReports(actor, 'report:delete', scope, report.authorId),
    comment: canOnReports(actor, 'report:comment', scope),
    follow: canOnReports(actor, 'report:comment', scope),
  };
}

async function usernamesOf(ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const users = await getPrisma().user.findMany({
    where: { id: { in: wanted } },
    select: { id: true, username: true },
  });
  return new Map(users.map((user) => [user.id, user.username]));
}

type CountedReport = Report & { _count?: { comments: number } };
const withCommentCount = { _count: { select: { comments: true } } } as const;

async function toNodes(
  actor: Actor,
  scope: ReportScope,
  reports: CountedReport[],
): Promise<ReportNode[]> {
  const names = await usernamesOf(reports.map((report) => report.authorId));
  return reports.map(({ _count, ...report }) => ({
    ...report,
    panels: readStoredPanels(report.panels),
    commentCount: _count?.comments ?? 0,
    entityName: scope.entity.name,
    projectName: scope.project.name,
    authorName: report.authorId ? (names.get(report.authorId) ?? null) : null,
    viewerCan: viewerCan(actor, scope, report),
    scope,
  }));
}

/** The reports of a project the viewer may see, newest edits first. */
export async function listProjectReports(
  actor: Actor,
  target: ProjectTarget,
): Promise<ReportNode[]> {
  const scope = await loadReportScope(actor, target);
  const reports = await getPrisma().report.findMany({
    where: { projectId: scope.project.id },
    orderBy: { updatedAt: 'desc' },
    include: withCommentCount,
  });
  return toNodes(actor, scope, reports);
}

export async function getReport(
  actor: Actor,
  target: ProjectTarget,
  id: string,
): Promise<ReportNode> {
  const scope = await loadReportScope(actor, target);
  const [node] = await toNodes(actor, scope, [await findReport(scope, id)]);
  return node!;
}

/** Whether the viewer may create reports in a project (for "Create report" buttons). */
export async function canCreateReport(actor: Actor, target: ProjectTarget): Promise<boolean> {
  const scope = await loadReportScope(actor, target);
  return canOnReports(actor, 'report:create', scope);
}

/**
 * Panels may only draw runs of the report's own project: a run id from elsewhere would
 * either show nothing or, worse, hint at another project's runs.
 */
async function assertPanelRunsInProject(scope: ReportScope, panels: ReportPanel[]) {
  const wanted = [...new Set(panels.flatMap((panel) => panel.runIds))];
  if (wanted.length === 0) return;
  const found = await getPrisma().run.findMany({
    where: { projectId: scope.project.id, runId: { in: wanted } },
    select: { runId: true },
  });
  const known = new Set(found.map((run) => run.runId));
  const problems = panels.flatMap((panel, p) =>
    panel.runIds.flatMap((runId, r) =>
      known.has(runId)
        ? []
        : [
            {
              field: `panels.${p}.runIds.${r}`,
              message: `"${runId}" is not a run of this project`,
            },
          ],
    ),
  );
  if (problems.length > 0) {
    throw AppError.badInput(
      `Panels can only show runs of ${scope.project.name}: ${problems.map((p) => p.message).join('; ')}`,
      problems,
    );
  }
}

export async function createReport(
  actor: Actor,
  target: ProjectTarget,
  input: CreateReportInput,
): Promise<ReportNode> {
  const scope = await loadReportScope(actor, target);
  assertCanOnReports(actor, 'report:create', scope);
  const data = parseInput(createReportSchema, input);
  await assertPanelRunsInProject(scope, data.panels);
  const report = await getPrisma().report.create({
    data: {
      projectId: scope.project.id,
      authorId: authorIdOf(actor),
      title: data.title,
      description: data.description,
      body: data.body,
      panels: data.panels,
    },
  });
  const [node] = await toNodes(actor, scope, [report]);
  return node!;
}

/** Changes the fields given; the rest stay. Members edit their own reports, admins any. */
export async function updateReport(
  actor: Actor,
  target: ProjectTarget,
  id: string,
  input: UpdateReportInput,
): Promise<ReportNode> {
  const scope = await loadReportScope(actor, target);
  const existing = await findReport(scope, id);
  assertCanOnReports(actor, 'report:edit', scope, existing.authorId);
  const data = parseInput(updateReportSchema, input);
  if (data.panels) await assertPanelRunsInProject(scope, data.panels);
  const report = await getPrisma().report.update({
    where: { id: existing.id },
    data: {
      ...(data.title !== undefined && { title: data.title }),
      ...(data.description !== undefined && { description: data.description }),
      ...(data.body !== undefined && { body: data.body }),
      ...(data.panels !== undefined && { panels: data.panels }),
    },
    include: withCommentCount,
  });
  const [node] = await toNodes(actor, scope, [report]);
  return node!;
}

/** Deletes the report with its comments and follows (cascade). */
export async function deleteReport(actor: Actor, target: ProjectTarget, id: string): Promise<void> {
  const scope = await loadReportScope(actor, target);
  const existing = await findReport(scope, id);
  assertCanOnReports(actor, 'report:delete', scope, existing.authorId);
  await getPrisma().report.delete({ where: { id: existing.id } });
}
