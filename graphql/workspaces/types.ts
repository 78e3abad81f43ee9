import type { ProjectWorkspaceView } from '@/lib/workspaces/workspace-layouts';
import { loadWorkspace, resetWorkspace, saveWorkspace } from '@/lib/workspaces/workspace-layouts';
import { workspaceScopes } from '@/lib/workspaces/schemas';
import { builder } from '../builder';

const WorkspaceScope = builder.enumType('WorkspaceScope', { values: workspaceScopes });

const ProjectWorkspaceRef = builder.objectRef<ProjectWorkspaceView>('ProjectWorkspace').implement({
  description: 'The saved panel layouts of a project: the viewer’s own and the shared default',
  fields: (t) => ({
    personal: t.field({ type: 'JSON', nullable: true, resolve: (w) => w.personal }),
    shared: t.field({ type: 'JSON', nullable: true, resolve: (w) => w.shared }),
    sharedUpdatedAt: t.expose('sharedUpdatedAt', { type: 'DateTime', nullable: true }),
    canSavePersonal: t.exposeBoolean('canSavePersonal'),
    canSaveShared: t.exposeBoolean('canSaveShared'),
  }),
});

builder.queryField('workspace', (t) =>
  t.field({
    type: ProjectWorkspaceRef,
    args: { entity: t.arg.string({ required: true }), project: t.arg.string({ required: true }) },
    resolve: (_root, { entity, project }, ctx) => loadWorkspace(ctx.actor, entity, project),
  }),
);

builder.mutationFields((t) => ({
  saveWorkspace: t.field({
    type: ProjectWorkspaceRef,
    description:
      'Saves the viewer’s own layout (PERSONAL) or, for members, the project’s shared default (SHARED)',
    args: {
      entity: t.arg.string({ required: true }),
      project: t.arg.string({ required: true }),
      scope: t.arg({ type: WorkspaceScope, required: true }),
      layout: t.arg({ type: 'JSON', required: true }),
    },
    resolve: (_root, { entity, project, scope, layout }, ctx) =>
      saveWorkspace(ctx.actor, { entity, project, scope }, layout),
  }),
  resetWorkspace: t.field({
    type: ProjectWorkspaceRef,
    description: 'Forgets the viewer’s own layout, so the shared default shows again',
    args: { entity: t.arg.string({ required: true }), project: t.arg.string({ required: true }) },
    resolve: (_root, { entity, project }, ctx) => resetWorkspace(ctx.actor, { entity, project }),
  }),
}));
