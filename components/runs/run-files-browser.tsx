'use client';

import {
  ChevronDown,
  ChevronRight,
  Download,
  FileCode2,
  FileImage,
  FileJson,
  FileText,
  Folder,
  FolderOpen,
  RotateCw,
} from 'lucide-react';
import { useEffect, useState } from 'react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';
import {
  diffLineKind,
  looksBinary,
  prettyJson,
  previewKind,
  type PreviewKind,
  type TreeNode,
} from './file-tree';

/** What the preview reads of a text file: enough to read, never a whole checkpoint. */
export const PREVIEW_BYTES = 256 * 1024;

export interface BrowserFile {
  path: string;
  size: number;
}

/** A file's content URL: the route's base (run files, an artifact version) plus its path. */
export function fileUrl(downloadBase: string, path: string): string {
  return `${downloadBase}/${path.split('/').map(encodeURIComponent).join('/')}`;
}

const icons: Record<PreviewKind, typeof FileText> = {
  image: FileImage,
  json: FileJson,
  diff: FileCode2,
  text: FileText,
  binary: FileText,
};

/**
 * Files as a collapsible tree (folders from path segments, with sizes) beside a preview of
 * the selected file: a run's Files tab, an artifact version's files. Sizes come formatted
 * from the server (`sizeLabels`, by path, folders included) so both sides print them the
 * same way. `downloadBase` is the content route that a file's path is appended to (see
 * `fileUrl`); null for viewers who may not download, who then get neither links nor
 * previews (the preview reads the same route).
 */
export function FilesBrowser({
  tree,
  sizeLabels,
  initialPath,
  downloadBase,
  label = 'Run files',
}: {
  tree: TreeNode<BrowserFile>[];
  sizeLabels: Record<string, string>;
  initialPath?: string;
  downloadBase: string | null;
  /** The tree's accessible name. */
  label?: string;
}) {
  const [selected, setSelected] = useState<BrowserFile | null>(() => {
    const find = (nodes: TreeNode<BrowserFile>[]): BrowserFile | null => {
      for (const node of nodes) {
        if (node.kind === 'file' && (!initialPath || node.path === initialPath)) return node.file;
        if (node.kind === 'folder') {
          const found = find(node.children);
          if (found) return found;
        }
      }
      return null;
    };
    return find(tree);
  });
  // Folders start open: runs rarely have enough files for the tree to need folding first.
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set());

  const toggle = (path: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });

  const renderNodes = (nodes: TreeNode<BrowserFile>[], depth: number) =>
    nodes.map((node) => {
      const indent = { paddingLeft: `${0.75 + depth * 1}rem` };
      if (node.kind === 'folder') {
        const open = !collapsed.has(node.path);
        const Chevron = open ? ChevronDown : ChevronRight;
        const FolderIcon = open ? FolderOpen : Folder;
        return (
          <li key={node.path} role="none">
            <button
              type="button"
              role="treeitem"
              aria-expanded={open}
              aria-selected={false}
              onClick={() => toggle(node.path)}
              style={indent}
              className="flex w-full items-center gap-1.5 py-1.5 pr-3 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800/60"
            >
              <Chevron className="h-3.5 w-3.5 shrink-0 text-zinc-400" aria-hidden />
              <FolderIcon className="h-4 w-4 shrink-0 text-amber-500" aria-hidden />
              <span className="min-w-0 flex-1 truncate font-medium">{node.name}</span>
              <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                {sizeLabels[node.path]}
              </span>
            </button>
            {open && (
              <ul role="group" className="m-0 list-none p-0">
                {renderNodes(node.children, depth + 1)}
              </ul>
            )}
          </li>
        );
      }
      const Icon = icons[previewKind(node.path)];
      const active = selected?.path === node.path;
      return (
        <li
          key={node.path}
          role="none"
          className={cn(
            'flex items-center pr-1',
            active
              ? 'bg-brand-50 text-brand-700 dark:bg-zinc-800 dark:text-zinc-50'
              : 'hover:bg-zinc-100 dark:hover:bg-zinc-800/60',
          )}
        >
          <button
            type="button"
            role="treeitem"
            aria-selected={active}
            onClick={() => {
              setSelected(node.file);
              // A link to the page opens the same preview; no navigation, so no re-render.
              const url = new URL(window.location.href);
              url.searchParams.set('path', node.path);
              window.history.replaceState(null, '', url);
            }}
            style={{ paddingLeft: `${0.75 + depth * 1 + 1.125}rem` }}
            className="flex min-w-0 flex-1 items-center gap-1.5 py-1.5 pr-2 text-left text-sm"
          >
            <Icon className="h-4 w-4 shrink-0 text-zinc-400" aria-hidden />
            <span className="min-w-0 flex-1 truncate font-mono text-xs">{node.name}</span>
            <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
              {sizeLabels[node.path]}
            </span>
          </button>
          {downloadBase !== null && (
            <a
              href={fileUrl(downloadBase, node.path)}
              download
              aria-label={`Download ${node.path}`}
              title="Download"
              className="inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-md text-zinc-400 hover:bg-zinc-200 hover:text-zinc-900 dark:hover:bg-zinc-700 dark:hover:text-zinc-100"
            >
              <Download className="h-3.5 w-3.5" aria-hidden />
            </a>
          )}
        </li>
      );
    });

  return (
    <div className="grid overflow-hidden rounded-xl border border-zinc-200 bg-white md:grid-cols-[18rem_minmax(0,1fr)] dark:border-zinc-800 dark:bg-zinc-900">
      <div className="border-b border-zinc-200 py-2 md:max-h-[70vh] md:overflow-y-auto md:border-r md:border-b-0 dark:border-zinc-800">
        <ul role="tree" aria-label={label} className="m-0 list-none p-0">
          {renderNodes(tree, 0)}
        </ul>
      </div>
      <section aria-label="Preview" className="min-w-0">
        {selected && downloadBase !== null ? (
          <FilePreview
            key={selected.path}
            file={selected}
            url={fileUrl(downloadBase, selected.path)}
            sizeLabel={sizeLabels[selected.path]}
          />
        ) : selected ? (
          <p className="p-6 text-sm text-zinc-500 dark:text-zinc-400">
            Your role may view these files but not download them, so they have no preview. Ask a
            team admin for a role that may download.
          </p>
        ) : (
          <p className="p-6 text-sm text-zinc-500 dark:text-zinc-400">
            Select a file to preview it.
          </p>
        )}
      </section>
    </div>
  );
}

