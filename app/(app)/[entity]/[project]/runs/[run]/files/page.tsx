import { Download, FileText, FolderOpen } from 'lucide-react';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { listFilesOfRun } from '@/lib/files/run-files';
import { formatBytes } from '@/lib/storage/usage';
import { loadFromParams, type RunParams } from '../load-run';

export const metadata = { title: 'Files' };

const dateTime = new Intl.DateTimeFormat('en', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** The files saved to the run (`run.save(path)`), with their sizes and download links. */
export default async function RunFilesPage(props: RunParams) {
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
  return (
    <Card
      title={`Files (${files.length})`}
      description={`${formatBytes(total)} in total. Content is stored once however many runs save it.`}
    >
      <DataTable
        caption="Run files"
        className="-mx-6 -my-5"
        columns={[
          { label: 'Path', className: 'pl-6' },
          { label: 'Size', className: 'text-right' },
          { label: 'Updated (UTC)' },
          { label: 'Download', srOnly: true, className: 'pr-6' },
        ]}
      >
        {files.map((file) => (
          <tr key={file.path} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
            <td className="py-2 pr-4 pl-6">
              <a
                href={file.downloadUrl}
                className="inline-flex items-center gap-2 font-mono text-xs break-all text-zinc-900 hover:underline dark:text-zinc-100"
              >
                <FileText className="h-4 w-4 shrink-0 text-zinc-400" aria-hidden />
                {file.path}
              </a>
            </td>
            <td
              className="px-4 py-2 text-right whitespace-nowrap tabular-nums"
              title={`${file.size.toLocaleString('en')} bytes`}
            >
              {formatBytes(file.size)}
            </td>
            <td className="px-4 py-2 whitespace-nowrap text-zinc-600 dark:text-zinc-400">
              {dateTime.format(file.updatedAt)}
            </td>
            <td className="py-2 pr-6 pl-4 text-right">
              <a
                href={file.downloadUrl}
                download
                aria-label={`Download ${file.path}`}
                title={`Download · sha256 ${file.sha256.slice(0, 12)}…`}
                className="inline-flex h-8 w-8 items-center justify-center rounded-md text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
              >
                <Download className="h-4 w-4" aria-hidden />
              </a>
            </td>
          </tr>
        ))}
      </DataTable>
    </Card>
  );
}
