import { Cloud, Server } from 'lucide-react';
import type { Metadata } from 'next';
import { RelativeTime } from '@/components/settings/relative-time';
import { SettingsPageHeader } from '@/components/settings/settings-page-header';
import {
  RemoveStorageConnectorButton,
  StorageConnectorForm,
} from '@/components/storage/storage-connector-form';
import { TeamAdminsOnly } from '@/components/teams/team-admins-only';
import { Card } from '@/components/ui/card';
import { getTeamStorageConnector } from '@/lib/storage/connectors/team-storage-connector';
import { loadTeamSettings } from '../load-team';

export const metadata: Metadata = { title: 'Storage' };

/** Where the team's files and artifacts are stored: the instance's storage or the team's bucket. */
export default async function TeamStoragePage({ params }: { params: Promise<{ team: string }> }) {
  const { actor, team } = await loadTeamSettings((await params).team);
  if (!team.viewerCanManage) return <TeamAdminsOnly team={team} />;
  const connector = await getTeamStorageConnector(actor, team.name);

  return (
    <>
      <SettingsPageHeader
        title="Storage"
        description="Where the team's run files and artifacts are stored. Connect your own S3-compatible bucket to keep the team's data under your control."
      />
      <div className="space-y-6">
        <Card title="Current storage">
          {connector ? (
            <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
              <div className="flex min-w-0 items-start gap-3">
                <Cloud className="mt-0.5 h-5 w-5 shrink-0 text-brand-600" aria-hidden />
                <dl className="grid min-w-0 grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                  <dt className="text-zinc-500 dark:text-zinc-400">Bucket</dt>
                  <dd className="font-mono break-all">
                    {connector.bucket}
                    {connector.prefix && (
                      <span className="text-zinc-500 dark:text-zinc-400">/{connector.prefix}</span>
                    )}
                  </dd>
                  <dt className="text-zinc-500 dark:text-zinc-400">Endpoint</dt>
                  <dd className="font-mono break-all">{connector.endpoint}</dd>
                  <dt className="text-zinc-500 dark:text-zinc-400">Region</dt>
                  <dd>
                    {connector.region}
                    {connector.forcePathStyle && ' · path-style URLs'}
                  </dd>
                  <dt className="text-zinc-500 dark:text-zinc-400">Access key</dt>
                  <dd className="font-mono">{connector.accessKeyHint}</dd>
                  <dt className="text-zinc-500 dark:text-zinc-400">Connected</dt>
                  <dd>
                    <RelativeTime date={connector.createdAt} />
                    {connector.createdBy && ` by ${connector.createdBy}`}
                  </dd>
                </dl>
              </div>
              <RemoveStorageConnectorButton teamName={team.name} />
            </div>
          ) : (
            <div className="flex items-start gap-3">
              <Server className="mt-0.5 h-5 w-5 shrink-0 text-zinc-400" aria-hidden />
              <div className="text-sm">
                <p className="font-medium">This instance&apos;s storage</p>
                <p className="mt-1 text-zinc-600 dark:text-zinc-400">
                  The team has no bucket of its own. Files and artifacts are stored with the rest of
                  this Sextant instance&apos;s data.
                </p>
              </div>
            </div>
          )}
        </Card>

        <Card
          title={connector ? 'Replace the bucket' : 'Connect a bucket'}
          description={
            <>
              Saving writes, reads and deletes a small test object, and stores nothing unless that
              works. New uploads then go to the bucket; files stored earlier stay where they are and
              remain downloadable. The keys need <code>s3:PutObject</code>,{' '}
              <code>s3:GetObject</code> and <code>s3:DeleteObject</code> (plus multipart uploads).
            </>
          }
        >
          <StorageConnectorForm teamName={team.name} current={connector} />
        </Card>
      </div>
    </>
  );
}
