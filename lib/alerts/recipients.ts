import type { PoolClient } from 'pg';

export type AlertEventKind = 'RUN_FINISHED' | 'RUN_FAILED' | 'RUN_CRASHED' | 'CUSTOM';

export interface AlertRecipient {
  channel: 'EMAIL' | 'SLACK';
  /** Whose settings asked for it: shown in those settings when delivery fails. */
  userId: string | null;
  teamId: string | null;
  /** Email address or Slack webhook URL. */
  target: string;
}

/** Which settings columns switch an event on, per channel. Failed runs count as crashed. */
const switches: Record<AlertEventKind, { email: string; slack: string }> = {
  RUN_FINISHED: { email: 'alertRunFinishedEmail', slack: 'alertRunFinishedSlack' },
  RUN_FAILED: { email: 'alertRunCrashedEmail', slack: 'alertRunCrashedSlack' },
  RUN_CRASHED: { email: 'alertRunCrashedEmail', slack: 'alertRunCrashedSlack' },
  CUSTOM: { email: 'alertCustomEmail', slack: 'alertCustomSlack' },
};

interface SettingsRow {
  teamId: string | null;
  ownerUserId: string | null;
  authorId: string | null;
  emailOn: boolean;
  slackOn: boolean;
  slackWebhookUrl: string | null;
}

/**
 * Who hears about an event of a run (docs/decisions/006-alerts.md):
 * - personal project: its owner, by their settings; email to their primary verified address;
 * - team project: by the team's settings; Slack to the team's webhook, email to the person who
 *   logged the run when they are still a member, else to the team's admins (runs logged by a
 *   service account without an attributed user).
 */
export async function recipientsFor(
  db: Pick<PoolClient, 'query'>,
  runDbId: string,
  event: AlertEventKind,
): Promise<AlertRecipient[]> {
  const { email, slack } = switches[event];
  // Column names come from the constant table above, never from input.
  const { rows } = await db.query<SettingsRow>(
    `SELECT t.id AS "teamId", u.id AS "ownerUserId", r."createdById" AS "authorId",
            COALESCE(t."${email}", u."${email}", false) AS "emailOn",
            COALESCE(t."${slack}", u."${slack}", false) AS "slackOn",
            COALESCE(t."slackWebhookUrl", u."slackWebhookUrl") AS "slackWebhookUrl"
     FROM "Run" r
     JOIN "Project" p ON p.id = r."projectId"
     LEFT JOIN "Team" t ON t."entityId" = p."entityId"
     LEFT JOIN "User" u ON u."entityId" = p."entityId"
     WHERE r.id = $1`,
    [runDbId],
  );
  const settings = rows[0];
  if (!settings) return [];
  const owner = { userId: settings.teamId ? null : settings.ownerUserId, teamId: settings.teamId };
  const recipients: AlertRecipient[] = [];

  if (settings.slackOn && settings.slackWebhookUrl) {
    recipients.push({ channel: 'SLACK', ...owner, target: settings.slackWebhookUrl });
  }
  if (settings.emailOn) {
    const userIds = settings.teamId
      ? await teamEmailRecipients(db, settings.teamId, settings.authorId)
      : settings.ownerUserId
        ? [settings.ownerUserId]
        : [];
    const { rows: addresses } = await db.query<{ address: string }>(
      `SELECT address FROM "Email"
       WHERE "userId" = ANY($1::text[]) AND "isPrimary" AND "verifiedAt" IS NOT NULL
       ORDER BY address`,
      [userIds],
    );
    for (const { address } of addresses) {
      recipients.push({ channel: 'EMAIL', ...owner, target: address });
    }
  }
  return recipients;
}

async function teamEmailRecipients(
  db: Pick<PoolClient, 'query'>,
  teamId: string,
  authorId: string | null,
): Promise<string[]> {
  if (authorId) {
    const { rowCount } = await db.query(
      `SELECT 1 FROM "Membership" WHERE "teamId" = $1 AND "userId" = $2`,
      [teamId, authorId],
    );
    if (rowCount) return [authorId];
  }
  const { rows } = await db.query<{ userId: string }>(
    `SELECT "userId" FROM "Membership" WHERE "teamId" = $1 AND role = 'ADMIN'`,
    [teamId],
  );
  return rows.map((row) => row.userId);
}
