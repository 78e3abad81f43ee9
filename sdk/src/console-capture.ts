import type { ConsoleLine } from './sender.js';

/**
 * Mirrors stdout and stderr into the run's console log, line by line. A carriage return
 * (progress bars) rewrites the current line, as a terminal would show it.
 */
export class ConsoleCapture {
  private lineNo = 0;
  private current = '';
  private readonly originals = { stdout: process.stdout.write, stderr: process.stderr.write };

  constructor(private readonly emit: (line: ConsoleLine) => void) {
    for (const stream of ['stdout', 'stderr'] as const) {
      const original = this.originals[stream];
      const target = process[stream];
      target.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        this.record(
          typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'),
          stream,
        );
        return (original as (...args: unknown[]) => boolean).call(target, chunk, ...rest);
      }) as typeof target.write;
    }
  }

  private record(text: string, stream: 'stdout' | 'stderr'): void {
    for (const char of text.replace(/\r\n/g, '\n')) {
      if (char === '\n') {
        this.emit({ lineNo: this.lineNo++, text: this.current, stream });
        this.current = '';
      } else if (char === '\r') {
        this.current = '';
      } else {
        this.current += char;
      }
    }
    if (this.current) this.emit({ lineNo: this.lineNo, text: this.current, stream });
  }

  stop(): void {
    process.stdout.write = this.originals.stdout;
    process.stderr.write = this.originals.stderr;
  }
}
