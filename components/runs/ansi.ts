import Anser from 'anser';

/**
 * One console line with ANSI colours as styled segments, for React to render as text (never
 * as HTML: a log line is whatever a program printed). The 16 named colours map to a palette
 * tuned for the dark log panel; 256-colour and true-colour codes become rgb() styles.
 */
export interface AnsiSegment {
  text: string;
  className: string;
  color?: string;
  background?: string;
}

const foreground: Record<string, string> = {
  'ansi-black': 'text-zinc-500',
  'ansi-red': 'text-red-400',
  'ansi-green': 'text-emerald-400',
  'ansi-yellow': 'text-amber-300',
  'ansi-blue': 'text-sky-400',
  'ansi-magenta': 'text-fuchsia-400',
  'ansi-cyan': 'text-cyan-300',
  'ansi-white': 'text-zinc-200',
  'ansi-bright-black': 'text-zinc-400',
  'ansi-bright-red': 'text-red-300',
  'ansi-bright-green': 'text-emerald-300',
  'ansi-bright-yellow': 'text-yellow-200',
  'ansi-bright-blue': 'text-sky-300',
  'ansi-bright-magenta': 'text-fuchsia-300',
  'ansi-bright-cyan': 'text-cyan-200',
  'ansi-bright-white': 'text-white',
};

const background: Record<string, string> = {
  'ansi-black': 'bg-zinc-900',
  'ansi-red': 'bg-red-900/70',
  'ansi-green': 'bg-emerald-900/70',
  'ansi-yellow': 'bg-amber-900/70',
  'ansi-blue': 'bg-sky-900/70',
  'ansi-magenta': 'bg-fuchsia-900/70',
  'ansi-cyan': 'bg-cyan-900/70',
  'ansi-white': 'bg-zinc-600',
  'ansi-bright-black': 'bg-zinc-700',
  'ansi-bright-red': 'bg-red-700/70',
  'ansi-bright-green': 'bg-emerald-700/70',
  'ansi-bright-yellow': 'bg-amber-700/70',
  'ansi-bright-blue': 'bg-sky-700/70',
  'ansi-bright-magenta': 'bg-fuchsia-700/70',
  'ansi-bright-cyan': 'bg-cyan-700/70',
  'ansi-bright-white': 'bg-zinc-400',
};

const decorations: Record<string, string> = {
  bold: 'font-bold',
  dim: 'opacity-60',
  italic: 'italic',
  underline: 'underline',
  strikethrough: 'line-through',
  hidden: 'invisible',
};

/** xterm's 256-colour palette: 16 named, a 6×6×6 cube, then 24 greys. */
export function paletteRgb(index: number): string {
  if (index < 16) {
    const base = [
      [0, 0, 0],
      [205, 49, 49],
      [13, 188, 121],
      [229, 229, 16],
      [36, 114, 200],
      [188, 63, 188],
      [17, 168, 205],
      [229, 229, 229],
      [102, 102, 102],
      [241, 76, 76],
      [35, 209, 139],
      [245, 245, 67],
      [59, 142, 234],
      [214, 112, 214],
      [41, 184, 219],
      [255, 255, 255],
    ][index]!;
    return `rgb(${base.join(', ')})`;
  }
  if (index < 232) {
    const n = index - 16;
    const level = (v: number) => (v === 0 ? 0 : 55 + v * 40);
    return `rgb(${level(Math.floor(n / 36))}, ${level(Math.floor(n / 6) % 6)}, ${level(n % 6)})`;
  }
  const grey = 8 + (index - 232) * 10;
  return `rgb(${grey}, ${grey}, ${grey})`;
}

function colour(name: string | null, trueColour: string | null): string | undefined {
  if (!name) return undefined;
  const palette = name.match(/^ansi-palette-(\d{1,3})$/);
  if (palette) return paletteRgb(Math.min(Number(palette[1]), 255));
  // Anser gives "r, g, b"; only digits pass, so nothing else can reach a style.
  if (name === 'ansi-truecolor' && trueColour && /^\d{1,3}, ?\d{1,3}, ?\d{1,3}$/.test(trueColour))
    return `rgb(${trueColour})`;
  return undefined;
}

export function ansiSegments(line: string): AnsiSegment[] {
  // Fast path: most lines carry no escape codes.
  if (!line.includes('\u001b')) return [{ text: line, className: '' }];
  return Anser.ansiToJson(line, { use_classes: true, remove_empty: true }).map((entry) => {
    const classes = [
      entry.fg ? foreground[entry.fg] : undefined,
      entry.bg ? background[entry.bg] : undefined,
      ...entry.decorations.map((decoration) => decorations[decoration]),
    ].filter(Boolean);
    return {
      text: entry.content,
      className: classes.join(' '),
      color: colour(entry.fg, entry.fg_truecolor),
      background: colour(entry.bg, entry.bg_truecolor),
    };
  });
}

/** The line as plain text, for search. */
export function ansiPlain(line: string): string {
  return line.includes('\u001b') ? Anser.ansiToText(line) : line;
}
