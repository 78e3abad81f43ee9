import { Download, Lock } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AliasChip } from '@/components/registry/alias-chip';
import { ModelAliasEditor } from '@/components/registry/model-alias-editor';
import { ModelDescriptionEditor } from '@/components/registry/model-description-editor';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import { registeredModelPage } from '@/lib/registry/registry-pages';
import { RegistryBreadcrumb } from '../registry-breadcrumb';

type Params = { params: Promise<{ team: string; model: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { team, model } = await params;
  return { title: `${decodeURIComponent(model)} · Model registry · ${team}` };
}

const dateTime = new Intl.DateTimeFormat('en', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

const linkClass = 'font-medium text-brand-700 hover:underline dark:text-brand-500';

/** One registered model: its versions (each a linked artifact version) and its aliases. */
export default async function RegisteredModelPage({ params }: Params) {
  const { team, model: modelParam } = await params;
  const actor = await getCurrentActor();
  const model = await registeredModelPage(actor, team, decodeURIComponent(modelParam)).catch(
    (error: unknown) => {
      if (isAppError(error) && ['NOT_FOUND', 'UNAUTHENTICATED'].includes(error.code)) notFound();
      throw error;
    },
  );
  const ref = { entity: model.entity, model: model.name };
  const aliasesByVersion = new Map<string, typeof model.aliases>();
  for (const a of model.aliases)
    aliasesByVersion.set(a.version, [...(aliasesByVersion.get(a.version) ?? []), a]);
  const { rights } = model;

  return (
    <div className="mx-auto max-w-6xl space-y-6 px-6 py-8">
      <div>
        <RegistryBreadcrumb entity={model.entity} model={model.name} />
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="font-mono text-2xl font-semibold tracking-tight break-all">
            {model.name}
          </h1>
          <span className="rounded-md bg-zinc-100 px-2 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
            registered model
          </span>
          {rights.canManageProtectedAliases && (
            <span className="inline-flex items-center gap-1 rounded-md bg-amber-50 px-2 py-0.5 text-xs text-amber-800 dark:bg-amber-950/40 dark:text-amber-300">
              <Lock className="h-3 w-3" aria-hidden />
              You are a registry admin
            </span>
          )}
        </div>
        <div className="mt-2">
          <ModelDescriptionEditor
            model={ref}
            description={model.description}
            canEdit={rights.canAddModels}
          />
        </div>
        <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
          Registered {dateTime.format(model.createdAt)} UTC · {model.versions.length}{' '}
          {model.versions.length === 1 ? 'version' : 'versions'}
        </p>
      </div>

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Card title={`Versions (${model.versions.length})`}>
          {model.versions.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              No version linked yet. Open a model artifact’s version page and choose “Link to
              registry”.
            </p>
          ) : (
            <DataTable
              caption={`Versions of ${model.name}`}
              className="-mx-6 -my-5"
              columns={[
                { label: 'Version', className: 'pl-6' },
                { label: 'Aliases' },
                { label: 'Artifact' },
                { label: 'Source run' },
                { label: 'Linked' },
                { label: 'Download', srOnly: true, className: 'pr-6' },
              ]}
            >
              {model.versions.map((v) => (
                <tr key={v.version} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
                  <td className="py-2 pr-4 pl-6 font-mono text-xs font-medium">{v.version}</td>
                  <td className="px-4 py-2">
                    <div className="flex flex-wrap gap-1">
                      {(aliasesByVersion.get(v.version) ?? []).map((a) => (
                        <AliasChip key={a.alias} alias={a.alias} protected={a.protected} />
                      ))}
                    </div>
                  </td>
                  <td className="px-4 py-2 font-mono text-xs">
                    {v.artifact ? (
                      <Link
                        href={v.artifact.href}
                        title={`${v.artifact.entity}/${v.artifact.project}`}
                        className={linkClass}
                      >
                        {v.artifact.name}:{v.artifact.version}
                      </Link>
                    ) : (
                      <span className="text-zinc-400" title="Its project is not visible to you">
                        hidden
                      </span>
                    )}
                  </td>
                  <td className="px-4 py-2 font-mono text-xs">
                    {v.producedBy ? (
                      <Link
                        href={v.producedBy.href}
                        title={v.producedBy.name}
                        className={linkClass}
                      >
                        {v.producedBy.runId}
                      </Link>
                    ) : (
                      <span className="text-zinc-400">—</span>
                    )}
                  </td>
                  <td className="px-4 py-2 whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                    <time dateTime={v.createdAt.toISOString()} title={dateTime.format(v.createdAt)}>
                      {date.format(v.createdAt)}
                    </time>
                  </td>
                  <td className="py-2 pr-6 pl-4 text-right">
                    {v.downloadHref && (
                      // A plain link: a Next <Link> could prefetch the whole zip.
                      <a
                        href={v.downloadHref}
                        download
                        aria-label={`Download ${model.name}:${v.version}`}
                        className="inline-flex h-7 items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2 text-xs font-medium text-zinc-900 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
                      >
                        <Download className="h-3.5 w-3.5" aria-hidden />
                        Zip
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </Card>

        <Card
          title="Aliases"
          description={
            rights.canManageProtectedAliases
              ? 'Protect an alias so that only registry admins can move or remove it.'
              : 'Protected aliases only registry admins move or remove.'
          }
        >
          <ModelAliasEditor
            model={ref}
            aliases={model.aliases}
            versions={model.versions.map((v) => v.version)}
            canEdit={rights.canEditAliases}
            canProtect={rights.canManageProtectedAliases}
          />
        </Card>
      </div>
    </div>
  );
}
