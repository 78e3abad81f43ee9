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
  await vi.advanceTimersByTimeAsync(60_000);
  await vi.waitFor(() => expect(calls).toHaveLength(cronJobs.length));
  expect(calls).toContainEqual({
    method: 'POST',
    url: '/api/cron/email-outbox',
    authorization: 'Bearer s3cret',
  });

  stop();
  await vi.advanceTimersByTimeAsync(120_000);
  expect(calls).toHaveLength(cronJobs.length);
  server.close();
});
