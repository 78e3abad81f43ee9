import { BookMarked, ShieldCheck } from 'lucide-react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RegistryList } from '@/components/registry/registry-list';
import { RegistryAdminToggle } from '@/components/teams/registry-admin-toggle';
import { Card } from '@/components/ui/card';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { isAppError } from '@/lib/errors';
import { registryAdminsOf } from '@/lib/registry/registry-admins';
import { summarizeRegistry } from '@/lib/registry/registry-pages';
import { RegistryBreadcrumb } from './registry-breadcrumb';

/*
 * /teams/<name>/registry: a team's (or a person's) model registry. It lives under /teams/
 * rather than /<name>/registry, where it would hide a project called "registry".
 */

type Params = { params: Promise<{ team: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Model registry · ${(await params).team}` };
}

const dateTime = new Intl.DateTimeFormat('en', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

const roleLabels = { ADMIN: 'Team admin', MEMBER: 'Member', VIEW_ONLY: 'View-only' } as const;

export default async function RegistryPage({ params }: Params) {
  const { team } = await params;
  const actor = await getCurrentActor();
  const registry = await summarizeRegistry(actor, team).catch((error: unknown) => {
    // Not found and not allowed look the same from outside.
    if (isAppError(error) && ['NOT_FOUND', 'UNAUTHENTICATED'].includes(error.code)) notFound();
    throw error;
  });
  const admins = await registryAdminsOf(actor, team);
  const owner = registry.isTeam ? 'the team' : registry.entity;
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-6 py-8">
      <div>
        <RegistryBreadcrumb entity={registry.entity} />
        <h1 className="mt-2 text-3xl font-semibold tracking-tight">Model registry</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          The models {owner} ships: each registered model links model artifact versions from runs,
          with aliases such as production that deployments follow.
        </p>
      </div>
      {registry.models.length === 0 ? (
        <Card>
          <div className="flex flex-col items-center gap-3 py-8 text-center">
            <BookMarked className="h-7 w-7 text-zinc-400" aria-hidden />
            <p className="text-sm font-medium">No registered models yet</p>
            <p className="max-w-lg text-sm text-zinc-600 dark:text-zinc-400">
              Log a model artifact from a run, open its version page and choose “Link to registry”,
              or link it through the API. Each link becomes the next version of the registered
              model, and latest follows it.
            </p>
            <pre className="max-w-full overflow-x-auto rounded-lg bg-zinc-950 px-4 py-3 text-left font-mono text-xs leading-5 text-zinc-100">
              {`await run.logArtifact({ name: 'resnet', type: 'model', files: ['model.pt'] });

// then link it, e.g. through GraphQL (POST /api/graphql with an API key):
mutation {
  linkModelVersion(entity: "${registry.entity}", model: "resnet", create: true,
    project: "<project>", artifact: "resnet", version: "latest", aliases: ["staging"]) {
    name
  }
}`}
            </pre>
          </div>
        </Card>
      ) : (
        <RegistryList
          basePath={`/teams/${encodeURIComponent(registry.entity)}/registry`}
          rows={registry.models.map((m) => ({
            name: m.name,
            description: m.description,
            latest: m.latest,
            versionCount: m.versionCount,
            aliases: m.aliases,
            updatedLabel: dateTime.format(m.updatedAt),
            updatedIso: m.updatedAt.toISOString(),
          }))}
        />
      )}
      {admins && (
        <Card
          title="Registry admins"
          description="Registry admins protect and unprotect aliases such as production, and move or remove protected ones. Team admins and registry admins choose them."
        >
          <ul
            aria-label="Registry admins"
            className="-my-2 divide-y divide-zinc-100 dark:divide-zinc-800"
          >
            {admins.map((m) => (
              <li key={m.userId} className="flex items-center gap-3 py-2.5">
                <div className="min-w-0 flex-1">
                  <p className="text-sm font-medium break-words">
                    {m.name || m.username}
                    {m.isRegistryAdmin && (
                      <ShieldCheck
                        className="ml-1.5 inline h-4 w-4 align-[-3px] text-amber-600 dark:text-amber-400"
                        aria-label="registry admin"
                      />
                    )}
                  </p>
                  <p className="text-xs text-zinc-500 dark:text-zinc-400">
                    @{m.username} · {roleLabels[m.role]}
                  </p>
                </div>
                <RegistryAdminToggle
                  teamName={registry.entity}
                  userId={m.userId}
                  username={m.username}
                  enabled={m.isRegistryAdmin}
                />
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
