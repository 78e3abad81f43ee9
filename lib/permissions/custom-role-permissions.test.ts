import { describe, expect, it } from 'vitest';
import { addableExtras, baseGrants, isAddableExtra } from './custom-role-permissions';
import { teamPermissions } from './team-grants';

const flat = (base: 'MEMBER' | 'VIEW_ONLY') => addableExtras(base).flatMap((g) => g.permissions);

describe('custom role extras', () => {
  it('offer, on View-only, what View-only lacks, except the admin-only settings', () => {
    const extras = flat('VIEW_ONLY');
    expect(extras).toContain('run:log');
    expect(extras).toContain('artifact:download');
    expect(extras).toContain('team:invite');
    // Already granted by the base: nothing to add.
    expect(extras).not.toContain('run:view');
    expect(extras).not.toContain('report:comment');
    expect(extras).not.toContain('team:manage-settings');
    expect(extras).not.toContain('team:view-settings');
  });

  it("offer, on Member, the 'own' permissions as everyone's, and nothing Member already has", () => {
    const extras = flat('MEMBER');
    expect(extras).toEqual(
      expect.arrayContaining(['run:delete', 'run:stop', 'report:edit', 'project:delete']),
    );
    expect(extras).not.toContain('run:log');
    expect(extras).not.toContain('artifact:download');
    expect(isAddableExtra('MEMBER', 'team:manage-settings')).toBe(false);
  });

  it('cover every permission exactly once between the base and the extras (or admin-only)', () => {
    for (const base of ['MEMBER', 'VIEW_ONLY'] as const) {
      const extras = flat(base);
      expect(new Set(extras).size).toBe(extras.length);
      const fully = baseGrants(base);
      for (const permission of teamPermissions) {
        const covered = extras.includes(permission) || fully.includes(permission);
        const adminOnly = ['team:view-settings', 'team:manage-settings'].includes(permission);
        expect(covered || adminOnly, `${base} ${permission}`).toBe(true);
      }
    }
  });

  it('group extras under plain headings, in catalog order', () => {
    expect(addableExtras('VIEW_ONLY').map((g) => g.label)).toEqual([
      'Team',
      'Runs and projects',
      'Reports',
      'Artifacts',
      'Model registry',
    ]);
  });
});
