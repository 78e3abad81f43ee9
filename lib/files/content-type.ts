/*
 * What a run file is served as. Files are user content on our origin, so the download
 * route names images by type (an <img> needs `image/svg+xml` to draw an SVG) and everything
 * else stays `application/octet-stream`. Every response also carries a sandboxing CSP and
 * `nosniff`: an SVG or HTML file opened directly cannot run scripts as the app.
 */

const imageTypes: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
};

function extensionOf(path: string): string {
  const name = path.split('/').pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export function runFileContentType(path: string): string {
  return imageTypes[extensionOf(path)] ?? 'application/octet-stream';
}

/** No scripts, no plugins, no requests: the content can only be shown. */
export const runFileSecurityHeaders: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox",
  'x-content-type-options': 'nosniff',
};
