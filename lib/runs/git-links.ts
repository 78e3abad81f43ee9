/**
 * A run's git remote as something a person can read and click: credentials stripped (an
 * https remote may carry a token), and for GitHub and GitLab the web pages of the
 * repository and the commit. Other hosts get no links: their URL schemes are unknown.
 */
export interface GitLinks {
  /** The remote without credentials, as shown. */
  remote: string;
  repositoryUrl: string | null;
  commitUrl: string | null;
}

const knownHosts: Record<string, (repo: string, commit: string) => string> = {
  'github.com': (repo, commit) => `${repo}/commit/${commit}`,
  'gitlab.com': (repo, commit) => `${repo}/-/commit/${commit}`,
};

export function gitLinks(remote: string, commit: string | null): GitLinks {
  const trimmed = remote.trim();
  const parsed = parseRemote(trimmed);
  if (!parsed) return { remote: trimmed, repositoryUrl: null, commitUrl: null };
  const shown = parsed.display;
  const commitPage = knownHosts[parsed.host];
  if (!commitPage) return { remote: shown, repositoryUrl: null, commitUrl: null };
  const repositoryUrl = `https://${parsed.host}/${parsed.path}`;
  const validCommit = commit && /^[0-9a-f]{7,64}$/i.test(commit) ? commit : null;
  return {
    remote: shown,
    repositoryUrl,
    commitUrl: validCommit ? commitPage(repositoryUrl, validCommit) : null,
  };
}

function parseRemote(remote: string): { host: string; path: string; display: string } | null {
  // scp-like syntax: git@github.com:owner/repo.git
  const scp = remote.match(/^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)(.+)$/);
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(remote)) {
    const path = cleanPath(scp[2]!);
    return path ? { host: scp[1]!.toLowerCase(), path, display: `${scp[1]}:${scp[2]}` } : null;
  }
  let url: URL;
  try {
    url = new URL(remote);
  } catch {
    return null;
  }
  if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol)) return null;
  const path = cleanPath(url.pathname);
  url.username = '';
  url.password = '';
  return path ? { host: url.hostname.toLowerCase(), path, display: url.toString() } : null;
}

function cleanPath(path: string): string | null {
  const cleaned = path
    .replace(/^\/+/, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
  // owner/repo, or group/subgroup/repo on GitLab; nothing that could leave the path.
  return /^[\w.-]+(\/[\w.-]+)+$/.test(cleaned) && !cleaned.split('/').includes('..')
    ? cleaned
    : null;
}
