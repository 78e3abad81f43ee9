import { mkdirSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface SpillQueueOptions<T> {
  /** Segment files are named `<name>-<n>.jsonl`. */
  name: string;
  /** The folder for segments; called (and created) on the first spill only. */
  dir: () => string;
  /** Items kept in memory before new ones go to disk. */
  maxMemory: number;
  /** Items per segment file. */
  segmentSize: number;
  /** Whether `next` may replace `last` in place (e.g. a console line redrawn with \r). */
  replaces?: (last: T, next: T) => boolean;
  onWarning?: (message: string) => void;
}

interface Segment<T> {
  file: string;
  count: number;
  /** Kept until the file is written, then dropped so memory stays bounded. */
  items: T[] | undefined;
  written: Promise<void>;
}

/**
 * A FIFO that bounds its memory: the oldest items (`head`, what batches are cut from) stay
 * in memory; once `maxMemory` of them wait, newer items gather in `tail` and go to disk in
 * segment files, which are read back in order as the head drains. Order is always
 * head → segments → tail, so a server that comes back receives everything in the order
 * it was logged. `push` never touches the disk itself: segments are written in the
 * background, so it stays cheap enough for a training loop.
 */
export class SpillQueue<T> {
  private head: T[] = [];
  private segments: Segment<T>[] = [];
  private tail: T[] = [];
  /** Items at the front of head that belong to a batch in flight (never rewritten). */
  private pinned = 0;
  private sequence = 0;
  private spilledSegments = 0;
  private folder: string | undefined;

  constructor(private readonly options: SpillQueueOptions<T>) {}

  get length(): number {
    let count = this.head.length + this.tail.length;
    for (const segment of this.segments) count += segment.count;
    return count;
  }

  /** Segments written to disk since the queue was created (to see that spilling happened). */
  get spilled(): number {
    return this.spilledSegments;
  }

  push(item: T): void {
    const inHead = this.segments.length === 0 && this.tail.length === 0;
    const last = inHead ? this.head : this.tail;
    const replaces = this.options.replaces;
    if (
      replaces &&
      last.length > (inHead ? this.pinned : 0) &&
      replaces(last[last.length - 1]!, item)
    ) {
      last[last.length - 1] = item;
      return;
    }
    if (inHead && this.head.length < this.options.maxMemory) {
      this.head.push(item);
      return;
    }
    this.tail.push(item);
    if (this.tail.length >= this.options.segmentSize) this.spill();
  }

  /**
   * Up to `count` items from the front (reading spilled segments back as needed). They
   * stay queued until `drop` is called for them, so a failed send loses nothing.
   */
  async peek(count: number): Promise<T[]> {
    while (this.head.length < count && (this.segments.length || this.tail.length)) {
      const segment = this.segments[0];
      if (!segment) {
        this.head.push(...this.tail.splice(0));
        break;
      }
      const items = await this.load(segment);
      // Only now leave the segment list, so a push meanwhile could not jump ahead of it.
      this.segments.shift();
      this.head.push(...items);
    }
    const batch = this.head.slice(0, count);
    this.pinned = batch.length;
    return batch;
  }

  /** Forgets the first `count` items (the server has them). */
  drop(count: number): void {
    this.head.splice(0, count);
    this.pinned = 0;
  }

  /** Removes the segment folder (call once the queue is empty for good). */
  async dispose(): Promise<void> {
    await Promise.all(this.segments.map((segment) => segment.written));
    if (this.folder) await rm(this.folder, { recursive: true, force: true }).catch(() => {});
  }

  private spill(): void {
    const items = this.tail;
    this.tail = [];
    let file: string;
    try {
      this.folder ??= this.options.dir();
      // Owner only: spilled items hold metrics, config and console output.
      mkdirSync(this.folder, { recursive: true, mode: 0o700 });
      file = path.join(
        this.folder,
        `${this.options.name}-${String(this.sequence++).padStart(6, '0')}.jsonl`,
      );
    } catch (error) {
      this.keepInMemory(items, error);
      return;
    }
    const segment: Segment<T> = {
      file,
      count: items.length,
      items,
      written: Promise.resolve(),
    };
    segment.written = writeFile(file, items.map((item) => JSON.stringify(item)).join('\n') + '\n', {
      mode: 0o600,
    })
      .then(() => {
        segment.items = undefined;
        this.spilledSegments++;
      })
      .catch((error: Error) => {
        // A full or read-only disk: keep the items in memory rather than lose them.
        this.options.onWarning?.(`sextant: could not spill to ${file}: ${error.message}`);
      });
    this.segments.push(segment);
  }

  private keepInMemory(items: T[], error: unknown): void {
    this.options.onWarning?.(`sextant: could not spill to disk: ${(error as Error).message}`);
    this.segments.push({ file: '', count: items.length, items, written: Promise.resolve() });
  }

  private async load(segment: Segment<T>): Promise<T[]> {
    await segment.written;
    if (segment.items) {
      if (segment.file) await rm(segment.file, { force: true }).catch(() => {});
      return segment.items;
    }
    const text = await readFile(segment.file, 'utf8');
    await rm(segment.file, { force: true }).catch(() => {});
    return text
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as T);
  }
}
