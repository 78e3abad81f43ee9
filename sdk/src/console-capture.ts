import { LineRecorder } from './line-recorder.js';
import type { ConsoleLine } from './sender.js';

/** Mirrors this process's stdout and stderr into the run's console log. */
export class ConsoleCapture {
  private readonly recorder: LineRecorder;
  private readonly originals = { stdout: process.stdout.write, stderr: process.stderr.write };

  constructor(emit: (line: ConsoleLine) => void, firstLineNo = 0) {
    this.recorder = new LineRecorder(emit, firstLineNo);
    for (const stream of ['stdout', 'stderr'] as const) {
      const original = this.originals[stream];
      const target = process[stream];
      target.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        this.recorder.record(
          typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'),
          stream,
        );
        return (original as (...args: unknown[]) => boolean).call(target, chunk, ...rest);
      }) as typeof target.write;
    }
  }

  stop(): void {
    process.stdout.write = this.originals.stdout;
    process.stderr.write = this.originals.stderr;
  }
}
