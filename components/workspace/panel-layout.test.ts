import { describe, expect, it } from 'vitest';
import type { WorkspaceLayout } from '@/lib/workspaces/schemas';
import {
  autoPanel,
  emptyLayout,
  filterPanels,
  layoutReducer,
  sectionsOf,
  withAutoPanels,
} from './panel-layout';

const keys = ['val/loss', 'train/loss', 'train/acc', 'lr', '_timestamp', 'system/cpu'];
const base = () => withAutoPanels(emptyLayout, keys);
const ids = (layout: WorkspaceLayout) => layout.panels.map((panel) => panel.id);

describe('default panels', () => {
  it('makes one panel per logged key, grouped by prefix, skipping _ and system keys', () => {
    const layout = base();
    expect(ids(layout)).toEqual(['auto:lr', 'auto:train/acc', 'auto:train/loss', 'auto:val/loss']);
    expect(sectionsOf(layout.panels).map((s) => [s.name, s.panels.length])).toEqual([
      ['Charts', 1],
      ['train', 2],
      ['val', 1],
    ]);
  });

  it('adds panels for new keys after the arranged ones, and not for dismissed keys', () => {
    const arranged = layoutReducer(base(), { type: 'delete', id: 'auto:lr' });
    expect(arranged.dismissedKeys).toEqual(['lr']);
    const later = withAutoPanels(arranged, [...keys, 'val/acc']);
    expect(ids(later)).toEqual([
      'auto:train/acc',
      'auto:train/loss',
      'auto:val/loss',
      'auto:val/acc',
    ]);
    // Nothing new: the same object comes back (no needless re-render or save).
    expect(withAutoPanels(later, keys)).toBe(later);
  });
});

describe('layoutReducer', () => {
  it('edits a panel, which then stops being a default one', () => {
    const layout = base();
    const panel = { ...layout.panels[1]!, logY: true, smoothing: 0.6, title: 'Accuracy' };
    const next = layoutReducer(layout, { type: 'update', id: panel.id, panel });
    expect(next.panels[1]).toMatchObject({
      logY: true,
      smoothing: 0.6,
      title: 'Accuracy',
      auto: false,
    });
    expect(layout.panels[1]!.logY).toBe(false);
  });

  it('duplicates beside the original and deletes without dismissing keys still shown', () => {
    const copied = layoutReducer(base(), { type: 'duplicate', id: 'auto:train/acc', newId: 'p1' });
    expect(ids(copied).slice(1, 3)).toEqual(['auto:train/acc', 'p1']);
    expect(copied.panels[2]!.title).toBe('train/acc (copy)');
    const deleted = layoutReducer(copied, { type: 'delete', id: 'auto:train/acc' });
    expect(deleted.dismissedKeys).toEqual([]);
    expect(ids(deleted)).not.toContain('auto:train/acc');
  });

  it('resizes and adds', () => {
    const resized = layoutReducer(base(), { type: 'resize', id: 'auto:lr', size: 'large' });
    expect(resized.panels[0]!.size).toBe('large');
    const added = layoutReducer(resized, {
      type: 'add',
      panel: { ...autoPanel('x'), id: 'p2', yKeys: [], yRegex: '^train/' },
    });
    expect(added.panels.at(-1)).toMatchObject({ id: 'p2', yRegex: '^train/', auto: false });
  });

  it('moves a panel up and down within its section only', () => {
    const layout = base();
    const up = layoutReducer(layout, { type: 'move', id: 'auto:train/loss', direction: 'up' });
    expect(ids(up)).toEqual(['auto:lr', 'auto:train/loss', 'auto:train/acc', 'auto:val/loss']);
    // First of its section: nowhere to go.
    expect(layoutReducer(up, { type: 'move', id: 'auto:train/loss', direction: 'up' })).toBe(up);
    expect(layoutReducer(layout, { type: 'move', id: 'auto:val/loss', direction: 'down' })).toBe(
      layout,
    );
  });

  it('drags a panel before another, joining that panel’s section', () => {
    const next = layoutReducer(base(), {
      type: 'moveBefore',
      id: 'auto:val/loss',
      beforeId: 'auto:train/acc',
    });
    expect(ids(next)).toEqual(['auto:lr', 'auto:val/loss', 'auto:train/acc', 'auto:train/loss']);
    expect(next.panels[1]!.section).toBe('train');
  });

  it('collapses and expands sections', () => {
    const collapsed = layoutReducer(base(), { type: 'toggleSection', section: 'train' });
    expect(collapsed.collapsedSections).toEqual(['train']);
    expect(
      layoutReducer(collapsed, { type: 'toggleSection', section: 'train' }).collapsedSections,
    ).toEqual([]);
  });
});

describe('filterPanels', () => {
  it('matches titles and metrics by regular expression, or as text when the pattern is invalid', () => {
    const panels = base().panels;
    expect(filterPanels(panels, '^train/').map((p) => p.id)).toEqual([
      'auto:train/acc',
      'auto:train/loss',
    ]);
    expect(filterPanels(panels, 'loss$').length).toBe(2);
    expect(filterPanels(panels, '(').length).toBe(0);
    expect(filterPanels(panels, '  ').length).toBe(4);
  });
});
