import { createProject } from '@/lib/projects/create-project';
import { deleteProject } from '@/lib/projects/delete-project';
import { updateProject } from '@/lib/projects/update-project';
import { builder } from '../builder';
import { ProjectRef, Visibility } from '../runs/types';

/** Creating, changing and deleting projects; the services ask the catalog (project:*). */

const DeletedProject = builder.objectRef<{ deletedRuns: number }>('DeletedProject').implement({
  fields: (t) => ({ deletedRuns: t.exposeInt('deletedRuns') }),
});

builder.mutationFields((t) => ({
  createProject: t.field({
    type: ProjectRef,
    description:
      'Creates an empty project; without a visibility it gets the entity’s default (PRIVATE when the team forces privacy)',
    args: {
      entity: t.arg.string({ required: true }),
      name: t.arg.string({ required: true }),
      description: t.arg.string(),
      visibility: t.arg({ type: Visibility }),
    },
    resolve: (_root, { entity, ...input }, ctx) => createProject(ctx.actor, entity, input),
  }),
  updateProject: t.field({
    type: ProjectRef,
    description: 'Changes a project’s description or visibility; fields left out keep their values',
    args: {
      entity: t.arg.string({ required: true }),
      project: t.arg.string({ required: true }),
      description: t.arg.string(),
      visibility: t.arg({ type: Visibility }),
    },
    resolve: (_root, { entity, project, ...input }, ctx) =>
      updateProject(ctx.actor, { entity, project }, input),
  }),
  deleteProject: t.field({
    type: DeletedProject,
    description: 'Deletes a project with all its runs and their history',
    args: {
      entity: t.arg.string({ required: true }),
      project: t.arg.string({ required: true }),
    },
    resolve: (_root, { entity, project }, ctx) => deleteProject(ctx.actor, { entity, project }),
  }),
}));
