import type { ConsoleLine } from './sender.js';

/** The server's limit per console line: a longer line would get its whole batch refused. */
const maxLineLength = 64 * 1024;

/**
 * Turns a stream of console text into numbered lines. Text after a carriage return
 * (progress bars) rewrites the current line, as a terminal would show it; a carriage return
 * right before a newline keeps the line (`\r` then `\n`, also in separate writes). The
 * unfinished line is emitted as it grows so a crash never loses it.
 */
export class LineRecorder {
  private lineNo: number;
  private current = '';
  /** A carriage return was written: the next text rewrites the line. */
  private returned = false;

  /** `firstLineNo`: where a resumed run's log continues. */
  constructor(
    private readonly emit: (line: ConsoleLine) => void,
    firstLineNo = 0,
  ) {
    this.lineNo = firstLineNo;
  }

  record(text: string, stream: 'stdout' | 'stderr'): void {
    for (const char of text) {
      if (char === '\n') {
        this.emit({ lineNo: this.lineNo++, text: this.current.slice(0, maxLineLength), stream });
        this.current = '';
        this.returned = false;
      } else if (char === '\r') {
        this.returned = true;
      } else {
        if (this.returned) this.current = '';
        this.returned = false;
        this.current += char;
      }
    }
    if (this.current)
      this.emit({ lineNo: this.lineNo, text: this.current.slice(0, maxLineLength), stream });
  }
}
