import { BookMarked, Download, Link2, Lock } from 'lucide-react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArtifactAliasEditor } from '@/components/artifacts/artifact-alias-editor';
import { DeleteArtifactVersion } from '@/components/artifacts/delete-artifact-version';
import { LinkToRegistry } from '@/components/registry/link-to-registry';
import { buildFileTree } from '@/components/runs/file-tree';
import { FilesBrowser } from '@/components/runs/run-files-browser';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { DataTable } from '@/components/ui/data-table';
import {
  canDeleteArtifactVersions,
  lineageOfVersion,
  producersOfVersions,
} from '@/lib/artifacts/artifact-pages';
import { resolveVersion } from '@/lib/artifacts/artifact-scope';
import {
  aliasesOf,
  filesOf,
  getArtifact,
  versionCanDownload,
  versionsOf,
} from '@/lib/artifacts/read-artifacts';
import { artifactFileUrl } from '@/lib/artifacts/use-artifact';
import { versionLabel } from '@/lib/artifacts/versions';
import { getCurrentActor } from '@/lib/auth/current-actor';
import type { Actor } from '@/lib/auth/actor';
import { isAppError } from '@/lib/errors';
import { registryLinkOptions } from '@/lib/registry/registry-pages';
import { formatBytes } from '@/lib/storage/usage';
import { ArtifactsBreadcrumb } from './artifacts-breadcrumb';

