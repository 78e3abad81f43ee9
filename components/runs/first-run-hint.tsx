import { Terminal } from 'lucide-react';
import Link from 'next/link';

/** What a newcomer sees in an empty project: the three lines that log a run to it. */
export function FirstRunHint({
  entity,
  project,
  baseUrl,
}: {
  entity: string;
  project: string;
  baseUrl: string;
}) {
  const code = `import sextant
sextant.init(entity="${entity}", project="${project}", config={"lr": 3e-4})
sextant.log({"train/loss": 0.5})`;
  return (
    <div className="rounded-xl border border-dashed border-zinc-300 bg-white px-6 py-10 dark:border-zinc-700 dark:bg-zinc-950">
      <div className="mx-auto max-w-xl">
        <div className="flex items-center gap-2">
          <Terminal className="h-5 w-5 text-zinc-400" aria-hidden />
          <h2 className="text-base font-semibold">Log your first run</h2>
        </div>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          No runs in this project yet. Set{' '}
          <code className="font-mono text-xs">SEXTANT_API_KEY</code> to a key from{' '}
          <Link
            href="/settings/api-keys"
            className="font-medium text-brand-700 hover:underline dark:text-brand-500"
          >
            Settings → API keys
          </Link>{' '}
          and <code className="font-mono text-xs">SEXTANT_BASE_URL={baseUrl}</code>, then run:
        </p>
        <pre className="mt-4 overflow-x-auto rounded-lg bg-zinc-950 p-4 font-mono text-xs leading-relaxed text-zinc-100 dark:bg-zinc-900">
          <code>{code}</code>
        </pre>
        <p className="mt-3 text-xs text-zinc-500 dark:text-zinc-400">
          Or wrap any program:{' '}
          <code className="font-mono">sextant run --project {project} -- python3 train.py</code>
        </p>
      </div>
    </div>
  );
}
