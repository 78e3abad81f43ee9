import { Boxes, Lock } from 'lucide-react';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import {
  aliasesOf,
  artifactsOfRun,
  type ArtifactVersionNode,
} from '@/lib/artifacts/read-artifacts';
import { versionLabel } from '@/lib/artifacts/versions';
import { formatBytes } from '@/lib/storage/usage';
import { loadFromParams, type RunParams } from '../load-run';

export const metadata = { title: 'Artifacts' };

const dateTime = new Intl.DateTimeFormat('en', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

type Row = ArtifactVersionNode & { aliases: { alias: string; protected: boolean }[] };

async function withAliases(versions: ArtifactVersionNode[]): Promise<Row[]> {
  return Promise.all(
    versions.map(async (v) => ({ ...v, aliases: await aliasesOf(v.artifactId, v.id) })),
  );
}

/** The run's inputs (artifact versions it used) and outputs (versions it logged). */
export default async function RunArtifactsPage(props: RunParams) {
  const { actor, run } = await loadFromParams(props);
  const [logged, used] = await Promise.all([
    artifactsOfRun(actor, run, 'logged').then(withAliases),
    artifactsOfRun(actor, run, 'used').then(withAliases),
  ]);
  if (logged.length === 0 && used.length === 0) {
    return (
      <Card title="Artifacts">
        <EmptyState icon={Boxes} title="No artifacts logged by or used in this run">
          Datasets and models that the run logs with run.logArtifact() or reads with
          run.useArtifact() are listed here, with their versions.
        </EmptyState>
      </Card>
    );
  }
  return (
    <div className="flex flex-col gap-6">
      <ArtifactTable
        title="Logged by this run"
        empty="This run logged no artifacts."
        caption="Artifacts logged by this run"
        rows={logged}
      />
      <ArtifactTable
        title="Used by this run"
        empty="This run used no artifacts as inputs."
        caption="Artifacts used by this run"
        rows={used}
      />
    </div>
  );
}

function ArtifactTable({
  title,
  empty,
  caption,
  rows,
}: {
  title: string;
  empty: string;
  caption: string;
  rows: Row[];
}) {
  if (rows.length === 0) {
    return (
      <Card title={title}>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>
      </Card>
    );
  }
  return (
    <Card title={`${title} (${rows.length})`}>
      <DataTable
        caption={caption}
        className="-mx-6 -my-5"
        columns={[
          { label: 'Artifact', className: 'pl-6' },
          { label: 'Type' },
          { label: 'Size', className: 'text-right' },
          { label: 'Aliases' },
          { label: 'Created (UTC)', className: 'pr-6' },
        ]}
      >
        {rows.map((row) => (
          <tr key={row.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
            <td className="py-2 pr-4 pl-6 font-mono text-xs break-all text-zinc-900 dark:text-zinc-100">
              {row.artifact.name}:{versionLabel(row.version)}
            </td>
            <td className="px-4 py-2">
              <span className="rounded-md bg-zinc-100 px-2 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
                {row.artifact.type}
              </span>
            </td>
            <td
              className="px-4 py-2 text-right whitespace-nowrap tabular-nums"
              title={`${Number(row.size).toLocaleString('en')} bytes in ${row.fileCount} file(s)`}
            >
              {formatBytes(Number(row.size))}
            </td>
            <td className="px-4 py-2">
              <div className="flex flex-wrap gap-1">
                {row.aliases.length === 0 && <span className="text-zinc-400">—</span>}
                {row.aliases.map((a) => (
                  <span
                    key={a.alias}
                    title={a.protected ? 'Protected: only registry admins change it' : undefined}
                    className="inline-flex items-center gap-1 rounded-full border border-zinc-200 px-2 py-0.5 font-mono text-xs text-zinc-700 dark:border-zinc-700 dark:text-zinc-300"
                  >
                    {a.protected && <Lock className="h-3 w-3" aria-label="protected" />}
                    {a.alias}
                  </span>
                ))}
              </div>
            </td>
            <td className="py-2 pr-6 pl-4 whitespace-nowrap text-zinc-600 dark:text-zinc-400">
              {dateTime.format(row.createdAt)}
            </td>
          </tr>
        ))}
      </DataTable>
    </Card>
  );
}
