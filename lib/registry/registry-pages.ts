import {
  downloadRightsIn,
  loadArtifactScope,
  mayDownloadLinkedVersion,
  type ArtifactScope,
} from '../artifacts/artifact-scope';
import { artifactFileUrl } from '../artifacts/use-artifact';
import { versionLabel } from '../artifacts/versions';
import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { isAppError } from '../errors';
import {
  canOnRegistry,
  findRegisteredModel,
  loadRegistryScope,
  type RegistryScope,
} from './registry-scope';

/*
 * What the registry pages read beyond the GraphQL nodes: one summary row per registered
 * model for the list, and each version of one model with where its artifact version lives,
 * the run that logged it and whether the viewer may download it.
 */

export interface RegistryRights {
  /** Register models, link versions, describe them (`registry:add-models`). */
  canAddModels: boolean;
  /** Add and move unprotected aliases (`registry:add-aliases`). */
  canEditAliases: boolean;
  /** Protect, unprotect, move and remove protected aliases (registry admins). */
  canManageProtectedAliases: boolean;
}

export interface ModelAliasChip {
  alias: string;
  protected: boolean;
  version: string;
}

export interface RegisteredModelSummary {
  name: string;
  description: string;
  latest: string | null;
  versionCount: number;
  aliases: ModelAliasChip[];
  /** The newest of: registration, a link, an alias change, a description edit. */
  updatedAt: Date;
}

function rightsOf(actor: Actor, scope: RegistryScope): RegistryRights {
  return {
    canAddModels: canOnRegistry(actor, 'registry:add-models', scope),
    canEditAliases: canOnRegistry(actor, 'registry:add-aliases', scope),
    canManageProtectedAliases: canOnRegistry(actor, 'registry:manage-protected-aliases', scope),
  };
}

/** The registry of a user or team for a viewer with `registry:view`, by model name. */
export async function summarizeRegistry(
  actor: Actor,
  entity: string,
): Promise<{
  entity: string;
  isTeam: boolean;
  rights: RegistryRights;
  models: RegisteredModelSummary[];
}> {
  const scope = await loadRegistryScope(actor, entity);
  const models = await getPrisma().registeredModel.findMany({
    where: { entityId: scope.entity.id },
    orderBy: { name: 'asc' },
    include: {
      _count: { select: { versions: true } },
      versions: { orderBy: { version: 'desc' }, take: 1 },
      aliases: { include: { version: { select: { version: true } } }, orderBy: { alias: 'asc' } },
    },
  });
  return {
    entity: scope.entity.name,
    isTeam: scope.entity.kind === 'TEAM',
    rights: rightsOf(actor, scope),
    models: models.map((m) => {
      const times = [m.updatedAt, m.versions[0]?.createdAt, ...m.aliases.map((a) => a.updatedAt)];
      return {
        name: m.name,
        description: m.description,
        latest: m.versions[0] ? versionLabel(m.versions[0].version) : null,
        versionCount: m._count.versions,
        aliases: m.aliases.map((a) => ({
          alias: a.alias,
          protected: a.protected,
          version: versionLabel(a.version.version),
        })),
        updatedAt: new Date(Math.max(...times.filter((t) => t).map((t) => t!.getTime()))),
      };
    }),
  };
}

export interface ModelVersionRow {
  version: string;
  createdAt: Date;
  /** Null when its project is hidden from the viewer. */
  artifact: {
    entity: string;
    project: string;
    name: string;
    version: string;
    href: string;
  } | null;
  producedBy: { runId: string; name: string; href: string } | null;
  /** The zip of the whole version, for viewers who may download it. */
  downloadHref: string | null;
}

export interface RegisteredModelPage {
  entity: string;
  name: string;
  description: string;
  createdAt: Date;
  rights: RegistryRights;
  versions: ModelVersionRow[];
  aliases: ModelAliasChip[];
}

const segment = encodeURIComponent;

