import { Activity, BarChart3, Bell, Boxes, Cpu, Users } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button-link';

const features = [
  {
    icon: Activity,
    title: 'Log every run',
    text: 'Config, metrics per step, console output and files from a few lines of code or the CLI.',
  },
  {
    icon: BarChart3,
    title: 'Charts that stay fast',
    text: 'Million-step histories, sampled on the server without hiding a single spike.',
  },
  {
    icon: Cpu,
    title: 'System metrics',
    text: 'CPU, memory, disk, network and GPU utilisation recorded beside your training.',
  },
  {
    icon: Boxes,
    title: 'Artifacts and models',
    text: 'Versioned datasets and models with lineage from the runs that made and used them.',
  },
  {
    icon: Bell,
    title: 'Crash alerts',
    text: 'Runs that stop sending heartbeats are marked crashed; your team hears by email or Slack.',
  },
  {
    icon: Users,
    title: 'Built for teams',
    text: 'Invite colleagues with roles, share reports, and export everything through GraphQL.',
  },
];

const snippet = `import { init } from '@sextant/sdk';

const run = await init({
  project: 'mnist',
  config: { lr: 3e-4, epochs: 10 },
});
for (let step = 0; step < 1000; step++) {
  run.log({ 'train/loss': loss(step) });
}
await run.finish();`;

export default async function LandingPage({
  searchParams,
}: {
  searchParams: Promise<{ notice?: string }>;
}) {
  const { notice } = await searchParams;
  return (
    <>
      {notice === 'account-deleted' && (
        <div className="mx-auto max-w-6xl px-6 pt-6">
          <Alert tone="success">Your account was deleted. Thank you for trying Sextant.</Alert>
        </div>
      )}
      <section className="mx-auto grid max-w-6xl gap-12 px-6 py-20 lg:grid-cols-2 lg:items-center lg:py-28">
        <div className="space-y-6">
          <p className="inline-flex items-center rounded-full border border-brand-100 bg-brand-50 px-3 py-1 text-xs font-medium text-brand-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-brand-500">
            Open, self-hostable experiment tracking
          </p>
          <h1 className="text-4xl font-semibold tracking-tight text-balance sm:text-5xl">
            Find your bearings in every experiment.
          </h1>
          <p className="max-w-xl text-lg text-zinc-600 dark:text-zinc-400">
            Sextant records your training runs, compares them side by side, and keeps your team in
            the loop — on your own servers, with one command.
          </p>
          <div className="flex flex-wrap gap-3">
            <ButtonLink href="/signup" size="lg">
              Get started free
            </ButtonLink>
            <ButtonLink href="/signin" size="lg" variant="secondary">
              Sign in
            </ButtonLink>
          </div>
        </div>
        <figure
          id="quickstart"
          className="overflow-hidden rounded-xl border border-zinc-200 bg-zinc-950 shadow-xl dark:border-zinc-800"
        >
          <figcaption className="flex items-center gap-2 border-b border-zinc-800 px-4 py-3 text-xs text-zinc-400">
            <span className="h-3 w-3 rounded-full bg-red-500/80" aria-hidden />
            <span className="h-3 w-3 rounded-full bg-amber-500/80" aria-hidden />
            <span className="h-3 w-3 rounded-full bg-emerald-500/80" aria-hidden />
            <span className="ml-2">train.ts</span>
          </figcaption>
          <pre className="overflow-x-auto p-5 text-sm leading-relaxed text-zinc-100">
            <code className="font-mono">{snippet}</code>
          </pre>
        </figure>
      </section>

      <section
        id="features"
        aria-labelledby="features-heading"
        className="border-t border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/40"
      >
        <div className="mx-auto max-w-6xl px-6 py-20">
          <h2 id="features-heading" className="text-2xl font-semibold tracking-tight">
            Everything a training run leaves behind, in one place
          </h2>
          <ul className="mt-10 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
            {features.map(({ icon: Icon, title, text }) => (
              <li
                key={title}
                className="rounded-xl border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900"
              >
                <Icon className="h-6 w-6 text-brand-600 dark:text-brand-500" aria-hidden />
                <h3 className="mt-4 font-medium">{title}</h3>
                <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{text}</p>
              </li>
            ))}
          </ul>
        </div>
      </section>
    </>
  );
}
