import { describe, expect, it } from 'vitest';
import { LineRecorder } from './line-recorder';
import type { ConsoleLine } from './sender';

/** Feeds chunks through a recorder and returns the final text of each line, as the server keeps it. */
function record(chunks: [string, 'stdout' | 'stderr'][], firstLineNo = 0) {
  const lines = new Map<number, ConsoleLine>();
  const recorder = new LineRecorder((line) => lines.set(line.lineNo, line), firstLineNo);
  for (const [text, stream] of chunks) recorder.record(text, stream);
  return [...lines.values()].map((line) => [line.lineNo, line.text, line.stream]);
}

describe('LineRecorder', () => {
  it('numbers lines; text after \\r rewrites the line, a \\r before the newline keeps it', () => {
    expect(
      record([
        ['epoch 1 done\n', 'stdout'],
        ['progress 10%', 'stdout'],
        ['\r', 'stdout'],
        ['progress 100%', 'stdout'],
        ['\r', 'stdout'],
        ['\n', 'stdout'],
        ['epoch 0\rdone 0\r\n', 'stdout'],
        ['warning\n', 'stderr'],
        ['unfinished', 'stdout'],
      ]),
    ).toEqual([
      [0, 'epoch 1 done', 'stdout'],
      [1, 'progress 100%', 'stdout'],
      [2, 'done 0', 'stdout'],
      [3, 'warning', 'stderr'],
      [4, 'unfinished', 'stdout'],
    ]);
  });

  it('continues from the first line number of a resumed run and caps a line at the server’s limit', () => {
    const long = 'x'.repeat(70_000);
    expect(record([[`a\n${long}\n`, 'stdout']], 7)).toEqual([
      [7, 'a', 'stdout'],
      [8, 'x'.repeat(64 * 1024), 'stdout'],
    ]);
  });
});
