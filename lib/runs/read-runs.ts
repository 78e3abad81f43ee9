import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { getMetricsStore } from '../history';
import type { SeriesRead } from '../history/metrics-store';
import { assertCan, can } from '../permissions/catalog';
import { accessToEntity, resolveEntity } from './project-access';
import { environmentFor } from './run-environment';

/**
 * Reading projects and runs: every read asks the catalog for `run:view` on the project
 * (members, or anyone for public projects), and is scoped by entity and project ids, so
 * no run of another tenant is reachable by guessing an id.
 */
export async function listProjects(actor: Actor, entityName: string) {
  const entity = await resolveEntity(entityName);
  const access = await accessToEntity(actor, entity);
  const projects = await getPrisma().project.findMany({
    where: { entityId: entity.id },
    include: { _count: { select: { runs: true } } },
    orderBy: { updatedAt: 'desc' },
  });
  return projects
    .filter((project) => can(actor, 'run:view', { access, visibility: project.visibility }))
    .map((project) => ({ ...project, runCount: project._count.runs, entityName: entity.name }));
}

export async function getProject(actor: Actor, entityName: string, projectName: string) {
  const entity = await resolveEntity(entityName);
  const access = await accessToEntity(actor, entity);
  const project = await getPrisma().project.findUnique({
    where: { entityId_name: { entityId: entity.id, name: projectName } },
    include: { _count: { select: { runs: true } } },
  });
  // Not found and not allowed look the same from outside.
  if (!project || !can(actor, 'run:view', { access, visibility: project.visibility }))
    throw AppError.notFound('Project');
  return { ...project, runCount: project._count.runs, entityName: entity.name, access };
}

export async function listRuns(
  actor: Actor,
  entityName: string,
  projectName: string,
  options: { first: number; after?: string },
) {
  const project = await getProject(actor, entityName, projectName);
  const runs = await getPrisma().run.findMany({
    where: { projectId: project.id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: Math.min(Math.max(options.first, 1), 200),
    ...(options.after ? { cursor: { id: options.after }, skip: 1 } : {}),
  });
  return runs.map((run) => environmentFor(actor, project, run));
}

export async function getRun(actor: Actor, entityName: string, projectName: string, runId: string) {
  const project = await getProject(actor, entityName, projectName);
  const run = await getPrisma().run.findUnique({
    where: { projectId_runId: { projectId: project.id, runId } },
  });
  if (!run) throw AppError.notFound('Run');
  assertCan(actor, 'run:view', { access: project.access, visibility: project.visibility });
  return environmentFor(actor, project, run);
}

/** Run ids come from getRun, which checked access; these read by the internal id. */
export function readHistory(
  runInternalId: string,
  key: string,
  range: { fromStep?: number; toStep?: number; maxPoints: number },
): Promise<SeriesRead> {
  return getMetricsStore().readSampled(runInternalId, key, {
    ...range,
    maxPoints: Math.min(Math.max(range.maxPoints, 2), 10_000),
  });
}

export function historyKeys(runInternalId: string): Promise<string[]> {
  return getMetricsStore().keys(runInternalId);
}

/** The last `limit` console lines (the page shows 1,000; the full log is a download). */
export async function consoleTail(runInternalId: string, limit = 1000) {
  const lines = await getPrisma().consoleLine.findMany({
    where: { runId: runInternalId },
    orderBy: { lineNo: 'desc' },
    take: Math.min(Math.max(limit, 1), 10_000),
  });
  return lines.reverse();
}
