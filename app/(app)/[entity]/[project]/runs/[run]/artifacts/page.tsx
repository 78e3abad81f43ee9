import { Boxes } from 'lucide-react';
import { RunArtifactTables, type RunArtifactRow } from '@/components/artifacts/run-artifact-tables';
import { Card } from '@/components/ui/card';
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

/** Rows for the client tables: labels formatted here, like the rest of the app prints them. */
async function toRows(versions: ArtifactVersionNode[]): Promise<RunArtifactRow[]> {
  return Promise.all(
    versions.map(async (v) => {
      const label = versionLabel(v.version);
      const { entity, project } = v.artifact.target;
      return {
        id: v.id,
        label: `${v.artifact.name}:${label}`,
        type: v.artifact.type,
        href: `/${encodeURIComponent(entity)}/${encodeURIComponent(project)}/artifacts/${encodeURIComponent(v.artifact.name)}/${label}`,
        sizeLabel: formatBytes(Number(v.size)),
        sizeTitle: `${Number(v.size).toLocaleString('en')} bytes in ${v.fileCount} file(s)`,
        aliases: (await aliasesOf(v.artifactId, v.id)).map((a) => ({
          alias: a.alias,
          protected: a.protected,
        })),
        createdLabel: dateTime.format(v.createdAt),
      };
    }),
  );
}

/** The run's inputs (artifact versions it used) and outputs (versions it logged). */
export default async function RunArtifactsPage(props: RunParams) {
  const { actor, run } = await loadFromParams(props);
  const [logged, used] = await Promise.all([
    artifactsOfRun(actor, run, 'logged').then(toRows),
    artifactsOfRun(actor, run, 'used').then(toRows),
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
  return <RunArtifactTables logged={logged} used={used} />;
}
