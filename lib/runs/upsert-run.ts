import { randomBytes } from 'node:crypto';
import { Prisma } from '@/generated/prisma/client';
import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { prismaQueryable } from '../db/transaction';
import { AppError } from '../errors';
import { getMetricsStore } from '../history';
import { assertCan } from '../permissions/catalog';
import { parseInput } from '../validation';
import { accessToEntity, defaultVisibility, resolveEntity } from './project-access';
import { runIdSchema, upsertRunSchema, type UpsertRunInput } from './schemas';

export interface RunHandle {
  id: string;
  runId: string;
  entity: string;
  project: string;
  state: string;
  historyOffset: number;
  systemOffset: number;
  lastStep: number;
  /** The next console line number: a resumed run's output continues after what it printed before. */
  consoleOffset: number;
  /** The team's default for saving code (the SDK reads it at init). */
  codeSavingDefault: boolean;
}

/** A short id like W&B's ("3xk29fpa"), when the SDK does not choose one. */
function newRunId(): string {
  return randomBytes(6)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')
    .slice(0, 8);
}

async function attributedUser(
  actor: Actor,
  teamId: string | null,
  attributeTo: string | undefined,
): Promise<string | null> {
  if (actor.kind === 'user') return actor.userId;
  if (actor.kind !== 'service-account' || !attributeTo || !teamId) return null;
  const who = attributeTo.trim().toLowerCase();
  const member = await getPrisma().membership.findFirst({
    where: {
      teamId,
      user: {
        OR: [{ username: who }, { emails: { some: { address: who, verifiedAt: { not: null } } } }],
      },
    },
  });
  if (!member)
    throw AppError.badInput(`${attributeTo} is not a member of this team`, [
      { field: 'attributeTo', message: 'is not a team member' },
    ]);
  return member.userId;
}

/** `resume: "must"` and the run is not there: nothing is created. */
function runMustExist(runId: string, where: string): AppError {
  return new AppError(
    'NOT_FOUND',
    `Run ${runId} does not exist in ${where}: resume "must" only continues an existing run`,
    { fields: [{ field: 'id', message: 'no such run to resume' }] },
  );
}

/** `resume: "never"` and the run is already there: it is left as it was. */
function runMustNotExist(runId: string, where: string): AppError {
  return new AppError(
    'CONFLICT',
    `Run ${runId} already exists in ${where}: resume "never" only starts a new run (choose another id, or resume "allow")`,
    { fields: [{ field: 'id', message: 'already exists' }] },
  );
}

/**
 * Creates or updates a run (W&B's upsertBucket): the project is created on first log; a
 * field left out keeps its value; resuming from a step forgets history from there on.
 * `resume` decides what an existing (or missing) run id means: see `upsertRunSchema`.
 */
