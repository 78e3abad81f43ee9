import { Boxes } from 'lucide-react';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { loadFromParams, type RunParams } from '../load-run';

export const metadata = { title: 'Artifacts' };

/** Inputs and outputs of the run; filled once artifacts are logged (a later issue). */
export default async function RunArtifactsPage(props: RunParams) {
  await loadFromParams(props);
  return (
    <Card title="Artifacts">
      <EmptyState icon={Boxes} title="No artifacts logged by or used in this run">
        Datasets and models that the run logs or uses as inputs will be listed here, with their
        versions.
      </EmptyState>
    </Card>
  );
}
