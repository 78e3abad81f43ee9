import { HardDrive, Trash2 } from 'lucide-react';
import Link from 'next/link';
import { deleteStoredItemAction } from '@/app/(app)/settings/storage/actions';
import { ActionButton } from '@/components/settings/action-button';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import type {
  ArtifactUsageRow,
  FileUsageRow,
  UsageBreakdown,
  UsageRow,
  UsageSort,
} from '@/lib/storage/usage-breakdown';
import { formatBytes } from '@/lib/storage/usage';

function SortLinks({ sort, basePath }: { sort: UsageSort; basePath: string }) {
  const sortLink = (to: UsageSort, label: string) =>
    sort === to ? (
      <span className="font-medium text-zinc-900 dark:text-zinc-100">{label}</span>
    ) : (
      <Link href={`${basePath}?sort=${to}`} className="hover:underline">
        {label}
      </Link>
    );
  return (
    <p className="mb-3 text-xs text-zinc-500 dark:text-zinc-400">
      Sort by {sortLink('size', 'size')} · {sortLink('name', 'name')}
    </p>
  );
}

function DeleteButton({
  fields,
  what,
  detail,
}: {
  fields: Record<string, string>;
  what: string;
  detail: string;
}) {
  return (
    <ActionButton
      action={deleteStoredItemAction}
      fields={fields}
      variant="ghost"
      label={`Delete ${what}`}
      showSuccess={false}
      confirm={{
        title: `Delete ${what}?`,
        description: detail,
        confirmLabel: 'Delete',
      }}
    >
      <Trash2 className="size-4" aria-hidden />
    </ActionButton>
  );
}