type Loaded =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; text: string; truncated: boolean; binary: boolean };

/** Reads the start of a file (one Range request) as text. */
function useFileText(file: BrowserFile, url: string, enabled: boolean, attempt: number): Loaded {
  // Keyed by file and attempt: a result for another file or an earlier try reads as loading.
  const key = `${url}#${attempt}`;
  const [result, setResult] = useState<{ key: string; loaded: Loaded } | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    (async () => {
      const response = await fetch(url, {
        headers: { range: `bytes=0-${PREVIEW_BYTES - 1}` },
        signal: abort.signal,
      });
      if (!response.ok) throw new Error(`The server answered ${response.status}.`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      setResult({
        key,
        loaded: {
          status: 'ready',
          text: new TextDecoder().decode(bytes),
          truncated: file.size > bytes.length,
          binary: looksBinary(bytes),
        },
      });
    })().catch((error: unknown) => {
      if (abort.signal.aborted) return;
      setResult({
        key,
        loaded: {
          status: 'error',
          message: error instanceof Error ? error.message : 'The file could not be read.',
        },
      });
    });
    return () => abort.abort();
  }, [url, file.size, enabled, key]);
  return result?.key === key ? result.loaded : { status: 'loading' };
}

function FilePreview({
  file,
  url,
  sizeLabel,
}: {
  file: BrowserFile;
  url: string;
  sizeLabel?: string;
}) {
  const kind = previewKind(file.path);
  const [attempt, setAttempt] = useState(0);
  const loaded = useFileText(file, url, kind !== 'image' && kind !== 'binary', attempt);
  return (
    <div>
      <div className="flex items-center gap-3 border-b border-zinc-200 px-4 py-2.5 dark:border-zinc-800">
        <h3 className="min-w-0 flex-1 truncate font-mono text-sm" title={file.path}>
          {file.path}
        </h3>
        <span className="text-xs whitespace-nowrap text-zinc-500 tabular-nums dark:text-zinc-400">
          {sizeLabel}
        </span>
        <a
          href={url}
          download
          className="inline-flex h-8 items-center gap-1.5 rounded-md border border-zinc-300 px-3 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          <Download className="h-4 w-4" aria-hidden />
          Download
        </a>
      </div>
      <div className="max-h-[70vh] overflow-auto">
        {kind === 'image' ? (
          <ImagePreview file={file} url={url} />
        ) : kind === 'binary' ? (
          <NoPreview />
        ) : loaded.status === 'loading' ? (
          <div className="space-y-2 p-4" aria-busy="true" aria-label="Loading preview">
            {[80, 65, 90, 50].map((width) => (
              <div
                key={width}
                className="h-3 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800"
                style={{ width: `${width}%` }}
              />
            ))}
          </div>
        ) : loaded.status === 'error' ? (
          <div className="space-y-3 p-4">
            <Alert tone="error">The preview could not be loaded. {loaded.message}</Alert>
            <Button variant="secondary" size="sm" onClick={() => setAttempt((n) => n + 1)}>
              <RotateCw className="h-4 w-4" aria-hidden />
              Retry
            </Button>
          </div>
        ) : loaded.binary ? (
          <NoPreview />
        ) : (
          <>
            {loaded.truncated && (
              <p className="border-b border-zinc-200 bg-zinc-50 px-4 py-2 text-xs text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900/60 dark:text-zinc-400">
                Showing the first 256 KB of {sizeLabel}. Download the file for all of it.
              </p>
            )}
            <TextPreview kind={kind} text={loaded.text} truncated={loaded.truncated} />
          </>
        )}
      </div>
    </div>
  );
}

