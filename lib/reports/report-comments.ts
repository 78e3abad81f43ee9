import { requireUser, type Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { parseField } from '../validation';
import {
  assertCanOnReports,
  canOnReports,
  findReport,
  loadReportScope,
  type ProjectTarget,
  type ReportScope,
} from './report-scope';
import { commentBodySchema } from './schemas';

export interface ReportCommentNode {
  id: string;
  body: string;
  createdAt: Date;
  /** Null when the account was deleted. */
  authorName: string | null;
  viewerCanDelete: boolean;
}

/**
 * Moderating comments: whoever may edit every report of the project (team admins). A
 * project-wide check, so "own" grants (members) do not count here.
 */
const canModerate = (actor: Actor, scope: ReportScope) =>
  canOnReports(actor, 'report:edit', scope, null);

const canDeleteComment = (actor: Actor, scope: ReportScope, authorId: string | null) =>
  (actor.kind === 'user' && !!authorId && authorId === actor.userId) || canModerate(actor, scope);

/** Oldest first, as a conversation reads. */
export async function listReportComments(
  actor: Actor,
  scope: ReportScope,
  reportId: string,
): Promise<ReportCommentNode[]> {
  const comments = await getPrisma().reportComment.findMany({
    where: { reportId, report: { projectId: scope.project.id } },
    orderBy: { createdAt: 'asc' },
  });
  const authorIds = [...new Set(comments.flatMap((c) => (c.authorId ? [c.authorId] : [])))];
  const users = await getPrisma().user.findMany({
    where: { id: { in: authorIds } },
    select: { id: true, username: true },
  });
  const names = new Map(users.map((user) => [user.id, user.username]));
  return comments.map((comment) => ({
    id: comment.id,
    body: comment.body,
    createdAt: comment.createdAt,
    authorName: comment.authorId ? (names.get(comment.authorId) ?? null) : null,
    viewerCanDelete: canDeleteComment(actor, scope, comment.authorId),
  }));
}

/** "View-only members can also follow and comment on reports." People only, never robots. */
export async function addReportComment(
  actor: Actor,
  target: ProjectTarget,
  reportId: string,
  body: string,
): Promise<ReportCommentNode> {
  const scope = await loadReportScope(actor, target);
  const report = await findReport(scope, reportId);
  assertCanOnReports(actor, 'report:comment', scope);
  const user = requireUser(actor);
  const text = parseField(commentBodySchema, 'body', body);
  const comment = await getPrisma().reportComment.create({
    data: { reportId: report.id, authorId: user.userId, body: text },
  });
  return {
    id: comment.id,
    body: comment.body,
    createdAt: comment.createdAt,
    authorName: user.username,
    viewerCanDelete: true,
  };
}

/** Authors delete their own comments; team admins delete any. */
export async function deleteReportComment(
  actor: Actor,
  target: ProjectTarget,
  commentId: string,
): Promise<void> {
  const scope = await loadReportScope(actor, target);
  const comment = await getPrisma().reportComment.findFirst({
    where: { id: commentId, report: { projectId: scope.project.id } },
  });
  if (!comment) throw AppError.notFound('Comment');
  if (!canDeleteComment(actor, scope, comment.authorId)) {
    if (actor.kind === 'anonymous') throw AppError.unauthenticated();
    throw AppError.forbidden('Only the comment’s author or a team admin can delete it');
  }
  await getPrisma().reportComment.delete({ where: { id: comment.id } });
}
