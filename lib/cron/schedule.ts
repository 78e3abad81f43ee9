/**
 * Every cron route and how often it should run. `npm start` calls them in-process on a
 * timer (scripts/support/cron-timer.ts); hosted deployments use an external scheduler with
 * the same list (vercel.json). Routes are idempotent and lock rows, so overlap is harmless.
 */
export const cronJobs = [
  { path: '/api/cron/email-outbox', everySeconds: 60, cron: '* * * * *' },
  { path: '/api/cron/crash-detection', everySeconds: 60, cron: '* * * * *' },
  // Alerts should arrive soon after the event; a hosted cron cannot go below a minute.
  { path: '/api/cron/alerts', everySeconds: 20, cron: '* * * * *' },
  // Bounded batches; hourly keeps up with deletes and leaves the 24 h blob grace intact.
  { path: '/api/cron/storage', everySeconds: 3600, cron: '0 * * * *' },
] as const;
