import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { assertCan, can, type ProjectVisibility } from '../permissions/catalog';
import { listProjects } from '../runs/read-runs';
import { parseInput } from '../validation';
import { teamWithAccess } from './team-access';

/** Enough for a row of cards at the top of the profile, few enough to mean "our best". */
export const maxShowcasedProjects = 6;

export interface ShowcasedProject {
  id: string;
  name: string;
  description: string;
  visibility: ProjectVisibility;
  runCount: number;
  updatedAt: Date;
}

export interface TeamShowcase {
  /** The showcased projects the viewer may see, in the order the admins chose. */
  projects: ShowcasedProject[];
  viewerCanEdit: boolean;
  /** For the editor (team admins only, else empty): every project of the team. */
  candidates: ShowcasedProject[];
}

const toShowcased = (project: ShowcasedProject): ShowcasedProject => ({
  id: project.id,
  name: project.name,
  description: project.description,
  visibility: project.visibility,
  runCount: project.runCount,
  updatedAt: project.updatedAt,
});

/**
 * The team's showcased projects as the viewer sees them. Visibility comes from the same
 * listing as the profile's project list, so a private project never shows to outsiders.
 */
export async function getTeamShowcase(actor: Actor, teamName: string): Promise<TeamShowcase> {
  const { team, access } = await teamWithAccess(actor, teamName);
  const visible = (await listProjects(actor, team.name)).map(toShowcased);
  const byId = new Map(visible.map((project) => [project.id, project]));
  const viewerCanEdit = can(actor, 'team:manage-settings', { access });
  return {
    projects: team.showcasedProjectIds.flatMap((id) => byId.get(id) ?? []),
    viewerCanEdit,
    candidates: viewerCanEdit ? [...visible].sort((a, b) => a.name.localeCompare(b.name)) : [],
  };
}

const showcaseSchema = z.object({
  projectIds: z
    .array(z.string().min(1, 'is required'))
    .max(maxShowcasedProjects, `at most ${maxShowcasedProjects} projects`),
});

/** Team admins choose the showcased projects (in order); only the team's own projects. */
export async function setTeamShowcase(
  actor: Actor,
  teamName: string,
  projectIds: string[],
): Promise<void> {
  const { team, access } = await teamWithAccess(actor, teamName);
  assertCan(actor, 'team:manage-settings', { access });
  const ids = [...new Set(parseInput(showcaseSchema, { projectIds }).projectIds)];
  const owned = await getPrisma().project.findMany({
    where: { id: { in: ids }, entityId: team.entityId },
    select: { id: true },
  });
  const ownedIds = new Set(owned.map((project) => project.id));
  const foreign = ids.findIndex((id) => !ownedIds.has(id));
  if (foreign !== -1) {
    throw AppError.badInput(`Only projects of ${team.name} can be showcased`, [
      { field: `projectIds.${foreign}`, message: `is not a project of ${team.name}` },
    ]);
  }
  await getPrisma().team.update({
    where: { id: team.id },
    data: { showcasedProjectIds: ids },
  });
}
