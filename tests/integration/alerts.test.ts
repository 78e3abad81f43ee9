import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppHttpServer } from '../helpers/app-http-server';
import { graphql } from '../helpers/graphql';
import { startSmtpServer } from '../helpers/smtp';
import { addMember, apiKeyOf, createTeamVia } from '../helpers/teams';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

// Alerts end to end: state changes over real HTTP raise alerts in the same transaction, the
// cron delivers them to a real SMTP server and a local Slack webhook, with retries.

const smtp = await startSmtpServer();

/** A stand-in for Slack's incoming webhook: records payloads, answers what it is told. */
const slackPayloads: { path: string; body: { text: string; blocks: unknown[] } }[] = [];
const slackAnswers: number[] = [];
const slack = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    const status = slackAnswers.shift() ?? 200;
    if (status === 200) slackPayloads.push({ path: req.url ?? '', body: JSON.parse(body) });
    res.writeHead(status).end(status === 200 ? 'ok' : 'invalid_token');
  });
});
await new Promise<void>((resolve) => slack.listen(0, '127.0.0.1', resolve));
const slackUrl = `http://127.0.0.1:${(slack.address() as AddressInfo).port}/services/T0/B0/secret`;

process.env.AUTH_SECRET = testAuthSecret;
process.env.SMTP_URL = smtp.url;
process.env.CRON_SECRET = 'cron-secret-for-tests-0123456789';
process.env.SEXTANT_ALLOW_PRIVATE_WEBHOOKS = 'true';
process.env.APP_URL = 'http://sextant.test';
const { getPrisma } = await import('@/lib/db/prisma');
const { deliverDueAlerts } = await import('@/lib/alerts/deliver-alerts');
const { detectCrashedRuns } = await import('@/lib/runs/crash-detection');
const { lastDeliveryProblem } = await import('@/lib/alerts/delivery-problem');
const server = await startAppHttpServer();

type User = Awaited<ReturnType<typeof createVerifiedUser>>;
let ada: User;
let ben: User;
let adaKey: { authorization: string };
let benKey: { authorization: string };
let viewerKey: { authorization: string };
let robotKey: { authorization: string };

