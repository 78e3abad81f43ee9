import { mkdtemp, readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpillQueue } from './spill-queue';

async function queue(maxMemory = 10, segmentSize = 5) {
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'spill-')), 'spill');
  return {
    dir,
    queue: new SpillQueue<{ n: number; text?: string }>({
      name: 'history',
      dir: () => dir,
      maxMemory,
      segmentSize,
      replaces: (last, next) => last.text !== undefined && last.n === next.n,
    }),
  };
}

/** Takes everything out in batches, as the sender does, checking the order. */
async function drainAll(q: SpillQueue<{ n: number }>, batch = 7) {
  const out: number[] = [];
  for (;;) {
    const items = await q.peek(batch);
    if (!items.length) return out;
    out.push(...items.map((item) => item.n));
    q.drop(items.length);
  }
}

describe('SpillQueue', () => {
  it('keeps at most maxMemory items in memory, spills the rest, and gives everything back in order', async () => {
    const { dir, queue: q } = await queue();
    for (let n = 0; n < 103; n++) q.push({ n });
    expect(q.length).toBe(103);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(q.spilled).toBe(18); // (103 - 10) / 5 segments written, 3 items still in the tail
    expect((await readdir(dir)).length).toBe(18);
    // Items pushed while reading back still come after everything before them.
    const first = await q.peek(7);
    q.drop(7);
    for (let n = 103; n < 120; n++) q.push({ n });
    const rest = await drainAll(q);
    expect([...first.map((i) => i.n), ...rest]).toEqual(Array.from({ length: 120 }, (_, i) => i));
    expect(q.length).toBe(0);
    expect(await readdir(dir)).toEqual([]);
    await q.dispose();
    await expect(readdir(dir)).rejects.toThrow();
  });

  it('spills into a folder and files only their owner can read (metrics, config, console)', async () => {
    const { dir, queue: q } = await queue(2, 2);
    for (let n = 0; n < 6; n++) q.push({ n });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [file] = await readdir(dir);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(dir, file!))).mode & 0o777).toBe(0o600);
    await drainAll(q);
    await q.dispose();
  });

  it('a failed send (no drop) keeps the batch; a rewrite never changes an item in flight', async () => {
    const { queue: q } = await queue(100, 50);
    q.push({ n: 1, text: 'progress 10%' });
    q.push({ n: 1, text: 'progress 20%' }); // replaces its queued self
    expect(q.length).toBe(1);
    const inFlight = await q.peek(10);
    q.push({ n: 1, text: 'progress 30%' }); // the batch above is being sent: queued anew
    expect(inFlight).toEqual([{ n: 1, text: 'progress 20%' }]);
    expect(await q.peek(10)).toEqual([
      { n: 1, text: 'progress 20%' },
      { n: 1, text: 'progress 30%' },
    ]);
    q.drop(1);
    expect(await q.peek(10)).toEqual([{ n: 1, text: 'progress 30%' }]);
  });
});
