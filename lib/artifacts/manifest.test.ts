import { describe, expect, it } from 'vitest';
import { manifestDigest, type ManifestEntry } from './manifest';

const a: ManifestEntry = { path: 'a.txt', sha256: 'a'.repeat(64), size: 3, ref: null };
const b: ManifestEntry = { path: 'dir/b.bin', sha256: 'b'.repeat(64), size: 10, ref: null };
const ref: ManifestEntry = { path: 'remote', sha256: null, size: 0, ref: 's3://bucket/x' };

describe('manifestDigest', () => {
  it('does not depend on the order entries are listed in', () => {
    expect(manifestDigest([a, b, ref])).toBe(manifestDigest([ref, b, a]));
  });

  it('changes with content, size, path and references', () => {
    const base = manifestDigest([a, b]);
    expect(manifestDigest([{ ...a, sha256: 'c'.repeat(64) }, b])).not.toBe(base);
    expect(manifestDigest([{ ...a, size: 4 }, b])).not.toBe(base);
    expect(manifestDigest([{ ...a, path: 'A.txt' }, b])).not.toBe(base);
    expect(manifestDigest([a, b, ref])).not.toBe(base);
    expect(manifestDigest([a, b, { ...ref, ref: 's3://bucket/y' }])).not.toBe(
      manifestDigest([a, b, ref]),
    );
  });
});