const preClass =
  'm-0 p-4 font-mono text-xs leading-5 whitespace-pre text-zinc-800 dark:text-zinc-200';

function TextPreview({
  kind,
  text,
  truncated,
}: {
  kind: PreviewKind;
  text: string;
  truncated: boolean;
}) {
  if (text.length === 0) {
    return <p className="p-4 text-sm text-zinc-500 dark:text-zinc-400">This file is empty.</p>;
  }
  const pretty = kind === 'json' && !truncated ? prettyJson(text) : null;
  if (pretty !== null) {
    return (
      <pre className={preClass} data-preview="json">
        {pretty}
      </pre>
    );
  }
  if (kind === 'diff') {
    const tones = {
      add: 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-300',
      remove: 'bg-red-50 text-red-800 dark:bg-red-950/40 dark:text-red-300',
      hunk: 'bg-sky-50 text-sky-800 dark:bg-sky-950/40 dark:text-sky-300',
      meta: 'font-semibold text-zinc-600 dark:text-zinc-400',
      context: '',
    };
    return (
      <pre className="m-0 py-2 font-mono text-xs leading-5 whitespace-pre text-zinc-800 dark:text-zinc-200">
        {text.split('\n').map((line, index) => {
          const lineKind = diffLineKind(line);
          return (
            <div key={index} data-diff={lineKind} className={cn('px-4', tones[lineKind])}>
              {line || ' '}
            </div>
          );
        })}
      </pre>
    );
  }
  return <pre className={preClass}>{text}</pre>;
}

function ImagePreview({ file, url }: { file: BrowserFile; url: string }) {
  const [failed, setFailed] = useState(false);
  return (
    <div className="flex min-h-48 items-center justify-center bg-[repeating-conic-gradient(var(--color-zinc-100)_0_25%,transparent_0_50%)] bg-[length:16px_16px] p-4 dark:bg-[repeating-conic-gradient(var(--color-zinc-800)_0_25%,transparent_0_50%)]">
      {failed ? (
        <Alert tone="error">This image could not be shown. Download it to open it.</Alert>
      ) : (
        // An <img> never runs an SVG's scripts; the route also serves files with a sandbox CSP.
        // eslint-disable-next-line @next/next/no-img-element -- user files, not static assets
        <img
          src={url}
          alt={file.path}
          onError={() => setFailed(true)}
          className="max-h-[65vh] max-w-full object-contain"
        />
      )}
    </div>
  );
}

function NoPreview() {
  return (
    <p className="p-6 text-sm text-zinc-500 dark:text-zinc-400">
      No preview for this kind of file. Download it to open it.
    </p>
  );
}
