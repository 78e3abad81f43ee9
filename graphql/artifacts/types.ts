import { setAlias, removeAlias } from '@/lib/artifacts/aliases';
import { deleteArtifactVersion } from '@/lib/artifacts/delete-version';
import { editArtifactMetadata } from '@/lib/artifacts/edit-metadata';
import {
  aliasesOf,
  artifactsOfRun,
  consumersOf,
  filesOf,
  getArtifact,
  listProjectArtifacts,
  producerOf,
  versionsOf,
  type ArtifactNode,
  versionCanDownload,
  type ArtifactVersionNode,
} from '@/lib/artifacts/read-artifacts';
import type { ManifestFileView } from '@/lib/artifacts/use-artifact';
import { versionLabel } from '@/lib/artifacts/versions';
import { builder } from '../builder';
import { ProjectRef, RunRef } from '../runs/types';

const ArtifactAliasRef = builder
  .objectRef<{ alias: string; protected: boolean; version: string }>('ArtifactAlias')
  .implement({
    description: 'A name for one version; protected ones only registry admins change',
    fields: (t) => ({
      alias: t.exposeString('alias'),
      protected: t.exposeBoolean('protected'),
      version: t.exposeString('version', { description: 'v0, v1, …' }),
    }),
  });

const ArtifactFileRef = builder.objectRef<ManifestFileView>('ArtifactFile').implement({
  description: 'One manifest entry: stored bytes, or a reference to an external URI',
  fields: (t) => ({
    path: t.exposeString('path'),
    size: t.exposeFloat('size', { description: 'Bytes' }),
    sha256: t.exposeString('sha256', { nullable: true }),
    uri: t.exposeString('uri', { nullable: true, description: 'References only' }),
    downloadUrl: t.exposeString('downloadUrl', {
      nullable: true,
      description: 'GET the content (stored files, for viewers who may download)',
    }),
  }),
});

export const ArtifactRef = builder.objectRef<ArtifactNode>('Artifact');
export const ArtifactVersionRef = builder.objectRef<ArtifactVersionNode>('ArtifactVersion');

