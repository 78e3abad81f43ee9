import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { assertCan, can } from '../permissions/catalog';
import { getProject } from '../runs/read-runs';
import { parseField } from '../validation';
import { layoutSchema, type WorkspaceLayout, type WorkspaceScope } from './schemas';

/** The shared default's scope; a personal layout's scope is its owner's user id. */
const sharedScope = 'shared';

export interface ProjectWorkspaceView {
  /** The viewer's own layout, if they saved one. */
  personal: WorkspaceLayout | null;
  /** The project's default, saved by a member for everyone. */
  shared: WorkspaceLayout | null;
  sharedUpdatedAt: Date | null;
  /** Signed-in people keep their own layout of any project they can see. */
  canSavePersonal: boolean;
  /** Members and admins (not view-only) save the shared default (`workspace:edit`). */
  canSaveShared: boolean;
}

/** A stored layout that no longer parses (an older shape) is treated as unsaved, not an error. */
function storedLayout(value: unknown): WorkspaceLayout | null {
  const parsed = layoutSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export async function loadWorkspace(
  actor: Actor,
  entityName: string,
  projectName: string,
): Promise<ProjectWorkspaceView> {
  const project = await getProject(actor, entityName, projectName);
  const scopes = actor.kind === 'user' ? [sharedScope, actor.userId] : [sharedScope];
  const rows = await getPrisma().workspace.findMany({
    where: { projectId: project.id, scope: { in: scopes } },
  });
  const shared = rows.find((row) => row.scope === sharedScope);
  const personal = rows.find((row) => row.scope !== sharedScope);
  return {
    personal: personal ? storedLayout(personal.layout) : null,
    shared: shared ? storedLayout(shared.layout) : null,
    sharedUpdatedAt: shared?.updatedAt ?? null,
    canSavePersonal: actor.kind === 'user',
    canSaveShared: can(actor, 'workspace:edit', {
      access: project.access,
      visibility: project.visibility,
    }),
  };
}

/** Saves the viewer's own layout, or (with `workspace:edit`) the project's shared default. */
export async function saveWorkspace(
  actor: Actor,
  target: { entity: string; project: string; scope: WorkspaceScope },
  rawLayout: unknown,
): Promise<ProjectWorkspaceView> {
  const layout = parseField(layoutSchema, 'layout', rawLayout);
  const project = await getProject(actor, target.entity, target.project);
  if (target.scope === 'SHARED') {
    assertCan(actor, 'workspace:edit', { access: project.access, visibility: project.visibility });
  } else if (actor.kind !== 'user') {
    // Layouts are a person's; an API key of a service account has no "own" view to keep.
    if (actor.kind === 'anonymous') throw AppError.unauthenticated('Sign in to save your layout');
    throw AppError.forbidden('Only people keep their own workspace layout');
  }
  const userId = target.scope === 'SHARED' || actor.kind !== 'user' ? null : actor.userId;
  const scope = userId ?? sharedScope;
  const updatedById = actor.kind === 'user' ? actor.userId : null;
  await getPrisma().workspace.upsert({
    where: { projectId_scope: { projectId: project.id, scope } },
    create: { projectId: project.id, scope, userId, layout, updatedById },
    update: { layout, updatedById },
  });
  return loadWorkspace(actor, target.entity, target.project);
}

/** Forgets the viewer's own layout, so they see the shared default again. */
export async function resetWorkspace(
  actor: Actor,
  target: { entity: string; project: string },
): Promise<ProjectWorkspaceView> {
  const project = await getProject(actor, target.entity, target.project);
  if (actor.kind === 'user') {
    await getPrisma().workspace.deleteMany({
      where: { projectId: project.id, scope: actor.userId },
    });
  }
  return loadWorkspace(actor, target.entity, target.project);
}
