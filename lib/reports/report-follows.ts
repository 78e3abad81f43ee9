import { requireUser, type Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import {
  assertCanOnReports,
  findReport,
  loadReportScope,
  type ProjectTarget,
} from './report-scope';

/**
 * Following a report: anyone on the team who may comment (view-only members included).
 * Idempotent both ways, so a double click or a retry changes nothing.
 */
export async function setReportFollow(
  actor: Actor,
  target: ProjectTarget,
  reportId: string,
  follow: boolean,
): Promise<boolean> {
  const scope = await loadReportScope(actor, target);
  const report = await findReport(scope, reportId);
  assertCanOnReports(actor, 'report:comment', scope);
  const { userId } = requireUser(actor);
  const key = { reportId_userId: { reportId: report.id, userId } };
  if (follow) {
    await getPrisma().reportFollow.upsert({
      where: key,
      create: { reportId: report.id, userId },
      update: {},
    });
  } else {
    await getPrisma().reportFollow.deleteMany({ where: { reportId: report.id, userId } });
  }
  return follow;
}

export async function followerCount(reportId: string): Promise<number> {
  return getPrisma().reportFollow.count({ where: { reportId } });
}

export async function isFollowing(actor: Actor, reportId: string): Promise<boolean> {
  if (actor.kind !== 'user') return false;
  const row = await getPrisma().reportFollow.findUnique({
    where: { reportId_userId: { reportId, userId: actor.userId } },
    select: { userId: true },
  });
  return row !== null;
}
