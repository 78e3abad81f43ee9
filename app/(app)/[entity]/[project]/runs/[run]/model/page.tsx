import { Network } from 'lucide-react';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { readModelSummary } from '@/lib/runs/model-summary';
import { loadFromParams, type RunParams } from '../load-run';

export const metadata = { title: 'Model' };

const count = new Intl.NumberFormat('en');
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 2 });

/** A shape sent as a list of dimensions reads like Keras prints it: [None, 64, 112, 112]. */
function shapeText(shape: string | null): string {
  if (!shape) return '–';
  if (!shape.startsWith('[')) return shape;
  try {
    const dims = JSON.parse(shape) as unknown;
    if (Array.isArray(dims))
      return `[${dims.map((d) => (d === null ? 'None' : String(d))).join(', ')}]`;
  } catch {
    // Text that only looks like JSON is shown as sent.
  }
  return shape;
}

function Total({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-xl border border-zinc-200 bg-white px-5 py-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums" title={count.format(value)}>
        {compact.format(value)}
      </p>
    </div>
  );
}

/** The layers of the run's model, with parameter counts and output shapes. */
export default async function RunModelPage(props: RunParams) {
  const { run } = await loadFromParams(props);
  const model = await readModelSummary(run.id);
  if (model.layers.length === 0) {
    return (
      <Card title="Model">
        <div className="flex flex-col items-center gap-3 py-8 text-center">
          <Network className="h-7 w-7 text-zinc-400" aria-hidden />
          <p className="text-sm font-medium">No model summary logged</p>
          <p className="max-w-md text-sm text-zinc-600 dark:text-zinc-400">
            Log your model&apos;s layers from the training script, and they appear here with their
            parameter counts and output shapes:
          </p>
          <pre className="max-w-full overflow-x-auto rounded-lg bg-zinc-950 px-4 py-3 text-left font-mono text-xs leading-5 text-zinc-100">
            {`run.setModelSummary([
  { name: 'conv1', type: 'Conv2d', parameterCount: 1792, outputShape: [null, 32, 30, 30] },
  { name: 'fc', type: 'Linear', parameterCount: 5130, outputShape: [null, 10] },
]);`}
          </pre>
        </div>
      </Card>
    );
  }
  const frozen = model.totalParameters - model.trainableParameters;
  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-3">
        <Total label="Total parameters" value={model.totalParameters} />
        <Total label="Trainable parameters" value={model.trainableParameters} />
        <Total label="Non-trainable parameters" value={frozen} />
      </div>
      <Card title={`Layers (${count.format(model.layers.length)})`}>
        <DataTable
          caption="Model layers"
          className="-mx-6 -my-5"
          columns={[
            { label: '#', className: 'w-14 pl-6' },
            'Name',
            'Type',
            { label: 'Output shape' },
            { label: 'Parameters', className: 'text-right pr-6' },
          ]}
        >
          {model.layers.map((layer) => (
            <tr key={layer.position}>
              <td className="py-2 pr-4 pl-6 text-zinc-500 tabular-nums dark:text-zinc-400">
                {layer.position + 1}
              </td>
              <td className="px-4 py-2 font-mono text-xs break-all">{layer.name}</td>
              <td className="px-4 py-2">{layer.type}</td>
              <td className="px-4 py-2 font-mono text-xs">{shapeText(layer.outputShape)}</td>
              <td className="py-2 pr-6 pl-4 text-right tabular-nums">
                {count.format(layer.parameterCount)}
                {layer.trainable === false && (
                  <span className="ml-2 rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">
                    frozen
                  </span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </Card>
    </div>
  );
}