export async function upsertRun(
  actor: Actor,
  target: { entity: string; project: string; runId?: string },
  input: UpsertRunInput,
): Promise<RunHandle> {
  const data = parseInput(upsertRunSchema, input);
  const resume = data.resume ?? 'allow';
  if (resume === 'must' && !target.runId) {
    throw AppError.badInput('resume "must" needs the id of the run to continue', [
      { field: 'id', message: 'is required with resume "must"' },
    ]);
  }
  const runId = target.runId ? parseInput(runIdSchema, target.runId) : newRunId();
  if (!target.project.trim() || target.project.length > 128 || /[/\\]/.test(target.project)) {
    throw AppError.badInput('Invalid project name', [
      { field: 'project', message: 'must be 1–128 characters without slashes' },
    ]);
  }
  const entity = await resolveEntity(target.entity);
  const access = await accessToEntity(actor, entity);
  const prisma = getPrisma();
  let project = await prisma.project.findUnique({
    where: { entityId_name: { entityId: entity.id, name: target.project } },
  });
  assertCan(actor, 'run:log', { access, visibility: project?.visibility });
  const where = `${entity.name}/${target.project}`;
  if (!project && resume === 'must') throw runMustExist(runId, where);
  if (!project) {
    project = await prisma.project
      .create({
        data: {
          entityId: entity.id,
          name: target.project,
          visibility: defaultVisibility(entity),
          createdById: actor.kind === 'user' ? actor.userId : null,
        },
      })
      .catch(async (error) => {
        // Two runs creating the project at once: the other one won.
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
          return prisma.project.findUniqueOrThrow({
            where: { entityId_name: { entityId: entity.id, name: target.project } },
          });
        }
        throw error;
      });
  }
  const createdById = await attributedUser(actor, entity.team?.id ?? null, data.attributeTo);
  const fields = {
    ...(data.displayName !== undefined && { displayName: data.displayName }),
    ...(data.notes !== undefined && { notes: data.notes }),
    ...(data.tags !== undefined && { tags: data.tags }),
    ...(data.group !== undefined && { group: data.group }),
    ...(data.jobType !== undefined && { jobType: data.jobType }),
    ...(data.config !== undefined && { config: data.config as Prisma.InputJsonValue }),
    ...(data.host !== undefined && { host: data.host }),
    ...(data.os !== undefined && { os: data.os }),
    ...(data.languageVersion !== undefined && { languageVersion: data.languageVersion }),
    ...(data.program !== undefined && { program: data.program }),
    ...(data.command !== undefined && { command: data.command }),
    ...(data.gitRemote !== undefined && { gitRemote: data.gitRemote }),
    ...(data.gitCommit !== undefined && { gitCommit: data.gitCommit }),
  };
  const { run, consoleOffset } = await prisma.$transaction(async (tx) => {
    const existing = await tx.run.findUnique({
      where: { projectId_runId: { projectId: project.id, runId } },
    });
    if (!existing) {
      if (resume === 'must') throw runMustExist(runId, where);
      const created = await tx.run
        .create({
          data: {
            projectId: project.id,
            runId,
            displayName: data.displayName ?? runId,
            createdById,
            serviceAccountId: actor.kind === 'service-account' ? actor.serviceAccountId : null,
            ...fields,
          },
        })
        .catch((error) => {
          // Another request created the same id a moment ago.
          if (
            resume === 'never' &&
            error instanceof Prisma.PrismaClientKnownRequestError &&
            error.code === 'P2002'
          )
            throw runMustNotExist(runId, where);
          throw error;
        });
      return { run: created, consoleOffset: 0 };
    }
    if (resume === 'never') throw runMustNotExist(runId, where);
    const resuming = data.resumeFromStep !== undefined;
    if (resuming) {
      // Rewind: the history stream continues from the kept rows. In this transaction and under
      // the run's row lock, so history and lastStep change together, and a batch in flight or
      // a queued seal of this run waits for the rewind instead of racing it.
      const client = prismaQueryable(tx);
      await client.query(`SELECT 1 FROM "Run" WHERE id = $1 FOR UPDATE`, [existing.id]);
      await getMetricsStore().deleteFromStep(existing.id, data.resumeFromStep!, client);
    }
    const printed = await tx.consoleLine.aggregate({
      where: { runId: existing.id },
      _max: { lineNo: true },
    });
    const updated = await tx.run.update({
      where: { id: existing.id },
      data: {
        ...fields,
        // A resumed (or re-initialised) run is running again.
        state: 'RUNNING',
        finishedAt: null,
        exitCode: null,
        heartbeatAt: new Date(),
        ...(resuming && { lastStep: BigInt(data.resumeFromStep! - 1) }),
      },
    });
    return { run: updated, consoleOffset: (printed._max.lineNo ?? -1) + 1 };
  });
  return {
    id: run.id,
    runId: run.runId,
    entity: entity.name,
    project: project.name,
    state: run.state,
    historyOffset: run.historyOffset,
    systemOffset: run.systemOffset,
    lastStep: Number(run.lastStep),
    consoleOffset,
    codeSavingDefault: entity.team?.codeSavingDefault ?? false,
  };
}
