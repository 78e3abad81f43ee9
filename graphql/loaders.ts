import DataLoader from 'dataloader';

/**
 * Per-request DataLoaders, created on first use by name. Domains declare a loader with
 * `defineLoader` and use it with `ctx.loaders.get(loader)`: batching and caching last
 * exactly one request, so one user's cache never serves another.
 */
export interface LoaderDefinition<K, V> {
  name: string;
  batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>;
}

export function defineLoader<K, V>(
  name: string,
  batch: LoaderDefinition<K, V>['batch'],
): LoaderDefinition<K, V> {
  return { name, batch };
}

export class Loaders {
  private readonly byName = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(definition: LoaderDefinition<K, V>): DataLoader<K, V> {
    let loader = this.byName.get(definition.name);
    if (!loader) {
      loader = new DataLoader(definition.batch as DataLoader.BatchLoadFn<unknown, unknown>);
      this.byName.set(definition.name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}
