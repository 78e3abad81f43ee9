/**
 * A run's colour, the same in the runs table, every chart panel and every page: derived
 * from the run id alone, so it never changes when runs are filtered, sorted or reloaded.
 * The palette is readable on both the light and the dark background.
 */
export const runPalette = [
  '#2563eb', // blue
  '#dc2626', // red
  '#059669', // emerald
  '#d97706', // amber
  '#7c3aed', // violet
  '#db2777', // pink
  '#0891b2', // cyan
  '#65a30d', // lime
  '#ea580c', // orange
  '#4f46e5', // indigo
  '#0d9488', // teal
  '#c026d3', // fuchsia
] as const;

/** FNV-1a: cheap, stable across processes and browsers, well spread for short ids. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function runColor(runId: string): string {
  return runPalette[hash(runId) % runPalette.length]!;
}