function ArtifactTable({
  rows,
  sort,
  basePath,
}: {
  rows: ArtifactUsageRow[];
  sort: UsageSort;
  basePath: string;
}) {
  return (
    <div>
      <SortLinks sort={sort} basePath={basePath} />
      <DataTable
        caption="Storage by artifact"
        className="-mx-6 -mb-5"
        columns={[
          { label: 'Artifact', className: 'pl-6' },
          { label: 'Versions', className: 'text-right' },
          { label: 'Size', className: 'text-right pr-6' },
        ]}
      >
        {rows.map((row) => (
          <tr key={row.href} className="align-top">
            <td className="py-2 pr-4 pl-6">
              <Link href={row.href} className="break-all hover:underline">
                {row.name}
              </Link>{' '}
              <span className="text-xs text-zinc-500 dark:text-zinc-400">{row.type}</span>
              <details className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                <summary className="cursor-pointer select-none">Versions</summary>
                <ul className="mt-1 space-y-1">
                  {row.versionRows.map((version) => (
                    <li key={version.label} className="flex items-center gap-3">
                      <span className="w-10 font-mono">{version.label}</span>
                      <span className="tabular-nums">
                        {version.files} {version.files === 1 ? 'file' : 'files'} ·{' '}
                        {formatBytes(version.bytes)}
                      </span>
                      {version.canDelete && (
                        <DeleteButton
                          fields={{ kind: 'artifact-version', ...version.target }}
                          what={`${row.name}:${version.label}`}
                          detail="The version's files, its aliases and its lineage go. Bytes no other file of this account holds are freed."
                        />
                      )}
                    </li>
                  ))}
                </ul>
              </details>
            </td>
            <td className="px-4 py-2 text-right tabular-nums">{row.versions}</td>
            <td className="py-2 pr-6 pl-4 text-right whitespace-nowrap tabular-nums">
              {formatBytes(row.bytes)}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

function FileTable({ rows }: { rows: FileUsageRow[] }) {
  return (
    <DataTable
      caption="Largest files"
      className="-mx-6 -mt-5 -mb-5"
      columns={[
        { label: 'File', className: 'pl-6' },
        { label: 'Size', className: 'text-right' },
        { label: 'Actions', srOnly: true, className: 'pr-6' },
      ]}
    >
      {rows.map((row) => (
        <tr key={row.name}>
          <td className="py-2 pr-4 pl-6">
            <Link href={row.href} className="break-all hover:underline">
              {row.name}
            </Link>
          </td>
          <td className="px-4 py-2 text-right whitespace-nowrap tabular-nums">
            {formatBytes(row.bytes)}
          </td>
          <td className="py-1 pr-6 text-right">
            {row.canDelete && (
              <DeleteButton
                fields={{ kind: 'file', ...row.target }}
                what={row.target.path}
                detail={`The file is removed from run ${row.target.run}. Its bytes are freed unless another file of this account holds the same content.`}
              />
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function UsageTable({
  caption,
  rows,
  sort,
  basePath,
}: {
  caption: string;
  rows: UsageRow[];
  sort: UsageSort;
  basePath: string;
}) {
  return (
    <div>
      <SortLinks sort={sort} basePath={basePath} />
      <DataTable
        caption={caption}
        className="-mx-6 -mb-5"
        columns={[
          { label: 'Name', className: 'pl-6' },
          { label: 'Files', className: 'text-right' },
          { label: 'Size', className: 'text-right pr-6' },
        ]}
      >
        {rows.map((row) => (
          <tr key={row.href}>
            <td className="py-2 pr-4 pl-6">
              <Link href={row.href} className="break-all hover:underline">
                {row.name}
              </Link>
            </td>
            <td className="px-4 py-2 text-right tabular-nums">{row.files}</td>
            <td className="py-2 pr-6 pl-4 text-right whitespace-nowrap tabular-nums">
              {formatBytes(row.bytes)}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

/** Used vs limit, and where the bytes go: the user and team settings' storage sections. */
export function StorageUsage({
  usage,
  sort,
  basePath,
}: {
  usage: UsageBreakdown;
  sort: UsageSort;
  basePath: string;
}) {
  const percent = usage.limitBytes > 0 ? (usage.usedBytes / usage.limitBytes) * 100 : 0;
  const barColor =
    percent >= 100 ? 'bg-red-500' : percent >= 80 ? 'bg-amber-500' : 'bg-zinc-900 dark:bg-zinc-100';
  return (
    <div className="space-y-6">
      <Card
        title="Storage used"
        description="Run files and artifacts. The same content saved several times is counted once."
      >
        <p className="text-2xl font-semibold tabular-nums">
          {formatBytes(usage.usedBytes)}{' '}
          <span className="text-base font-normal text-zinc-600 dark:text-zinc-400">
            of {formatBytes(usage.limitBytes)}
          </span>
        </p>
        <div
          className="mt-3 h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
          role="meter"
          aria-label="Storage used"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(Math.min(percent, 100))}
        >
          <div className={`h-full ${barColor}`} style={{ width: `${Math.min(percent, 100)}%` }} />
        </div>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          {percent < 0.1 && usage.usedBytes > 0 ? '< 0.1' : percent.toFixed(1)}% of the limit. An
          administrator can raise the limit on the admin page.
        </p>
      </Card>
      <Card title="By project">
        {usage.projects.length ? (
          <UsageTable
            caption="Storage by project"
            rows={usage.projects}
            sort={sort}
            basePath={basePath}
          />
        ) : (
          <EmptyState icon={HardDrive} title="Nothing stored yet">
            Files saved with run.save() are listed here by project and run.
          </EmptyState>
        )}
      </Card>
      {usage.runs.length > 0 && (
        <Card title="Largest runs" description="The 50 runs holding the most bytes">
          <UsageTable caption="Storage by run" rows={usage.runs} sort={sort} basePath={basePath} />
        </Card>
      )}
      {usage.artifacts.length > 0 && (
        <Card
          title="Artifacts"
          description="Bytes stored by each artifact's versions; open Versions to delete one"
        >
          <ArtifactTable rows={usage.artifacts} sort={sort} basePath={basePath} />
        </Card>
      )}
      {usage.files.length > 0 && (
        <Card title="Largest files" description="The 50 largest run files">
          <FileTable rows={usage.files} />
        </Card>
      )}
    </div>
  );
}
