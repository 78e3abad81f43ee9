import { HardDrive } from 'lucide-react';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import type { UsageBreakdown, UsageRow, UsageSort } from '@/lib/storage/usage-breakdown';
import { formatBytes } from '@/lib/storage/usage';

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
  const sortLink = (to: UsageSort, label: string) =>
    sort === to ? (
      <span className="font-medium text-zinc-900 dark:text-zinc-100">{label}</span>
    ) : (
      <Link href={`${basePath}?sort=${to}`} className="hover:underline">
        {label}
      </Link>
    );
  return (
    <div>
      <p className="mb-3 text-xs text-zinc-500 dark:text-zinc-400">
        Sort by {sortLink('size', 'size')} · {sortLink('name', 'name')}
      </p>
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
        description="Files saved to runs. The same content saved by several runs is counted once."
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
    </div>
  );
}
