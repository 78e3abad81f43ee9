import { getPrisma } from '../db/prisma';

/** Lines read per query: small enough to keep memory flat, large enough to stream quickly. */
const batchSize = 5_000;

/**
 * A run's whole console log as plain text, one stored line per line, in line order. Pulled
 * in keyset batches as the client reads, so a run with millions of lines never sits in
 * memory at once; a `\r`-rewritten line is stored (and so sent) as its final text. The run id
 * comes from a read that checked access.
 */
export function consoleLogStream(runInternalId: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after = -1;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const lines = await getPrisma().consoleLine.findMany({
          where: { runId: runInternalId, lineNo: { gt: after } },
          orderBy: { lineNo: 'asc' },
          select: { lineNo: true, text: true },
          take: batchSize,
        });
        if (lines.length === 0) {
          controller.close();
          return;
        }
        after = lines.at(-1)!.lineNo;
        controller.enqueue(encoder.encode(lines.map((line) => `${line.text}\n`).join('')));
        if (lines.length < batchSize) controller.close();
      },
    },
    // One batch ahead at most: the next query waits until the client has taken this one.
    { highWaterMark: 1 },
  );
}
