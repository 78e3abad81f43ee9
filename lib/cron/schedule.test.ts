import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { cronJobs } from './schedule';

it('vercel.json schedules every cron route that npm start runs in-process', () => {
  const vercel = JSON.parse(
    readFileSync(new URL('../../vercel.json', import.meta.url), 'utf8'),
  ) as {
    crons: { path: string; schedule: string }[];
  };
  expect(vercel.crons).toEqual(cronJobs.map((job) => ({ path: job.path, schedule: job.cron })));
});
