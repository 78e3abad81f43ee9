import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Non-numeric values for `run.log()`: text is logged as it is; histograms, tables and images
 * are built with these helpers. The server keeps them as typed media records; an image's bytes
 * become a run file under `media/images/`.
 */

export interface HistogramValue {
  _type: 'histogram';
  bins: number[];
  counts: number[];
}

export interface TableValue {
  _type: 'table';
  columns: string[];
  data: (number | string | boolean | null)[][];
}

/** An image to log: a file path or the encoded bytes (PNG, JPEG, GIF or WebP). */
export interface ImageSource {
  _type: 'image-source';
  source: string | Buffer;
  caption?: string;
  /** File extension when `source` is bytes (default png). */
  format?: string;
}

export type MediaLogValue = string | HistogramValue | TableValue | ImageSource;

/** A histogram of `values` in `bins` equal-width bins (NaN and ±Infinity left out). */
export function histogram(values: Iterable<number>, { bins = 64 } = {}): HistogramValue {
  const finite = [...values].filter(Number.isFinite);
  if (finite.length === 0) return { _type: 'histogram', bins: [0, 1], counts: [0] };
  const low = Math.min(...finite);
  const high = Math.max(...finite);
  const count = Math.max(1, Math.min(512, Math.floor(bins)));
  const width = (high - low) / count || 1;
  const edges = Array.from({ length: count + 1 }, (_, i) => low + i * width);
  const counts = new Array<number>(count).fill(0);
  for (const value of finite) counts[Math.min(count - 1, Math.floor((value - low) / width))]!++;
  return { _type: 'histogram', bins: edges, counts };
}

export function table(columns: string[], data: TableValue['data']): TableValue {
  return { _type: 'table', columns, data };
}

export function image(
  source: string | Buffer,
  options: { caption?: string; format?: string } = {},
): ImageSource {
  return { _type: 'image-source', source, ...options };
}

/**
 * Copies an image into a local staging folder under the run-file path it will have, and
 * returns that folder and path: `media/images/<key>_<step>_<sha8>.<ext>`. Synchronous on
 * purpose: the history row needs the path at once, and images are logged rarely.
 */
export function stageImage(
  key: string,
  step: number,
  value: ImageSource,
): { root: string; file: string; path: string } {
  const bytes = typeof value.source === 'string' ? readFileSync(value.source) : value.source;
  const ext = (
    typeof value.source === 'string'
      ? path.extname(value.source).slice(1) || 'png'
      : (value.format ?? 'png')
  ).toLowerCase();
  const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 8);
  const safeKey = key.replace(/[^A-Za-z0-9_.-]+/g, '_');
  const runPath = `media/images/${safeKey}_${step}_${digest}.${ext}`;
  const root = path.join(os.tmpdir(), 'sextant-media');
  const file = path.join(root, runPath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return { root, file, path: runPath };
}
