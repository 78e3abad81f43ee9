import { describe, expect, it } from 'vitest';
import { gitLinks } from './git-links';

const sha = '3f2a9c1d4e5b6a7980f1e2d3c4b5a69788796a5b';

describe('gitLinks', () => {
  it('links GitHub remotes in scp, https and ssh form to the repository and commit', () => {
    for (const remote of [
      'git@github.com:acme/vision.git',
      'https://github.com/acme/vision.git',
      'ssh://git@github.com/acme/vision',
    ]) {
      expect(gitLinks(remote, sha)).toMatchObject({
        repositoryUrl: 'https://github.com/acme/vision',
        commitUrl: `https://github.com/acme/vision/commit/${sha}`,
      });
    }
  });

  it('links GitLab subgroups with GitLab’s commit path', () => {
    expect(gitLinks('https://gitlab.com/acme/ml/vision.git', sha)).toMatchObject({
      repositoryUrl: 'https://gitlab.com/acme/ml/vision',
      commitUrl: `https://gitlab.com/acme/ml/vision/-/commit/${sha}`,
    });
  });

  it('never shows credentials carried by an https remote', () => {
    const links = gitLinks('https://oauth2:glpat-SECRET@gitlab.com/acme/vision.git', sha);
    expect(links.remote).not.toContain('SECRET');
    expect(links.remote).toBe('https://gitlab.com/acme/vision.git');
  });

  it('gives no links for unknown hosts, odd commits or unparseable remotes', () => {
    expect(gitLinks('git@git.internal:team/repo.git', sha)).toEqual({
      remote: 'git.internal:team/repo.git',
      repositoryUrl: null,
      commitUrl: null,
    });
    expect(gitLinks('https://github.com/acme/vision', 'not a sha').commitUrl).toBeNull();
    expect(gitLinks('javascript:alert(1)', sha).repositoryUrl).toBeNull();
    expect(gitLinks('/home/me/repo', null)).toEqual({
      remote: '/home/me/repo',
      repositoryUrl: null,
      commitUrl: null,
    });
  });
});
