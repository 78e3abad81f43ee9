import type { RegisteredModelVersion } from '@/generated/prisma/client';
import { versionLabel } from '@/lib/artifacts/versions';
import { editRegisteredModel } from '@/lib/registry/edit-registered-model';
import { linkModelVersion } from '@/lib/registry/link-model-version';
import { removeModelAlias, setModelAlias } from '@/lib/registry/model-aliases';
import {
  linkedArtifactVersion,
  modelAliasesOf,
  modelVersionsOf,
} from '@/lib/registry/read-registry';
import {
  createRegisteredModel,
  getRegisteredModel,
  listRegisteredModels,
  type RegisteredModelNode,
} from '@/lib/registry/registered-models';
import { getPrisma } from '@/lib/db/prisma';
import { ArtifactVersionRef } from '../artifacts/types';
import { builder } from '../builder';

const ModelAliasRef = builder
  .objectRef<{ alias: string; protected: boolean; version: string }>('RegisteredModelAlias')
  .implement({
    fields: (t) => ({
      alias: t.exposeString('alias'),
      protected: t.exposeBoolean('protected'),
      version: t.exposeString('version'),
    }),
  });

const ModelVersionRef = builder
  .objectRef<RegisteredModelVersion>('RegisteredModelVersion')
  .implement({
    description: 'Version vN of a registered model: a link to an artifact version of type model',
    fields: (t) => ({
      version: t.string({ resolve: (v) => versionLabel(v.version) }),
      createdAt: t.expose('createdAt', { type: 'DateTime' }),
      aliases: t.field({
        type: [ModelAliasRef],
        resolve: (v) => modelAliasesOf(v.modelId, v.id),
      }),
      artifactVersion: t.field({
        type: ArtifactVersionRef,
        nullable: true,
        description: 'Null when its project is hidden from the viewer',
        resolve: (v, _args, ctx) => linkedArtifactVersion(ctx.actor, v.artifactVersionId),
      }),
    }),
  });

const RegisteredModelRef = builder.objectRef<RegisteredModelNode>('RegisteredModel').implement({
  description: "A model in a user's or team's registry",
  fields: (t) => ({
    name: t.exposeString('name'),
    entity: t.exposeString('entity'),
    description: t.exposeString('description'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    canEdit: t.exposeBoolean('canEdit', { description: 'May link versions and add aliases' }),
    canManageProtectedAliases: t.exposeBoolean('canManageProtectedAliases'),
    versions: t.field({ type: [ModelVersionRef], resolve: (m) => modelVersionsOf(m.id) }),
    aliases: t.field({ type: [ModelAliasRef], resolve: (m) => modelAliasesOf(m.id) }),
  }),
});

builder.queryFields((t) => ({
  registeredModels: t.field({
    type: [RegisteredModelRef],
    args: { entity: t.arg.string({ required: true }) },
    resolve: (_root, { entity }, ctx) => listRegisteredModels(ctx.actor, entity),
  }),
  registeredModel: t.field({
    type: RegisteredModelRef,
    args: { entity: t.arg.string({ required: true }), name: t.arg.string({ required: true }) },
    resolve: (_root, { entity, name }, ctx) => getRegisteredModel(ctx.actor, entity, name),
  }),
}));

async function reloadModel(ctx: { actor: Parameters<typeof getRegisteredModel>[0] }, id: string) {
  const model = await getPrisma().registeredModel.findUniqueOrThrow({
    where: { id },
    include: { entity: true },
  });
  return getRegisteredModel(ctx.actor, model.entity.name, model.name);
}

builder.mutationFields((t) => ({
  createRegisteredModel: t.field({
    type: RegisteredModelRef,
    args: {
      entity: t.arg.string({ required: true }),
      name: t.arg.string({ required: true }),
      description: t.arg.string(),
    },
    resolve: (_root, args, ctx) =>
      createRegisteredModel(ctx.actor, {
        entity: args.entity,
        name: args.name,
        ...(args.description != null && { description: args.description }),
      }),
  }),
  linkModelVersion: t.field({
    type: RegisteredModelRef,
    description: 'Links an artifact version of type model into a registered model as its next vN',
    args: {
      entity: t.arg.string({ required: true }),
      model: t.arg.string({ required: true }),
      project: t.arg.string({ required: true }),
      artifact: t.arg.string({ required: true }),
      version: t.arg.string({ required: true, description: 'vN, latest or an alias' }),
      aliases: t.arg.stringList(),
      create: t.arg.boolean({ description: 'Register the model first when it is new' }),
    },
    resolve: async (_root, args, ctx) => {
      const { aliases, create, ...rest } = args;
      const linked = await linkModelVersion(ctx.actor, {
        ...rest,
        ...(aliases && { aliases }),
        ...(create != null && { create }),
      });
      return reloadModel(ctx, linked.modelId);
    },
  }),
  updateRegisteredModel: t.field({
    type: RegisteredModelRef,
    description: "Replaces a registered model's description",
    args: {
      entity: t.arg.string({ required: true }),
      name: t.arg.string({ required: true }),
      description: t.arg.string({ required: true }),
    },
    resolve: async (_root, args, ctx) => {
      await editRegisteredModel(ctx.actor, args);
      return getRegisteredModel(ctx.actor, args.entity, args.name);
    },
  }),
  setRegisteredModelAlias: t.field({
    type: RegisteredModelRef,
    description: 'Points an alias at a version (protected aliases: registry admins only)',
    args: {
      entity: t.arg.string({ required: true }),
      model: t.arg.string({ required: true }),
      alias: t.arg.string({ required: true }),
      version: t.arg.string({ required: true }),
      protected: t.arg.boolean(),
    },
    resolve: async (_root, args, ctx) => {
      const { protected: protect, ...rest } = args;
      const { modelId } = await setModelAlias(ctx.actor, {
        ...rest,
        ...(protect != null && { protected: protect }),
      });
      return reloadModel(ctx, modelId);
    },
  }),
  removeRegisteredModelAlias: t.field({
    type: 'Boolean',
    args: {
      entity: t.arg.string({ required: true }),
      model: t.arg.string({ required: true }),
      alias: t.arg.string({ required: true }),
    },
    resolve: (_root, args, ctx) => removeModelAlias(ctx.actor, args),
  }),
}));
