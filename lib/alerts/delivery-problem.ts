import { getPrisma } from '../db/prisma';

/**
 * "Last Slack delivery failed: …" for the alert settings of a user or a team: for each channel,
 * the newest delivery those settings asked for, when it failed (for good, or is waiting for a
 * retry). Null when the newest of each channel went out, or there was none.
 */
export async function lastDeliveryProblem(
  owner: { userId: string } | { teamName: string },
): Promise<string | null> {
  const where =
    'userId' in owner
      ? { userId: owner.userId }
      : {
          teamId: (await getPrisma().team.findUnique({ where: { name: owner.teamName } }))?.id,
        };
  if (!where.userId && !where.teamId) return null;
  const newest = await Promise.all(
    (['SLACK', 'EMAIL'] as const).map((channel) =>
      getPrisma().alertDelivery.findFirst({
        where: { ...where, channel },
        orderBy: { createdAt: 'desc' },
        select: { status: true, lastError: true, channel: true },
      }),
    ),
  );
  const problems = newest.flatMap((delivery) => {
    if (!delivery?.lastError || delivery.status === 'SENT') return [];
    const channel = delivery.channel === 'SLACK' ? 'Slack' : 'email';
    const retry = delivery.status === 'PENDING' ? ' Retrying.' : '';
    return [`Last ${channel} delivery failed: ${delivery.lastError}.${retry}`];
  });
  return problems.length ? problems.join(' ') : null;
}
