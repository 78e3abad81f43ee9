import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { assertCan, can, type ProjectVisibility } from '../permissions/catalog';
import { teamWithAccess } from '../teams/team-access';
import { parseInput } from '../validation';

/** As many as showcased projects: a row of cards, few enough to mean "our best". */
export const maxShowcasedReports = 6;

export interface ShowcasedReport {
  id: string;
  title: string;
  description: string;
  projectName: string;
  visibility: ProjectVisibility;
  updatedAt: Date;
}

export interface TeamReportShowcase {
  /** The showcased reports the viewer may see, in the order the admins chose. */
  reports: ShowcasedReport[];
  viewerCanEdit: boolean;
  /** For the editor (team admins only, else empty): every report of the team's projects. */
  candidates: ShowcasedReport[];
}

type ReportWithProject = {
  id: string;
  title: string;
  description: string;
  updatedAt: Date;
  project: { name: string; visibility: ProjectVisibility };
};

const toShowcased = (report: ReportWithProject): ShowcasedReport => ({
  id: report.id,
  title: report.title,
  description: report.description,
  projectName: report.project.name,
  visibility: report.project.visibility,
  updatedAt: report.updatedAt,
});

const reportFields = {
  id: true,
  title: true,
  description: true,
  updatedAt: true,
  project: { select: { name: true, visibility: true } },
} as const;

/**
 * The team's showcased reports as the viewer sees them: each passes `report:view` on its own
 * project, so a report in a private project never shows to people outside the team.
 */
export async function getTeamReportShowcase(
  actor: Actor,
  teamName: string,
): Promise<TeamReportShowcase> {
  const { team, access } = await teamWithAccess(actor, teamName);
  const mayView = (report: ReportWithProject) =>
    can(actor, 'report:view', { access, visibility: report.project.visibility });
  const showcased = await getPrisma().report.findMany({
    where: { project: { entityId: team.entityId }, showcasePosition: { not: null } },
    orderBy: { showcasePosition: 'asc' },
    select: reportFields,
  });
  const viewerCanEdit = can(actor, 'team:manage-settings', { access });
  const candidates = viewerCanEdit
    ? await getPrisma().report.findMany({
        where: { project: { entityId: team.entityId } },
        orderBy: [{ project: { name: 'asc' } }, { title: 'asc' }],
        select: reportFields,
      })
    : [];
  return {
    reports: showcased.filter(mayView).map(toShowcased),
    viewerCanEdit,
    candidates: candidates.filter(mayView).map(toShowcased),
  };
}

const showcaseSchema = z.object({
  reportIds: z
    .array(z.string().min(1, 'is required'))
    .max(maxShowcasedReports, `at most ${maxShowcasedReports} reports`),
});

/** Team admins choose the showcased reports (in order); only reports of the team's projects. */
export async function setTeamReportShowcase(
  actor: Actor,
  teamName: string,
  reportIds: string[],
): Promise<void> {
  const { team, access } = await teamWithAccess(actor, teamName);
  assertCan(actor, 'team:manage-settings', { access });
  const ids = [...new Set(parseInput(showcaseSchema, { reportIds }).reportIds)];
  const prisma = getPrisma();
  const owned = await prisma.report.findMany({
    where: { id: { in: ids }, project: { entityId: team.entityId } },
    select: { id: true },
  });
  const ownedIds = new Set(owned.map((report) => report.id));
  const foreign = ids.findIndex((id) => !ownedIds.has(id));
  if (foreign !== -1) {
    throw AppError.badInput(`Only reports of ${team.name}'s projects can be showcased`, [
      { field: `reportIds.${foreign}`, message: `is not a report of ${team.name}` },
    ]);
  }
  // All at once: a half-saved order would show a showcase nobody chose. Raw SQL because the
  // ORM would bump updatedAt, and showcasing a report is no edit of it.
  await prisma.$transaction([
    prisma.$executeRaw`
      UPDATE "Report" r SET "showcasePosition" = NULL
      FROM "Project" p
      WHERE r."projectId" = p.id AND p."entityId" = ${team.entityId}
        AND r."showcasePosition" IS NOT NULL`,
    prisma.$executeRaw`
      UPDATE "Report" SET "showcasePosition" = array_position(${ids}::text[], id) - 1
      WHERE id = ANY(${ids}::text[])`,
  ]);
}