ArtifactRef.implement({
  description: 'A named, versioned set of files (a dataset, a model, …) in a project',
  fields: (t) => ({
    name: t.exposeString('name'),
    type: t.exposeString('type'),
    description: t.exposeString('description'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    canDownload: t.exposeBoolean('canDownload'),
    canEdit: t.exposeBoolean('canEdit', { description: 'May edit metadata and aliases' }),
    canManageProtectedAliases: t.exposeBoolean('canManageProtectedAliases', {
      description: 'May protect, unprotect, move and remove protected aliases (registry admins)',
    }),
    versions: t.field({ type: [ArtifactVersionRef], resolve: (a) => versionsOf(a) }),
    aliases: t.field({ type: [ArtifactAliasRef], resolve: (a) => aliasesOf(a.id) }),
  }),
});

ArtifactVersionRef.implement({
  fields: (t) => ({
    artifact: t.field({ type: ArtifactRef, resolve: (v) => v.artifact }),
    version: t.string({ description: 'v0, v1, …', resolve: (v) => versionLabel(v.version) }),
    digest: t.exposeString('digest'),
    size: t.float({ description: 'Bytes', resolve: (v) => Number(v.size) }),
    fileCount: t.exposeInt('fileCount'),
    canDownload: t.boolean({
      description:
        'May download its bytes: artifact:download, or registry:download when it is a registered model version',
      resolve: (v) => versionCanDownload(v),
    }),
    metadata: t.field({ type: 'JSON', resolve: (v) => v.metadata }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    aliases: t.field({
      type: [ArtifactAliasRef],
      resolve: (v) => aliasesOf(v.artifactId, v.id),
    }),
    files: t.field({ type: [ArtifactFileRef], resolve: (v) => filesOf(v) }),
    producedBy: t.field({
      type: RunRef,
      nullable: true,
      description: 'The run that logged it (lineage)',
      resolve: (v) => producerOf(v),
    }),
    usedBy: t.field({
      type: [RunRef],
      description: 'Runs that used it as an input (lineage)',
      resolve: (v) => consumersOf(v),
    }),
  }),
});

builder.objectFields(ProjectRef, (t) => ({
  artifacts: t.field({
    type: [ArtifactRef],
    resolve: (project, _args, ctx) =>
      listProjectArtifacts(ctx.actor, { entity: project.entityName, project: project.name }),
  }),
  artifact: t.field({
    type: ArtifactRef,
    args: { name: t.arg.string({ required: true }) },
    resolve: (project, { name }, ctx) =>
      getArtifact(ctx.actor, { entity: project.entityName, project: project.name }, name),
  }),
}));

builder.objectFields(RunRef, (t) => ({
  loggedArtifacts: t.field({
    type: [ArtifactVersionRef],
    description: 'Artifact versions this run logged (outputs)',
    resolve: (run, _args, ctx) => artifactsOfRun(ctx.actor, run, 'logged'),
  }),
  usedArtifacts: t.field({
    type: [ArtifactVersionRef],
    description: 'Artifact versions this run used (inputs)',
    resolve: (run, _args, ctx) => artifactsOfRun(ctx.actor, run, 'used'),
  }),
}));

const ArtifactVersionTarget = builder.inputType('ArtifactVersionTarget', {
  fields: (t) => ({
    entity: t.string({ required: true }),
    project: t.string({ required: true }),
    artifact: t.string({ required: true }),
    version: t.string({ required: true, description: 'vN, latest or an alias' }),
  }),
});

const reload = (
  ctx: { actor: Parameters<typeof getArtifact>[0] },
  target: typeof ArtifactVersionTarget.$inferInput,
  versionLabelText: string,
) =>
  getArtifact(ctx.actor, target, target.artifact).then(async (artifact) => {
    const versions = await versionsOf(artifact);
    return versions.find((v) => versionLabel(v.version) === versionLabelText)!;
  });

builder.mutationFields((t) => ({
  setArtifactAlias: t.field({
    type: ArtifactVersionRef,
    description: 'Points an alias at a version (protected: registry admins only)',
    args: {
      target: t.arg({ type: ArtifactVersionTarget, required: true }),
      alias: t.arg.string({ required: true }),
      protected: t.arg.boolean(),
    },
    resolve: async (_root, args, ctx) => {
      const view = await setAlias(
        ctx.actor,
        { ...args.target, alias: args.alias },
        {
          version: args.target.version,
          ...(args.protected != null && { protected: args.protected }),
        },
      );
      return reload(ctx, args.target, view.version);
    },
  }),
  removeArtifactAlias: t.field({
    type: 'Boolean',
    args: {
      entity: t.arg.string({ required: true }),
      project: t.arg.string({ required: true }),
      artifact: t.arg.string({ required: true }),
      alias: t.arg.string({ required: true }),
    },
    resolve: async (_root, args, ctx) => (await removeAlias(ctx.actor, args)).deleted,
  }),
  updateArtifactMetadata: t.field({
    type: ArtifactVersionRef,
    description: "Replaces a version's metadata and/or the artifact's description",
    args: {
      target: t.arg({ type: ArtifactVersionTarget, required: true }),
      metadata: t.arg({ type: 'JSON' }),
      description: t.arg.string(),
    },
    resolve: async (_root, args, ctx) => {
      const view = await editArtifactMetadata(ctx.actor, args.target, {
        ...(args.metadata != null && { metadata: args.metadata }),
        ...(args.description != null && { description: args.description }),
      });
      return reload(ctx, args.target, view.version);
    },
  }),
  deleteArtifactVersion: t.field({
    type: 'String',
    description: 'Deletes a version; returns its label (v3). Usage is given back.',
    args: { target: t.arg({ type: ArtifactVersionTarget, required: true }) },
    resolve: async (_root, args, ctx) =>
      (await deleteArtifactVersion(ctx.actor, args.target)).version,
  }),
}));
