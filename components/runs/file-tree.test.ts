import { describe, expect, it } from 'vitest';
import { buildFileTree, diffLineKind, looksBinary, prettyJson, previewKind } from './file-tree';

describe('buildFileTree', () => {
  it('makes folders from path segments, folders first, with summed sizes', () => {
    const tree = buildFileTree([
      { path: 'z.txt', size: 1 },
      { path: 'checkpoints/b/2.pt', size: 20 },
      { path: 'checkpoints/a.pt', size: 10 },
      { path: 'a.json', size: 5 },
    ]);
    expect(tree.map((node) => [node.kind, node.name, node.size])).toEqual([
      ['folder', 'checkpoints', 30],
      ['file', 'a.json', 5],
      ['file', 'z.txt', 1],
    ]);
    const checkpoints = tree[0];
    if (checkpoints?.kind !== 'folder') throw new Error('expected a folder');
    expect(checkpoints.children.map((node) => [node.kind, node.path, node.size])).toEqual([
      ['folder', 'checkpoints/b', 20],
      ['file', 'checkpoints/a.pt', 10],
    ]);
  });

  it('is empty for no files', () => {
    expect(buildFileTree([])).toEqual([]);
  });
});

describe('previewKind', () => {
  it.each([
    ['plots/loss.PNG', 'image'],
    ['logo.svg', 'image'],
    ['metrics.json', 'json'],
    ['diff.patch', 'diff'],
    ['changes.diff', 'diff'],
    ['model.pt', 'binary'],
    ['README', 'text'],
    ['config.yaml', 'text'],
  ])('%s → %s', (path, kind) => {
    expect(previewKind(path)).toBe(kind);
  });
});

describe('diffLineKind', () => {
  it('tells added, removed, hunk and header lines apart', () => {
    expect(diffLineKind('+++ b/train.py')).toBe('meta');
    expect(diffLineKind('--- a/train.py')).toBe('meta');
    expect(diffLineKind('@@ -1,3 +1,4 @@')).toBe('hunk');
    expect(diffLineKind('+lr = 0.1')).toBe('add');
    expect(diffLineKind('-lr = 0.01')).toBe('remove');
    expect(diffLineKind(' epochs = 3')).toBe('context');
  });
});

describe('looksBinary', () => {
  it('flags NUL bytes but not UTF-8 text', () => {
    expect(looksBinary(new Uint8Array([0x50, 0x4b, 0x00, 0x03]))).toBe(true);
    expect(looksBinary(new TextEncoder().encode('héllo\n\tworld'))).toBe(false);
    expect(looksBinary(new Uint8Array())).toBe(false);
  });
});

describe('prettyJson', () => {
  it('indents valid JSON and gives up on anything else', () => {
    expect(prettyJson('{"a":[1,2]}')).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
    expect(prettyJson('{"a":')).toBeNull();
  });
});
