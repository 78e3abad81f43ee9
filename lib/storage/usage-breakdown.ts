import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { can } from '../permissions/catalog';
import { accessToEntity, resolveEntity } from '../runs/project-access';
import { readStorageUsage } from './read-usage';

export interface UsageRow {
  /** `project` or `project/run`. */
  name: string;
  href: string;
  bytes: number;
  files: number;
}

export interface UsageBreakdown {
  entity: string;
  usedBytes: number;
  limitBytes: number;
  projects: UsageRow[];
  /** The runs holding the most bytes (at most 50). */
  runs: UsageRow[];
  /** Artifacts by stored bytes (references to external URIs hold none), at most 50. */
  artifacts: ArtifactUsageRow[];
  /** The largest run files (at most 50), each deletable here when the viewer may. */
  files: FileUsageRow[];
}

export interface ArtifactUsageRow {
  /** `project/artifact`. */
  name: string;
  href: string;
  type: string;
  versions: number;
  bytes: number;
  versionRows: {
    label: string;
    bytes: number;
    files: number;
    /** The catalog's `artifact:delete` (a protected alias may still refuse it). */
    canDelete: boolean;
    target: { entity: string; project: string; artifact: string; version: string };
  }[];
}

export interface FileUsageRow {
  /** `project/run/path`. */
  name: string;
  href: string;
  bytes: number;
  /** The catalog's `run:delete` for the file's run. */
  canDelete: boolean;
  target: { entity: string; project: string; run: string; path: string };
}

export type UsageSort = 'size' | 'name';

/**
 * Where an entity's storage goes, by project and by run, for its settings page. Rows add up
 * the files' sizes: content saved by several runs appears in each, while the total above
 * counts it once.
 */
export async function readUsageBreakdown(
  actor: Actor,
  entityName: string,
  sort: UsageSort = 'size',
): Promise<UsageBreakdown> {
  const usage = await readStorageUsage(actor, entityName); // checks who may look
  const prisma = getPrisma();
  const projectRows = await prisma.$queryRawUnsafe<
    { name: string; bytes: bigint; files: bigint }[]
  >(
    `SELECT p."name", sum(f."size") AS bytes, count(*) AS files
     FROM "RunFile" f JOIN "Run" r ON r."id" = f."runId" JOIN "Project" p ON p."id" = r."projectId"
     JOIN "Entity" e ON e."id" = p."entityId"
     WHERE e."name" = $1 GROUP BY p."name"`,
    entityName,
  );
  const runRows = await prisma.$queryRawUnsafe<
    { project: string; runId: string; displayName: string; bytes: bigint; files: bigint }[]
  >(
    `SELECT p."name" AS project, r."runId", r."displayName", sum(f."size") AS bytes, count(*) AS files
     FROM "RunFile" f JOIN "Run" r ON r."id" = f."runId" JOIN "Project" p ON p."id" = r."projectId"
     JOIN "Entity" e ON e."id" = p."entityId"
     WHERE e."name" = $1 GROUP BY p."name", r."runId", r."displayName"
     ORDER BY bytes DESC LIMIT 50`,
    entityName,
  );
  const order = <R extends { name: string; bytes: number }>(rows: R[]) =>
    rows.sort((a, b) => (sort === 'name' ? a.name.localeCompare(b.name) : b.bytes - a.bytes));
  const access = await accessToEntity(actor, await resolveEntity(entityName));
  const versionRows = await prisma.$queryRawUnsafe<
    {
      project: string;
      visibility: 'PRIVATE' | 'TEAM' | 'PUBLIC' | 'OPEN';
      artifact: string;
      type: string;
      version: number;
      bytes: bigint;
      files: bigint;
    }[]
  >(
    `SELECT p."name" AS project, p."visibility", a."name" AS artifact, a."type", v."version",
            COALESCE(sum(f."size") FILTER (WHERE f."sha256" IS NOT NULL), 0) AS bytes,
            count(f."id") AS files
     FROM "ArtifactVersion" v JOIN "Artifact" a ON a."id" = v."artifactId"
     JOIN "Project" p ON p."id" = a."projectId" JOIN "Entity" e ON e."id" = p."entityId"
     LEFT JOIN "ArtifactFile" f ON f."versionId" = v."id"
     WHERE e."name" = $1 GROUP BY p."name", p."visibility", a."name", a."type", v."version"
     ORDER BY v."version" DESC`,
    entityName,
  );
  const artifacts = new Map<string, ArtifactUsageRow>();
  for (const row of versionRows) {
    const key = `${row.project}/${row.artifact}`;
    let artifact = artifacts.get(key);
    if (!artifact) {
      artifact = {
        name: key,
        href: `/${entityName}/${row.project}/artifacts/${encodeURIComponent(row.artifact)}`,
        type: row.type,
        versions: 0,
        bytes: 0,
        versionRows: [],
      };
      artifacts.set(key, artifact);
    }
    artifact.versions++;
    artifact.bytes += Number(row.bytes);
    artifact.versionRows.push({
      label: `v${row.version}`,
      bytes: Number(row.bytes),
      files: Number(row.files),
      canDelete: can(actor, 'artifact:delete', { access, visibility: row.visibility }),
      target: {
        entity: entityName,
        project: row.project,
        artifact: row.artifact,
        version: `v${row.version}`,
      },
    });
  }
  const fileRows = await prisma.$queryRawUnsafe<
    {
      project: string;
      visibility: 'PRIVATE' | 'TEAM' | 'PUBLIC' | 'OPEN';
      runId: string;
      createdById: string | null;
      path: string;
      size: bigint;
    }[]
  >(
    `SELECT p."name" AS project, p."visibility", r."runId", r."createdById", f."path", f."size"
     FROM "RunFile" f JOIN "Run" r ON r."id" = f."runId" JOIN "Project" p ON p."id" = r."projectId"
     JOIN "Entity" e ON e."id" = p."entityId"
     WHERE e."name" = $1 ORDER BY f."size" DESC, f."path" LIMIT 50`,
    entityName,
  );
  return {
    ...usage,
    projects: order(
      projectRows.map((row) => ({
        name: row.name,
        href: `/${entityName}/${row.name}`,
        bytes: Number(row.bytes),
        files: Number(row.files),
      })),
    ),
    runs: order(
      runRows.map((row) => ({
        name: `${row.project}/${row.displayName}`,
        href: `/${entityName}/${row.project}/runs/${row.runId}/files`,
        bytes: Number(row.bytes),
        files: Number(row.files),
      })),
    ),
    artifacts: order([...artifacts.values()]).slice(0, 50),
    files: order(
      fileRows.map((row) => ({
        name: `${row.project}/${row.runId}/${row.path}`,
        href: `/${entityName}/${row.project}/runs/${row.runId}/files`,
        bytes: Number(row.size),
        canDelete: can(actor, 'run:delete', {
          access,
          visibility: row.visibility,
          createdById: row.createdById,
        }),
        target: { entity: entityName, project: row.project, run: row.runId, path: row.path },
      })),
    ),
  };
}