const dateTime = new Intl.DateTimeFormat('en', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

const linkClass = 'font-medium text-brand-700 hover:underline dark:text-brand-500';

async function load(entity: string, project: string, name: string, ref: string) {
  const actor = await getCurrentActor();
  try {
    const artifact = await getArtifact(actor, { entity, project }, name);
    const selected = await resolveVersion(artifact, ref);
    const [versions, aliases, canDelete, producers] = await Promise.all([
      versionsOf(artifact),
      aliasesOf(artifact.id),
      canDeleteArtifactVersions(actor, { entity, project }),
      producersOfVersions(artifact.id),
    ]);
    const version = versions.find((v) => v.id === selected.id)!;
    const [files, lineage, canDownload, registry] = await Promise.all([
      filesOf(version),
      lineageOfVersion(version.id),
      versionCanDownload(version),
      artifact.type === 'model' ? registryOf(actor, entity, version.id) : null,
    ]);
    return {
      artifact,
      versions,
      version,
      aliases,
      canDelete,
      producers,
      files,
      lineage,
      canDownload,
      registry,
    };
  } catch (error) {
    // Not found and not allowed look the same from outside.
    if (isAppError(error) && ['NOT_FOUND', 'UNAUTHENTICATED'].includes(error.code)) notFound();
    throw error;
  }
}

/** The registry links of a model version; null where the registry is not the viewer's to see. */
async function registryOf(actor: Actor, entity: string, versionId: string) {
  try {
    return await registryLinkOptions(actor, entity, versionId);
  } catch (error) {
    if (isAppError(error) && ['NOT_FOUND', 'UNAUTHENTICATED'].includes(error.code)) return null;
    throw error;
  }
}

/**
 * One artifact at one version (`latest` when the URL names none): its versions, the
 * selected one's files, metadata, aliases and lineage, and what the viewer may do with it.
 */
export async function ArtifactVersionView({
  entity,
  project,
  name,
  versionRef,
  initialPath,
}: {
  entity: string;
  project: string;
  name: string;
  versionRef: string;
  initialPath?: string;
}) {
  const {
    artifact,
    versions,
    version,
    aliases,
    canDelete,
    producers,
    files,
    lineage,
    canDownload,
    registry,
  } = await load(entity, project, name, versionRef);
  const label = versionLabel(version.version);
  const base = `/${entity}/${project}/artifacts/${encodeURIComponent(artifact.name)}`;
  const ref = { entity, project, artifact: artifact.name };
  const aliasesByVersion = new Map<string, typeof aliases>();
  for (const a of aliases)
    aliasesByVersion.set(a.version, [...(aliasesByVersion.get(a.version) ?? []), a]);
  const stored = files.filter((f) => f.sha256);
  const references = files.filter((f) => !f.sha256);
  const tree = buildFileTree(stored.map((f) => ({ path: f.path, size: f.size })));
  const sizeLabels: Record<string, string> = {};
  const labelSizes = (nodes: typeof tree) => {
    for (const node of nodes) {
      sizeLabels[node.path] = formatBytes(node.size);
      if (node.kind === 'folder') labelSizes(node.children);
    }
  };
  labelSizes(tree);
  // Per version: view-only members download the versions linked in the model registry.
  const downloadBase = canDownload ? artifactFileUrl(ref, label, '').replace(/\/$/, '') : null;
  const metadata = JSON.stringify(version.metadata ?? {}, null, 2);
  const runHref = (r: { entity: string; project: string; runId: string }) =>
    `/${encodeURIComponent(r.entity)}/${encodeURIComponent(r.project)}/runs/${encodeURIComponent(r.runId)}`;

  return (
    <div className="mx-auto max-w-6xl space-y-6 px-6 py-8">
      <div>
        <ArtifactsBreadcrumb entity={entity} project={project} artifact={artifact.name} />
        <header className="mt-2 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-3">
              <h1 className="font-mono text-2xl font-semibold tracking-tight break-all">
                {artifact.name}
                <span className="text-zinc-400 dark:text-zinc-500">:{label}</span>
              </h1>
              <span className="rounded-md bg-zinc-100 px-2 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
                {artifact.type}
              </span>
            </div>
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
              {artifact.description || 'No description.'}
            </p>
          </div>
          <div className="flex flex-wrap gap-2 sm:justify-end">
            {registry?.canLink && (
              <LinkToRegistry
                source={{ entity, project, artifact: artifact.name, version: label }}
                models={registry.models}
              />
            )}
            {canDownload && (
              // A plain link: a Next <Link> could prefetch the whole zip.
              <a
                href={`${artifactFileUrl(ref, label, '').replace(/\/files\/$/, '')}/download`}
                download
                className="inline-flex h-8 items-center gap-2 rounded-md border border-zinc-300 bg-white px-3 text-sm font-medium text-zinc-900 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
              >
                <Download className="h-4 w-4" aria-hidden />
                Download zip
              </a>
            )}
            {canDelete && (
              <DeleteArtifactVersion
                artifact={ref}
                version={label}
                lastVersion={versions.length === 1}
              />
            )}
          </div>
        </header>
      </div>

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card title={`Versions (${versions.length})`}>
          <DataTable
            caption={`Versions of ${artifact.name}`}
            className="-mx-6 -my-5"
            columns={[
              { label: 'Version', className: 'pl-6' },
              { label: 'Aliases' },
              { label: 'Size', className: 'text-right' },
              { label: 'Created (UTC)' },
              { label: 'Run', className: 'pr-6' },
            ]}
          >
            {versions.map((v) => {
              const vLabel = versionLabel(v.version);
              const current = v.id === version.id;
              return (
                <tr
                  key={v.id}
                  aria-current={current ? 'page' : undefined}
                  className={cn(
                    current
                      ? 'bg-brand-50 dark:bg-zinc-800/70'
                      : 'hover:bg-zinc-50 dark:hover:bg-zinc-800/40',
                  )}
                >
                  <td className="py-2 pr-4 pl-6 font-mono text-xs">
                    <Link href={`${base}/${vLabel}`} className={linkClass}>
                      {vLabel}
                    </Link>
                  </td>
                  <td className="px-4 py-2">
                    <div className="flex flex-wrap gap-1">
                      {(aliasesByVersion.get(vLabel) ?? []).map((a) => (
                        <span
                          key={a.alias}
                          className="inline-flex items-center gap-1 rounded-full border border-zinc-200 px-2 py-0.5 font-mono text-xs text-zinc-700 dark:border-zinc-700 dark:text-zinc-300"
                        >
                          {a.protected && <Lock className="h-3 w-3" aria-label="protected" />}
                          {a.alias}
                        </span>
                      ))}
                    </div>
                  </td>
                  <td className="px-4 py-2 text-right whitespace-nowrap tabular-nums">
                    {formatBytes(Number(v.size))}
                  </td>
                  <td className="px-4 py-2 whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                    {dateTime.format(v.createdAt)}
                  </td>
                  <td className="py-2 pr-6 pl-4 font-mono text-xs">
                    {producers.get(v.id) ? (
                      <Link
                        href={runHref(producers.get(v.id)!)}
                        title={producers.get(v.id)!.name}
                        className={linkClass}
                      >
                        {producers.get(v.id)!.runId}
                      </Link>
                    ) : (
                      <span className="text-zinc-400">—</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        </Card>

        <div className="space-y-6">
          <Card title={`Aliases of ${label}`}>
            <ArtifactAliasEditor
              artifact={ref}
              version={label}
              aliases={(aliasesByVersion.get(label) ?? []).map((a) => ({
                alias: a.alias,
                protected: a.protected,
              }))}
              elsewhere={Object.fromEntries(
                aliases.filter((a) => a.version !== label).map((a) => [a.alias, a.version]),
              )}
              canEdit={artifact.canEdit}
              canProtect={artifact.canManageProtectedAliases}
            />
          </Card>
          {registry && (
            <Card title="Model registry">
              {registry.linkedAs.length === 0 ? (
                <p className="text-sm text-zinc-600 dark:text-zinc-400">
                  {label} is not linked to a registered model
                  {registry.canLink ? ' yet: use “Link to registry” above.' : '.'}
                </p>
              ) : (
                <ul aria-label={`Registry links of ${label}`} className="space-y-1.5 text-sm">
                  {registry.linkedAs.map((l) => (
                    <li key={l.model} className="flex items-center gap-2">
                      <BookMarked className="h-4 w-4 text-zinc-400" aria-hidden />
                      <Link
                        href={`/teams/${encodeURIComponent(entity)}/registry/${encodeURIComponent(l.model)}`}
                        className={`${linkClass} font-mono text-xs`}
                      >
                        {l.model}:{l.version}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          )}
          <Card title="Lineage">
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
                  Produced by
                </dt>
                <dd className="mt-1">
                  {lineage.producedBy ? (
                    <Link href={runHref(lineage.producedBy)} className={linkClass}>
                      {lineage.producedBy.name}
                    </Link>
                  ) : (
                    <span className="text-zinc-500 dark:text-zinc-400">
                      No run (it was deleted, or the version was not logged from one).
                    </span>
                  )}
                </dd>
              </div>
              <div>
                <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
                  Used by ({lineage.usedBy.length})
                </dt>
                <dd className="mt-1">
                  {lineage.usedBy.length === 0 ? (
                    <span className="text-zinc-500 dark:text-zinc-400">
                      No run has used this version yet (run.useArtifact).
                    </span>
                  ) : (
                    <ul aria-label="Runs that used this version" className="space-y-1">
                      {lineage.usedBy.map((r) => (
                        <li key={`${r.project}/${r.runId}`}>
                          <Link href={runHref(r)} className={linkClass}>
                            {r.name}
                          </Link>
                          {r.project !== project && (
                            <span className="text-zinc-500 dark:text-zinc-400">
                              {' '}
                              in {r.project}
                            </span>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
            </dl>
          </Card>
        </div>
      </div>

      <Card
        title="Metadata"
        description={`${formatBytes(Number(version.size))} in ${version.fileCount} file(s) · digest ${version.digest.slice(0, 12)}`}
      >
        <pre
          aria-label="Metadata"
          className="max-h-80 overflow-auto rounded-lg bg-zinc-50 p-4 font-mono text-xs leading-5 text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200"
        >
          {metadata}
        </pre>
      </Card>

      <section className="space-y-3">
        <h2 className="text-base font-semibold">Files ({stored.length})</h2>
        {stored.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            This version stores no files, only references.
          </p>
        ) : (
          <FilesBrowser
            key={version.id}
            tree={tree}
            sizeLabels={sizeLabels}
            downloadBase={downloadBase}
            initialPath={initialPath}
            label={`Files of ${artifact.name}:${label}`}
          />
        )}
        {references.length > 0 && (
          <Card title={`References (${references.length})`}>
            <ul className="space-y-1.5 text-sm">
              {references.map((r) => (
                <li key={r.path} className="flex flex-wrap items-center gap-2">
                  <Link2 className="h-4 w-4 text-zinc-400" aria-hidden />
                  <span className="font-mono text-xs">{r.path}</span>
                  <span className="font-mono text-xs break-all text-zinc-500 dark:text-zinc-400">
                    → {r.uri}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </section>
    </div>
  );
}
