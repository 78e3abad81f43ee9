/**
 * Config and summary as rows: nested objects become dotted keys ("optimizer.lr"), so a
 * table can search and sort them. Arrays and media records stay whole values.
 */
export function flattenKeys(
  value: Record<string, unknown>,
  prefix = '',
  rows: { key: string; value: unknown }[] = [],
  depth = 0,
): { key: string; value: unknown }[] {
  for (const [key, inner] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    // A depth cap keeps a pathological config from producing unbounded rows.
    if (isPlainObject(inner) && Object.keys(inner).length > 0 && depth < 8)
      flattenKeys(inner, path, rows, depth + 1);
    else rows.push({ key: path, value: inner });
  }
  return rows;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
