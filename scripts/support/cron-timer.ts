import { cronJobs } from '../../lib/cron/schedule';

/**
 * Calls each cron route on its interval, the way an external scheduler would (HTTP with the
 * bearer secret), so a single-machine install needs no scheduler of its own.
 */
export function startCronTimer(options: {
  baseUrl: string;
  secret: string;
  log: (line: string) => void;
}): () => void {
  const timers = cronJobs.map((job) => {
    let running = false;
    const run = async () => {
      if (running) return; // a slow run is never stacked on itself
      running = true;
      try {
        const response = await fetch(new URL(job.path, options.baseUrl), {
          method: 'POST',
          headers: { authorization: `Bearer ${options.secret}` },
          signal: AbortSignal.timeout(job.everySeconds * 1000),
        });
        if (!response.ok) options.log(`! cron ${job.path} answered ${response.status}`);
      } catch (error) {
        options.log(
          `! cron ${job.path} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      } finally {
        running = false;
      }
    };
    return setInterval(run, job.everySeconds * 1000);
  });
  return () => timers.forEach(clearInterval);
}
