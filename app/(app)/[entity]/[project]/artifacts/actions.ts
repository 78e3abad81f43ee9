'use server';

import { revalidatePath } from 'next/cache';
import { runAction, type ActionState } from '@/lib/actions';
import { removeAlias, setAlias } from '@/lib/artifacts/aliases';
import { deleteArtifactVersion } from '@/lib/artifacts/delete-version';
import { getCurrentActor } from '@/lib/auth/current-actor';

/*
 * Artifact page actions: each calls the same service as the REST and GraphQL APIs (which
 * checks the catalog, protected aliases included), then refreshes the artifact's pages.
 */

export interface ArtifactPageRef {
  entity: string;
  project: string;
  artifact: string;
}

/** Arguments of a server action come from the browser: keep only three strings. */
const clean = (ref: ArtifactPageRef): ArtifactPageRef => ({
  entity: String(ref.entity),
  project: String(ref.project),
  artifact: String(ref.artifact),
});

function refresh(ref: ArtifactPageRef) {
  revalidatePath(`/${ref.entity}/${ref.project}/artifacts`, 'layout');
}

async function forArtifact(
  ref: ArtifactPageRef,
  work: () => Promise<unknown>,
): Promise<ActionState> {
  const result = await runAction<undefined>(async () => {
    await work();
  });
  if (result.status === 'ok') refresh(ref);
  return result;
}

/** Adds the alias to `version`, or moves it there; `protect` (registry admins) sets its lock. */
export async function setArtifactAliasAction(
  ref: ArtifactPageRef,
  alias: string,
  version: string,
  protect?: boolean,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  const target = clean(ref);
  return forArtifact(target, () =>
    setAlias(
      actor,
      { ...target, alias: String(alias) },
      { version: String(version), ...(typeof protect === 'boolean' && { protected: protect }) },
    ),
  );
}

export async function removeArtifactAliasAction(
  ref: ArtifactPageRef,
  alias: string,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  const target = clean(ref);
  return forArtifact(target, () => removeAlias(actor, { ...target, alias: String(alias) }));
}

export async function deleteArtifactVersionAction(
  ref: ArtifactPageRef,
  version: string,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  const target = clean(ref);
  return forArtifact(target, () =>
    deleteArtifactVersion(actor, { ...target, version: String(version) }),
  );
}
