import { createHash } from 'node:crypto';

/** One manifest entry: stored bytes (sha256) or a reference to an external URI. */
export interface ManifestEntry {
  path: string;
  size: number;
  sha256: string | null;
  ref: string | null;
}

/**
 * The version identity of a manifest: sha256 over its entries sorted by path, one
 * `path \t content \t size \n` line each, where content is the sha256 or, for a reference,
 * `ref:` and the URI (plus its sha256 when known). Order of logging never matters; any
 * changed byte, path or reference does.
 */
export function manifestDigest(entries: ManifestEntry[]): string {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const hash = createHash('sha256');
  for (const entry of sorted) {
    const content = entry.ref
      ? `ref:${entry.ref}${entry.sha256 ? `#${entry.sha256}` : ''}`
      : entry.sha256;
    hash.update(`${entry.path}\t${content}\t${entry.size}\n`);
  }
  return hash.digest('hex');
}
