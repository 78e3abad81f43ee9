import { FolderOpen } from 'lucide-react';
import { buildFileTree } from '@/components/runs/file-tree';
import { FilesBrowser } from '@/components/runs/run-files-browser';
import { Card } from '@/components/ui/card';
import { listFilesOfRun, runFileDownloadUrl } from '@/lib/files/run-files';
import { formatBytes } from '@/lib/storage/usage';
import { loadFromParams, type RunParams } from '../load-run';

export const metadata = { title: 'Files' };

/**
 * The files saved to the run (`run.save(path)`): a tree with sizes and a preview of the
 * selected file (`?path=` picks it). Previews read the download route, so they follow the
 * same permissions as downloads.
 */
export default async function RunFilesPage(
  props: RunParams & { searchParams: Promise<{ path?: string | string[] }> },
) {
  const { run, project } = await loadFromParams(props);
  const files = await listFilesOfRun({
    entity: { id: project.entityId, name: project.entityName },
    project,
    run,
  });
  if (files.length === 0) {
    return (
      <Card title="Files">
        <div className="flex flex-col items-center gap-3 py-8 text-center">
          <FolderOpen className="h-7 w-7 text-zinc-400" aria-hidden />
          <p className="text-sm font-medium">No files saved</p>
          <p className="max-w-md text-sm text-zinc-600 dark:text-zinc-400">
            Save checkpoints, configs or results from the training script, and they appear here to
            download. Uploads resume after network failures.
          </p>
          <pre className="max-w-full overflow-x-auto rounded-lg bg-zinc-950 px-4 py-3 text-left font-mono text-xs leading-5 text-zinc-100">
            {`run.save('model.pt', { policy: 'end' });   // TypeScript
sextant.save('model.pt')                     # Python
sextant save --project ${project.name} --run ${run.runId} model.pt`}
          </pre>
        </div>
      </Card>
    );
  }
  const total = files.reduce((sum, file) => sum + file.size, 0);
  const tree = buildFileTree(files.map((file) => ({ path: file.path, size: file.size })));
  // Formatted here so the client prints sizes exactly like the rest of the app.
  const sizeLabels: Record<string, string> = {};
  const label = (nodes: typeof tree) => {
    for (const node of nodes) {
      sizeLabels[node.path] = formatBytes(node.size);
      if (node.kind === 'folder') label(node.children);
    }
  };
  label(tree);
  const { path: initialPath } = await props.searchParams;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-base font-semibold">Files ({files.length})</h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {formatBytes(total)} in total. Content is stored once however many runs save it.
        </p>
      </div>
      <FilesBrowser
        tree={tree}
        downloadBase={runFileDownloadUrl(
          { entity: project.entityName, project: project.name, run: run.runId },
          '',
        ).replace(/\/$/, '')}
        sizeLabels={sizeLabels}
        initialPath={typeof initialPath === 'string' ? initialPath : undefined}
      />
    </div>
  );
}
