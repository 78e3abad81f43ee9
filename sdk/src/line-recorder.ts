import type { ConsoleLine } from './sender.js';

/**
 * Turns a stream of console text into numbered lines. A carriage return (progress bars)
 * rewrites the current line, as a terminal would show it; the unfinished line is emitted
 * as it grows so a crash never loses it.
 */
export class LineRecorder {
  private lineNo = 0;
  private current = '';

  constructor(private readonly emit: (line: ConsoleLine) => void) {}

  record(text: string, stream: 'stdout' | 'stderr'): void {
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
}
