import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { withTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { loggableProject } from '../runs/project-access';
import { parseInput } from '../validation';
import { enqueueRunAlert } from './enqueue-alert';

export const customAlertSchema = z.object({
  title: z.string().trim().min(1, 'is required').max(256, 'must be at most 256 characters'),
  text: z.string().max(10_000, 'must be at most 10,000 characters').default(''),
  level: z
    .enum(['INFO', 'WARN', 'ERROR'], { error: 'must be INFO, WARN or ERROR' })
    .default('INFO'),
  /** Another alert with the same title within this many seconds is dropped (as wandb.alert). */
  waitDurationSeconds: z
    .number({ error: 'must be a number of seconds' })
    .min(0, 'must not be negative')
    .max(7 * 24 * 3600, 'must be at most a week')
    .default(60),
});

export type CustomAlertInput = z.input<typeof customAlertSchema>;

/**
 * An alert sent by code (`run.alert(...)`), allowed to whoever may log to the run. Rate-limited
 * per run and title: the run row is locked while the last alert of that title is checked, so
 * two concurrent calls cannot both pass the wait. Answers whether it was queued.
 */
export async function sendCustomAlert(
  actor: Actor,
  target: { entity: string; project: string; runId: string },
  raw: unknown,
  now = new Date(),
): Promise<{ queued: boolean; deliveries: number }> {
  const input = parseInput(customAlertSchema, raw);
  const project = await loggableProject(actor, target);

  return withTransaction(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM "Run" WHERE "projectId" = $1 AND "runId" = $2 FOR UPDATE`,
      [project.id, target.runId],
    );
    const run = rows[0];
    if (!run) throw AppError.notFound(`Run "${target.runId}"`);
    const since = new Date(now.getTime() - input.waitDurationSeconds * 1000);
    const recent = await client.query(
      `SELECT 1 FROM "Alert" WHERE "runId" = $1 AND event = 'CUSTOM' AND title = $2 AND "createdAt" > $3 LIMIT 1`,
      [run.id, input.title, since],
    );
    let result = { queued: false, deliveries: 0 };
    if (!recent.rowCount) {
      const alert = await enqueueRunAlert(
        client,
        run.id,
        { event: 'CUSTOM', level: input.level, title: input.title, text: input.text },
        now,
      );
      // Recorded even with no recipients, so the wait applies whatever the settings are.
      if (!alert) {
        await client.query(
          `INSERT INTO "Alert" (id, "runId", event, level, title, text, "createdAt")
           VALUES (gen_random_uuid()::text, $1, 'CUSTOM', $2::"AlertLevel", $3, $4, $5)`,
          [run.id, input.level, input.title, input.text, now],
        );
      }
      result = { queued: true, deliveries: alert?.deliveries ?? 0 };
    }
    return result;
  });
}
