/*
 * The Files tab's tree: run files are flat paths ("checkpoints/epoch-10.pt"), so folders
 * are made from their segments, folders first, each level by name, with the total size of
 * everything under a folder.
 */

export interface TreeFile {
  path: string;
  size: number;
}

export type TreeNode<F extends TreeFile> =
  | { kind: 'folder'; name: string; path: string; size: number; children: TreeNode<F>[] }
  | { kind: 'file'; name: string; path: string; size: number; file: F };

export function buildFileTree<F extends TreeFile>(files: F[]): TreeNode<F>[] {
  type Folder = Extract<TreeNode<F>, { kind: 'folder' }>;
  const root: Folder = { kind: 'folder', name: '', path: '', size: 0, children: [] };
  for (const file of files) {
    const segments = file.path.split('/');
    const name = segments.pop() ?? file.path;
    let folder = root;
    folder.size += file.size;
    let path = '';
    for (const segment of segments) {
      path = path ? `${path}/${segment}` : segment;
      let next = folder.children.find(
        (child): child is Folder => child.kind === 'folder' && child.path === path,
      );
      if (!next) {
        next = { kind: 'folder', name: segment, path, size: 0, children: [] };
        folder.children.push(next);
      }
      next.size += file.size;
      folder = next;
    }
    folder.children.push({ kind: 'file', name, path: file.path, size: file.size, file });
  }
  const sort = (nodes: TreeNode<F>[]) => {
    nodes.sort((a, b) =>
      a.kind === b.kind ? a.name.localeCompare(b.name, 'en') : a.kind === 'folder' ? -1 : 1,
    );
    for (const node of nodes) if (node.kind === 'folder') sort(node.children);
  };
  sort(root.children);
  return root.children;
}

export type PreviewKind = 'image' | 'json' | 'diff' | 'text' | 'binary';

const imageExtensions = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg']);
const binaryExtensions = new Set([
  'pt', 'pth', 'ckpt', 'bin', 'h5', 'hdf5', 'npy', 'npz', 'pkl', 'pickle', 'onnx', 'safetensors',
  'zip', 'gz', 'tgz', 'tar', 'bz2', 'xz', 'zst', '7z', 'pdf', 'mp4', 'mp3', 'wav', 'so', 'exe',
  'parquet', 'tfrecord', 'pb', 'joblib', 'bmp', 'ico', 'tif', 'tiff',
]); // prettier-ignore

/** How the preview pane shows a file, from its name (contents are checked once loaded). */
export function previewKind(path: string): PreviewKind {
  const name = (path.split('/').pop() ?? path).toLowerCase();
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1) : '';
  if (imageExtensions.has(extension)) return 'image';
  if (extension === 'json') return 'json';
  if (name === 'diff.patch' || extension === 'diff' || extension === 'patch') return 'diff';
  if (binaryExtensions.has(extension)) return 'binary';
  return 'text';
}

/** The colour of a unified-diff line. */
export function diffLineKind(line: string): 'add' | 'remove' | 'hunk' | 'meta' | 'context' {
  if (line.startsWith('+++') || line.startsWith('---')) return 'meta';
  if (line.startsWith('diff ') || line.startsWith('index ')) return 'meta';
  if (line.startsWith('@@')) return 'hunk';
  if (line.startsWith('+')) return 'add';
  if (line.startsWith('-')) return 'remove';
  return 'context';
}

/** Bytes that are mostly NUL or control characters are not worth showing as text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

/** JSON indented by two spaces, or null when the text is not valid JSON (shown as it is). */
export function prettyJson(text: string): string | null {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return null;
  }
}