async function api(
  key: { authorization: string },
  path: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${server.url}/api/v1/runs/${path}`, {
    method: 'POST',
    headers: { ...key, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** Creates a run, logs two console lines and finishes it with an exit code. */
async function runToEnd(key: { authorization: string }, path: string, finish: object) {
  expect((await api(key, path, { displayName: path.split('/').pop() })).status).toBe(200);
  const ack = await api(key, `${path}/stream`, {
    console: [
      { lineNo: 0, text: 'epoch 1/1', stream: 'stdout' },
      { lineNo: 1, text: 'loss=0.12 <done>', stream: 'stdout' },
    ],
    finish,
  });
  expect(ack.status).toBe(200);
  return ack.json;
}

const deliveriesOf = (runId: string) =>
  getPrisma().alertDelivery.findMany({
    where: { alert: { run: { runId } } },
    include: { alert: true },
    orderBy: { channel: 'asc' },
  });

beforeAll(async () => {
  ada = await createVerifiedUser('ada');
  ben = await createVerifiedUser('ben');
  const vic = await createVerifiedUser('vic');
  adaKey = await apiKeyOf(ada.session);
  benKey = await apiKeyOf(ben.session);
  viewerKey = await apiKeyOf(vic.session);
  await createTeamVia(ada.session, 'lab', { newOrganizationName: 'Lab' });
  await addMember('lab', ben.user.id, 'MEMBER');
  await addMember('lab', vic.user.id, 'VIEW_ONLY');
  const robot = await graphql<{ createServiceAccount: { secret: string } }>(
    `
      mutation {
        createServiceAccount(team: "lab", name: "ci") {
          secret
        }
      }
    `,
    {},
    ada.session,
  );
  robotKey = { authorization: `Bearer ${robot.data!.createServiceAccount.secret}` };
});

afterAll(async () => {
  await server.stop();
  await smtp.stop();
  slack.close();
});

describe('personal projects follow the owner’s alert settings', () => {
  it('emails a failed run (on by default) with the run link and the end of the log, once', async () => {
    await runToEnd(adaKey, 'ada/p/boom', { exitCode: 3 });
    const [delivery] = await deliveriesOf('boom');
    expect(delivery).toMatchObject({
      channel: 'EMAIL',
      target: 'ada@example.com',
      status: 'PENDING',
      userId: ada.user.id,
      alert: { event: 'RUN_FAILED', level: 'ERROR' },
    });

    const reports = await Promise.all([deliverDueAlerts(), deliverDueAlerts()]);
    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(1);
    const mail = await smtp.waitForMessage((m) => m.subject?.includes('boom') ?? false);
    expect(mail.envelope.to).toEqual(['ada@example.com']);
    expect(mail.subject).toBe('[Sextant] 🚨 Run failed: boom');
    expect(mail.text).toContain('boom failed with exit code 3.');
    expect(mail.text).toContain('http://sextant.test/ada/p/runs/boom');
    expect(mail.text).toContain('loss=0.12 <done>');
    expect(mail.html).toContain('loss=0.12 &lt;done&gt;');
    expect((await deliverDueAlerts()).sent).toBe(0);
    expect((await deliveriesOf('boom'))[0]!.status).toBe('SENT');
  });

  it('raises nothing for a finished run while "run finished" is off, and emails once it is on', async () => {
    await runToEnd(adaKey, 'ada/p/quiet', { exitCode: 0 });
    expect(await deliveriesOf('quiet')).toEqual([]);

    const saved = await graphql(
      `
        mutation ($input: AlertPreferencesInput!) {
          updateAlertPreferences(input: $input) {
            runFinishedEmail
            customEmail
          }
        }
      `,
      {
        input: {
          runFinishedEmail: true,
          runFinishedSlack: false,
          runCrashedEmail: true,
          runCrashedSlack: false,
          slackWebhookUrl: null,
        },
      },
      ada.session,
    );
    // Left-out custom-alert switches keep their value (on by default).
    expect(saved.data).toEqual({
      updateAlertPreferences: { runFinishedEmail: true, customEmail: true },
    });
    await runToEnd(adaKey, 'ada/p/done', { exitCode: 0 });
    // A retried finish batch (the SDK never heard back) is no second transition.
    await api(adaKey, 'ada/p/done/stream', { finish: { exitCode: 0 } });
    const deliveries = await deliveriesOf('done');
    expect(deliveries.map((d) => [d.alert.event, d.target])).toEqual([
      ['RUN_FINISHED', 'ada@example.com'],
    ]);
  });

  it('reports preemption as its own state without an alert, and a resumed run runs again', async () => {
    const ack = await runToEnd(adaKey, 'ada/p/spot', { exitCode: 143, preempted: true });
    expect(ack.state).toBe('PREEMPTED');
    expect(await deliveriesOf('spot')).toEqual([]);
    const resumed = await api(adaKey, 'ada/p/spot', { resume: 'allow' });
    expect(resumed.json.state).toBe('RUNNING');
  });
});

describe('team projects follow the team’s settings', () => {
  beforeAll(async () => {
    const result = await graphql(
      `
        mutation ($input: TeamSettingsInput!) {
          updateTeamSettings(team: "lab", input: $input) {
            runCrashedSlack
          }
        }
      `,
      {
        input: {
          forcePrivateProjects: false,
          codeSavingDefault: false,
          runFinishedEmail: false,
          runFinishedSlack: true,
          runCrashedEmail: true,
          runCrashedSlack: true,
          customSlack: true,
          slackWebhookUrl: slackUrl,
        },
      },
      ada.session,
    );
    expect(result.errors).toBeUndefined();
  });

  it('emails the member who logged a crashed run and posts to Slack, retrying a failing webhook', async () => {
    expect((await api(benKey, 'lab/p/lost', { displayName: 'lost' })).status).toBe(200);
    await api(benKey, 'lab/p/lost/stream', {
      console: [{ lineNo: 0, text: 'CUDA error: out of memory', stream: 'stderr' }],
    });
    const later = new Date(Date.now() + 10 * 60_000);
    const crashes = await Promise.all([
      detectCrashedRuns({ now: later }),
      detectCrashedRuns({ now: later }),
    ]);
    expect(crashes.flatMap((c) => c.runIds)).toContain('lost');
    const deliveries = await deliveriesOf('lost');
    expect(deliveries.map((d) => [d.channel, d.target, d.teamId !== null])).toEqual([
      ['EMAIL', 'ben@example.com', true],
      ['SLACK', slackUrl, true],
    ]);

    slackAnswers.push(500);
    const first = await deliverDueAlerts({ now: later });
    expect(first.retried).toBe(1);
    const statuses = async () => (await deliveriesOf('lost')).map((d) => [d.channel, d.status]);
    expect(await statuses()).toEqual([
      ['EMAIL', 'SENT'],
      ['SLACK', 'PENDING'],
    ]);
    expect(await lastDeliveryProblem({ teamName: 'lab' })).toBe(
      'Last Slack delivery failed: Slack answered 500: invalid_token. Retrying.',
    );
    // Not due again until the backoff has passed.
    expect((await deliverDueAlerts({ now: later })).retried).toBe(0);
    await deliverDueAlerts({ now: new Date(later.getTime() + 2 * 60_000) });
    expect(await statuses()).toEqual([
      ['EMAIL', 'SENT'],
      ['SLACK', 'SENT'],
    ]);
    expect(await lastDeliveryProblem({ teamName: 'lab' })).toBeNull();

    const posted = slackPayloads.find((p) => p.body.text.includes('lost'))!;
    expect(posted.path).toBe('/services/T0/B0/secret');
    expect(posted.body.text).toBe(
      'Run crashed: lost: lost stopped sending heartbeats without finishing. Everything it logged until then is kept.',
    );
    const blocks = JSON.stringify(posted.body.blocks);
    expect(blocks).toContain('<http://sextant.test/lab/p/runs/lost|lost>');
    expect(blocks).toContain('CUDA error: out of memory');
    const mail = await smtp.waitForMessage((m) => m.subject?.includes('lost') ?? false);
    expect(mail.envelope.to).toEqual(['ben@example.com']);
    expect(mail.text).toContain('alert settings of team lab');
  });

  it('emails the team admins about runs of a service account that nobody is attributed to', async () => {
    await runToEnd(robotKey, 'lab/p/nightly', { exitCode: 1 });
    const deliveries = await deliveriesOf('nightly');
    expect(deliveries.map((d) => [d.channel, d.target])).toEqual([
      ['EMAIL', 'ada@example.com'],
      ['SLACK', slackUrl],
    ]);
  });

  it('raises a "run failed" alert once when a run is marked failed by hand', async () => {
    expect((await api(benKey, 'lab/p/stuck', {})).status).toBe(200);
    const markFailed = `mutation { markRunFailed(run: { entity: "lab", project: "p", id: "stuck" }) { state } }`;
    expect((await graphql(markFailed, {}, ada.session)).data).toEqual({
      markRunFailed: { state: 'FAILED' },
    });
    await graphql(markFailed, {}, ada.session);
    const deliveries = await deliveriesOf('stuck');
    expect(deliveries.map((d) => [d.alert.event, d.alert.text])).toEqual([
      ['RUN_FAILED', 'stuck was marked as failed.'],
      ['RUN_FAILED', 'stuck was marked as failed.'],
    ]);
    expect(new Set(deliveries.map((d) => d.alertId)).size).toBe(1);
  });
});

describe('custom alerts from code', () => {
  beforeAll(async () => {
    expect((await api(benKey, 'lab/p/tuned', {})).status).toBe(200);
  });

  it('queues an alert and drops the same title within its wait duration', async () => {
    const alert = { title: 'Accuracy dropped', text: 'acc 0.41 < 0.5', level: 'WARN' };
    const first = await api(benKey, 'lab/p/tuned/alerts', alert);
    expect(first).toEqual({ status: 202, json: { queued: true, deliveries: 2 } });
    const again = await Promise.all([
      api(benKey, 'lab/p/tuned/alerts', alert),
      api(benKey, 'lab/p/tuned/alerts', alert),
    ]);
    expect(again.map((r) => r.json.queued)).toEqual([false, false]);
    const other = await api(benKey, 'lab/p/tuned/alerts', { ...alert, title: 'Loss exploded' });
    expect(other.json.queued).toBe(true);
    const noWait = await api(benKey, 'lab/p/tuned/alerts', { ...alert, waitDurationSeconds: 0 });
    expect(noWait.json.queued).toBe(true);

    await deliverDueAlerts();
    const mail = await smtp.waitForMessage((m) => m.subject === '[Sextant] ⚠️ Accuracy dropped');
    expect(mail.text).toContain('acc 0.41 < 0.5');
    expect(slackPayloads.some((p) => p.body.text === 'Accuracy dropped: acc 0.41 < 0.5')).toBe(
      true,
    );
  });

  it('rejects bad input naming the field, and callers who may not log to the run', async () => {
    const bad = await api(benKey, 'lab/p/tuned/alerts', { title: '', level: 'LOUD' });
    expect(bad.status).toBe(400);
    const fields = (bad.json.error as { fields: { field: string }[] }).fields.map((f) => f.field);
    expect(fields.sort()).toEqual(['level', 'title']);
    expect((await api(viewerKey, 'lab/p/tuned/alerts', { title: 'hi' })).status).toBe(403);
    expect((await api(adaKey, 'lab/p/nope/alerts', { title: 'hi' })).status).toBe(404);
    const outsider = await createVerifiedUser('eve');
    const eveKey = await apiKeyOf(outsider.session);
    expect((await api(eveKey, 'ada/p/boom/alerts', { title: 'hi' })).status).toBeGreaterThanOrEqual(
      403,
    );
    expect(await getPrisma().alert.count({ where: { title: 'hi' } })).toBe(0);
  });
});

describe('webhook safety and the cron route', () => {
  it('refuses private webhook addresses when they are not allowed, at save and at delivery', async () => {
    const { webhookUrlProblem, assertPublicDestination } = await import('@/lib/alerts/webhook-url');
    expect(webhookUrlProblem(slackUrl, false)).toBe('must be an https:// URL');
    expect(webhookUrlProblem('https://127.0.0.1/x', false)).toMatch(/private or loopback/);
    await expect(assertPublicDestination('https://localhost/x', false)).rejects.toThrow(
      /local or internal host/,
    );
    await expect(assertPublicDestination(slackUrl, true)).resolves.toBeUndefined();
  });

  it('needs the bearer secret', async () => {
    const { GET } = await import('@/app/api/cron/alerts/route');
    expect((await GET(new NextRequest('http://localhost/api/cron/alerts'))).status).toBe(401);
    const ok = await GET(
      new NextRequest('http://localhost/api/cron/alerts', {
        headers: { authorization: `Bearer ${process.env.CRON_SECRET}` },
      }),
    );
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ sent: expect.any(Number), retried: 0, failed: 0 });
  });
});
