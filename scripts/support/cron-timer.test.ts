import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it, vi } from 'vitest';
import { cronJobs } from '../../lib/cron/schedule';
import { startCronTimer } from './cron-timer';

afterEach(() => vi.useRealTimers());

it('calls every cron route on its interval with the bearer secret, and stops when told', async () => {
  const calls: { method: string; url: string; authorization: string | undefined }[] = [];
  const server = http.createServer((request, response) => {
    calls.push({
      method: request.method!,
      url: request.url!,
      authorization: request.headers.authorization,
    });
    response.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Only intervals are faked; sockets stay real.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  const stop = startCronTimer({ baseUrl, secret: 's3cret', log: () => {} });

  expect(calls).toHaveLength(0);
  // Each job runs on its own interval: after the longest one, every route was called.
  const longest = Math.max(...cronJobs.map((job) => job.everySeconds));
  await vi.advanceTimersByTimeAsync(longest * 1000);
  await vi.waitFor(() =>
    expect(new Set(calls.map((call) => call.url))).toEqual(
      new Set(cronJobs.map((job) => job.path)),
    ),
  );
  expect(calls).toContainEqual({
    method: 'POST',
    url: '/api/cron/email-outbox',
    authorization: 'Bearer s3cret',
  });
  expect(calls.every((call) => call.authorization === 'Bearer s3cret')).toBe(true);
  // The 20-second alerts job ran more often than the minute jobs.
  const count = (path: string) => calls.filter((call) => call.url === path).length;
  expect(count('/api/cron/alerts')).toBeGreaterThan(count('/api/cron/crash-detection'));

  stop();
  const before = calls.length;
  await vi.advanceTimersByTimeAsync(longest * 1000 * 2);
  expect(calls).toHaveLength(before);
  server.close();
});
