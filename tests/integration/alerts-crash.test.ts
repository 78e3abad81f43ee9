import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, expect, it } from 'vitest';
import { startAppHttpServer } from '../helpers/app-http-server';
import { graphql } from '../helpers/graphql';
import { startSmtpServer } from '../helpers/smtp';
import { apiKeyOf } from '../helpers/teams';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

// Issue #8's crash scenario end to end: a training program using the real SDK in a child
// process is SIGKILLed; the cron routes mark its run crashed and deliver one email and one
// Slack message; calling them again sends nothing new; a late heartbeat revives the run.

const smtp = await startSmtpServer();
const slackAnswers = [500, 500];
const slackBodies: string[] = [];
const slack = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    const status = slackAnswers.shift() ?? 200;
    if (status === 200) slackBodies.push(body);
    res.writeHead(status).end();
  });
});
await new Promise<void>((resolve) => slack.listen(0, '127.0.0.1', resolve));

process.env.AUTH_SECRET = testAuthSecret;
process.env.SMTP_URL = smtp.url;
process.env.CRON_SECRET = 'cron-secret-for-tests-0123456789';
process.env.CRASH_GRACE_SECONDS = '60';
process.env.SEXTANT_ALLOW_PRIVATE_WEBHOOKS = 'true';
const { getPrisma } = await import('@/lib/db/prisma');
const { deliverDueAlerts } = await import('@/lib/alerts/deliver-alerts');
const crashRoute = await import('@/app/api/cron/crash-detection/route');
const alertsRoute = await import('@/app/api/cron/alerts/route');
const server = await startAppHttpServer();

afterAll(async () => {
  await server.stop();
  await smtp.stop();
  slack.close();
});

const cron = async (route: { GET: (r: NextRequest) => Promise<Response> }) => {
  const response = await route.GET(
    new NextRequest('http://localhost/api/cron/x', {
      headers: { authorization: `Bearer ${process.env.CRON_SECRET}` },
    }),
  );
  expect(response.status).toBe(200);
  return response.json();
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('detects a killed training program as crashed, alerts once per channel, and revives it', async () => {
  const kim = await createVerifiedUser('kim');
  const key = await apiKeyOf(kim.session);
  const saved = await graphql(
    `
      mutation ($input: AlertPreferencesInput!) {
        updateAlertPreferences(input: $input) {
          runCrashedSlack
        }
      }
    `,
    {
      input: {
        runFinishedEmail: false,
        runFinishedSlack: false,
        runCrashedEmail: true,
        runCrashedSlack: true,
        slackWebhookUrl: `http://127.0.0.1:${(slack.address() as AddressInfo).port}/hook`,
      },
    },
    kim.session,
  );
  expect(saved.errors).toBeUndefined();

  // A training loop that logs forever through the real SDK, in its own process.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sextant-crash-'));
  const script = path.join(dir, 'train.mts');
  await writeFile(
    script,
    `import { init } from ${JSON.stringify(path.resolve('sdk/src/index.ts'))};
     const run = await init({ project: 'crashy', id: 'doomed', systemMetricsIntervalMs: 0 });
     console.log('training started');
     for (let step = 0; ; step++) {
       run.log({ loss: 1 / (step + 1) });
       await new Promise((r) => setTimeout(r, 20));
     }`,
  );
  const child = spawn('node_modules/.bin/tsx', [script], {
    env: {
      PATH: process.env.PATH,
      HOME: dir,
      SEXTANT_API_KEY: key.authorization.replace('Bearer ', ''),
      SEXTANT_BASE_URL: server.url,
      SEXTANT_DIR: dir,
    } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  for (let i = 0; i < 200; i++) {
    const run = await getPrisma().run.findFirst({ where: { runId: 'doomed' } });
    if (run && run.lastStep > 5n) break;
    await sleep(100);
  }
  expect(child.exitCode, stderr).toBeNull();
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  const logged = await getPrisma().run.findFirstOrThrow({ where: { runId: 'doomed' } });
  expect(logged.state).toBe('RUNNING');
  expect(logged.lastStep).toBeGreaterThan(5n);

  // The clock moves past the grace period: the last heartbeat is now 61 s old.
  await getPrisma().run.update({
    where: { id: logged.id },
    data: { heartbeatAt: new Date(Date.now() - 61_000) },
  });
  const crashes = await Promise.all([cron(crashRoute), cron(crashRoute)]);
  expect(crashes.flatMap((c) => c.runIds)).toEqual(['doomed']);
  expect(await getPrisma().alert.count({ where: { runId: logged.id } })).toBe(1);

  // Email goes out; Slack answers 500 twice, then 200: delivered exactly once.
  expect(await cron(alertsRoute)).toEqual({ sent: 1, retried: 1, failed: 0 });
  const mail = await smtp.waitForMessage((m) => m.subject === '[Sextant] 🚨 Run crashed: doomed');
  expect(mail.envelope.to).toEqual(['kim@example.com']);
  const inFiveMinutes = new Date(Date.now() + 5 * 60_000);
  expect(await deliverDueAlerts({ now: inFiveMinutes })).toEqual({
    sent: 0,
    retried: 1,
    failed: 0,
  });
  expect(await deliverDueAlerts({ now: new Date(Date.now() + 60 * 60_000) })).toEqual({
    sent: 1,
    retried: 0,
    failed: 0,
  });
  expect(slackBodies).toHaveLength(1);
  expect(JSON.parse(slackBodies[0]!).text).toContain('Run crashed: doomed');
  expect(await cron(crashRoute)).toMatchObject({ crashed: 0 });
  expect(await cron(alertsRoute)).toEqual({ sent: 0, retried: 0, failed: 0 });
  expect(smtp.messages.filter((m) => m.subject?.includes('doomed'))).toHaveLength(1);

  // The network comes back: a heartbeat (any stream post) and the run is running again,
  // with everything logged before the crash intact.
  const heartbeat = await fetch(`${server.url}/api/v1/runs/kim/crashy/doomed/stream`, {
    method: 'POST',
    headers: { ...key, 'content-type': 'application/json' },
    body: '{}',
  });
  expect(((await heartbeat.json()) as { state: string }).state).toBe('RUNNING');
  const revived = await getPrisma().run.findUniqueOrThrow({ where: { id: logged.id } });
  expect(revived.lastStep).toBe(logged.lastStep);
}, 60_000);
