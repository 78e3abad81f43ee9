import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import { getTeamProfile } from '@/lib/teams/team-profile';

/**
 * The team whose settings are open and the person looking, shared by the layout and its
 * pages within one request. Anonymous visitors go to sign in; unknown teams are a 404.
 */
export const loadTeamSettings = cache(async (teamName: string) => {
  const actor = await getCurrentActor();
  if (actor.kind !== 'user') {
    redirect(`/signin?callbackUrl=${encodeURIComponent(`/teams/${teamName}/settings`)}`);
  }
  try {
    return { actor, team: await getTeamProfile(actor, teamName) };
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});
