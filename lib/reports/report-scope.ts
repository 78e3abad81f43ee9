import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import {
  assertCan,
  can,
  type Permission,
  type ProjectVisibility,
  type TeamAccess,
} from '../permissions/catalog';
import { resolveProjectScope } from '../runs/project-access';

export interface ProjectTarget {
  entity: string;
  project: string;
}

export interface ReportScope {
  entity: { id: string; name: string };
  project: { id: string; name: string; visibility: ProjectVisibility };
  access: TeamAccess;
}

type ReportPermission = Extract<Permission, `report:${string}`>;

/**
 * The project behind a reports URL, for an actor who may at least view its reports.
 * Projects the actor cannot see are "not found", exactly like missing ones; anonymous
 * visitors are asked to sign in.
 */
export async function loadReportScope(actor: Actor, target: ProjectTarget): Promise<ReportScope> {
  const { entity, access, project } = await resolveProjectScope(
    actor,
    target.entity,
    target.project,
  );
  if (!project || !can(actor, 'report:view', { access, visibility: project.visibility })) {
    if (actor.kind === 'anonymous') throw AppError.unauthenticated();
    throw AppError.notFound(`Project "${target.project}"`);
  }
  return { entity: { id: entity.id, name: entity.name }, project, access };
}

/** `own` rules follow the report's author (`createdById`); omit it for project-wide actions. */
export function canOnReports(
  actor: Actor,
  permission: ReportPermission,
  scope: ReportScope,
  createdById?: string | null,
): boolean {
  return can(actor, permission, {
    access: scope.access,
    visibility: scope.project.visibility,
    createdById,
  });
}

export function assertCanOnReports(
  actor: Actor,
  permission: ReportPermission,
  scope: ReportScope,
  createdById?: string | null,
): void {
  assertCan(actor, permission, {
    access: scope.access,
    visibility: scope.project.visibility,
    createdById,
  });
}

/** A report of the scope's project (tenant-scoped: an id from another project is not found). */
export async function findReport(scope: ReportScope, id: string) {
  const report = await getPrisma().report.findFirst({
    where: { id, projectId: scope.project.id },
    include: { _count: { select: { comments: true } } },
  });
  if (!report) throw AppError.notFound(`Report "${id}"`);
  return report;
}

/** The author's user id when a person acts; null for service accounts. */
export const authorIdOf = (actor: Actor): string | null =>
  actor.kind === 'user' ? actor.userId : null;
