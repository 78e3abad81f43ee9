'use server';

import { revalidatePath } from 'next/cache';
import { runAction, type ActionState } from '@/lib/actions';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { editRegisteredModel } from '@/lib/registry/edit-registered-model';
import { linkModelVersion } from '@/lib/registry/link-model-version';
import { removeModelAlias, setModelAlias } from '@/lib/registry/model-aliases';

/*
 * Model registry page actions: each calls the same service as the GraphQL API (which checks
 * the catalog, protected aliases included), then refreshes the registry's pages. Arguments
 * come from the browser, so each is turned back into the string or boolean it must be.
 */

export interface RegisteredModelRef {
  entity: string;
  model: string;
}

const clean = (ref: RegisteredModelRef): RegisteredModelRef => ({
  entity: String(ref.entity),
  model: String(ref.model),
});

function refresh(entity: string) {
  revalidatePath(`/teams/${entity}/registry`, 'layout');
}

async function forRegistry(
  entity: string,
  work: () => Promise<{ message?: string } | void>,
): Promise<ActionState> {
  const result = await runAction<undefined>(async () => (await work()) ?? undefined);
  if (result.status === 'ok') refresh(entity);
  return result;
}

export async function editModelDescriptionAction(
  ref: RegisteredModelRef,
  description: string,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  const { entity, model } = clean(ref);
  return forRegistry(entity, () =>
    editRegisteredModel(actor, { entity, name: model, description: String(description) }).then(
      () => ({ message: 'Description saved.' }),
    ),
  );
}

/** Adds the alias to `version` or moves it there; `protect` (registry admins) sets its lock. */
export async function setModelAliasAction(
  ref: RegisteredModelRef,
  alias: string,
  version: string,
  protect?: boolean,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  const { entity, model } = clean(ref);
  return forRegistry(entity, async () => {
    await setModelAlias(actor, {
      entity,
      model,
      alias: String(alias),
      version: String(version),
      ...(typeof protect === 'boolean' && { protected: protect }),
    });
  });
}

export async function removeModelAliasAction(
  ref: RegisteredModelRef,
  alias: string,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  const { entity, model } = clean(ref);
  return forRegistry(entity, async () => {
    await removeModelAlias(actor, { entity, model, alias: String(alias) });
  });
}

/**
 * "Link to registry" on an artifact version page: into an existing model, or a new one
 * registered in the same step. Refreshes the artifact's pages too (they show the links).
 */
export async function linkToRegistryAction(
  source: { entity: string; project: string; artifact: string; version: string },
  model: string,
  create: boolean,
): Promise<ActionState<{ model: string; version: string }>> {
  const actor = await getCurrentActor();
  const entity = String(source.entity);
  const project = String(source.project);
  const result = await runAction<{ model: string; version: string }>(async () => {
    const linked = await linkModelVersion(actor, {
      entity,
      project,
      artifact: String(source.artifact),
      version: String(source.version),
      model: String(model).trim(),
      create: create === true,
    });
    return {
      message: linked.created
        ? `Linked as ${String(model).trim()}:v${linked.version}.`
        : `Already linked as ${String(model).trim()}:v${linked.version}.`,
      data: { model: String(model).trim(), version: `v${linked.version}` },
    };
  });
  if (result.status === 'ok') {
    refresh(entity);
    revalidatePath(`/${entity}/${project}/artifacts`, 'layout');
  }
  return result;
}