/** One registered model with its versions, newest first, as its page shows them. */
export async function registeredModelPage(
  actor: Actor,
  entity: string,
  name: string,
): Promise<RegisteredModelPage> {
  const scope = await loadRegistryScope(actor, entity);
  const model = await findRegisteredModel(scope, name);
  const prisma = getPrisma();
  const [links, aliases] = await Promise.all([
    prisma.registeredModelVersion.findMany({
      where: { modelId: model.id },
      orderBy: { version: 'desc' },
      include: {
        artifactVersion: {
          include: {
            artifact: { include: { project: { include: { entity: true } } } },
            createdByRun: { select: { runId: true, displayName: true } },
          },
        },
      },
    }),
    prisma.registeredModelAlias.findMany({
      where: { modelId: model.id },
      include: { version: { select: { version: true } } },
      orderBy: { alias: 'asc' },
    }),
  ]);
  // One scope per source project: the registry may link versions of several projects.
  const scopes = new Map<string, Promise<ArtifactScope | null>>();
  const scopeOf = (target: { entity: string; project: string }) => {
    const key = `${target.entity}/${target.project}`;
    if (!scopes.has(key)) {
      scopes.set(
        key,
        loadArtifactScope(actor, target).catch((error: unknown) => {
          if (isAppError(error) && error.code === 'NOT_FOUND') return null;
          throw error;
        }),
      );
    }
    return scopes.get(key)!;
  };
  const versions = await Promise.all(
    links.map(async (link): Promise<ModelVersionRow> => {
      const av = link.artifactVersion;
      const target = { entity: av.artifact.project.entity.name, project: av.artifact.project.name };
      const source = await scopeOf(target);
      const row = { version: versionLabel(link.version), createdAt: link.createdAt };
      if (!source) return { ...row, artifact: null, producedBy: null, downloadHref: null };
      const label = versionLabel(av.version);
      const projectPath = `/${segment(target.entity)}/${segment(target.project)}`;
      // Every row here is a registry link, so the decision needs no query per version.
      const mayDownload = mayDownloadLinkedVersion(downloadRightsIn(actor, source));
      return {
        ...row,
        artifact: {
          ...target,
          name: av.artifact.name,
          version: label,
          href: `${projectPath}/artifacts/${segment(av.artifact.name)}/${label}`,
        },
        producedBy: av.createdByRun
          ? {
              runId: av.createdByRun.runId,
              name: av.createdByRun.displayName,
              href: `${projectPath}/runs/${segment(av.createdByRun.runId)}`,
            }
          : null,
        downloadHref: mayDownload
          ? artifactFileUrl({ ...target, artifact: av.artifact.name }, label, '').replace(
              /\/files\/$/,
              '/download',
            )
          : null,
      };
    }),
  );
  return {
    entity: scope.entity.name,
    name: model.name,
    description: model.description,
    createdAt: model.createdAt,
    rights: rightsOf(actor, scope),
    versions,
    aliases: aliases.map((a) => ({
      alias: a.alias,
      protected: a.protected,
      version: versionLabel(a.version.version),
    })),
  };
}

/**
 * For an artifact version's "Link to registry": the registered models of the artifact's own
 * user or team, whether the viewer may link (`registry:add-models`), and which models already
 * link this version (as `model:vN`).
 */
export async function registryLinkOptions(
  actor: Actor,
  entity: string,
  artifactVersionId: string,
): Promise<{ canLink: boolean; models: string[]; linkedAs: { model: string; version: string }[] }> {
  const scope = await loadRegistryScope(actor, entity);
  const prisma = getPrisma();
  const [models, links] = await Promise.all([
    prisma.registeredModel.findMany({
      where: { entityId: scope.entity.id },
      select: { name: true },
      orderBy: { name: 'asc' },
    }),
    prisma.registeredModelVersion.findMany({
      where: { artifactVersionId, model: { entityId: scope.entity.id } },
      select: { version: true, model: { select: { name: true } } },
      orderBy: { model: { name: 'asc' } },
    }),
  ]);
  return {
    canLink: canOnRegistry(actor, 'registry:add-models', scope),
    models: models.map((m) => m.name),
    linkedAs: links.map((l) => ({ model: l.model.name, version: versionLabel(l.version) })),
  };
}
