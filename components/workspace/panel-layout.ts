import type { Panel, PanelSize, WorkspaceLayout } from '@/lib/workspaces/schemas';

/**
 * The workspace's panels as pure data and a reducer over them, so every edit (add, edit,
 * duplicate, delete, resize, reorder, collapse) is one tested function of the old layout.
 */

export const emptyLayout: WorkspaceLayout = {
  version: 1,
  panels: [],
  dismissedKeys: [],
  collapsedSections: [],
};

/** The section a key's default panel lives in: its prefix (`train/loss` → `train`). */
export function sectionOf(key: string): string {
  const slash = key.indexOf('/');
  return slash > 0 ? key.slice(0, slash) : 'Charts';
}

/** Keys that get a panel of their own by default: logged metrics, not `_timestamp` or system ones. */
export function isChartableKey(key: string): boolean {
  return !key.startsWith('_') && !key.startsWith('system/');
}

export function autoPanel(key: string): Panel {
  return {
    id: `auto:${key}`,
    section: sectionOf(key),
    xAxis: '_step',
    yKeys: [key],
    logY: false,
    logX: false,
    smoothing: 0,
    legend: 'top',
    size: 'medium',
    auto: true,
  };
}

/**
 * The layout with a default panel for every key no panel shows yet (and nobody dismissed),
 * sorted by key after the arranged panels: new metrics appear without anyone adding them.
 */
export function withAutoPanels(layout: WorkspaceLayout, keys: readonly string[]): WorkspaceLayout {
  const shown = new Set(layout.panels.flatMap((panel) => panel.yKeys));
  const dismissed = new Set(layout.dismissedKeys);
  const fresh = keys
    .filter((key) => isChartableKey(key) && !shown.has(key) && !dismissed.has(key))
    .sort()
    .map(autoPanel);
  return fresh.length ? { ...layout, panels: [...layout.panels, ...fresh] } : layout;
}

/** Sections in the order their first panel appears, each with its panels in order. */
export function sectionsOf(panels: readonly Panel[]): { name: string; panels: Panel[] }[] {
  const sections = new Map<string, Panel[]>();
  for (const panel of panels) {
    const list = sections.get(panel.section);
    if (list) list.push(panel);
    else sections.set(panel.section, [panel]);
  }
  return [...sections].map(([name, list]) => ({ name, panels: list }));
}

/** Panels whose title, section or metrics match a search (a regular expression, or plain text if it is not one). */
export function filterPanels(panels: readonly Panel[], search: string): Panel[] {
  const query = search.trim();
  if (!query) return [...panels];
  let test: (text: string) => boolean;
  try {
    const pattern = new RegExp(query, 'i');
    test = (text) => pattern.test(text);
  } catch {
    const lower = query.toLowerCase();
    test = (text) => text.toLowerCase().includes(lower);
  }
  return panels.filter((panel) =>
    [panel.title ?? '', panel.yRegex ?? '', ...panel.yKeys].some((text) => test(text)),
  );
}

export type LayoutAction =
  | { type: 'replace'; layout: WorkspaceLayout }
  | { type: 'add'; panel: Panel }
  | { type: 'update'; id: string; panel: Panel }
  | { type: 'duplicate'; id: string; newId: string }
  | { type: 'delete'; id: string }
  | { type: 'resize'; id: string; size: PanelSize }
  | { type: 'move'; id: string; direction: 'up' | 'down' }
  | { type: 'moveBefore'; id: string; beforeId: string }
  | { type: 'toggleSection'; section: string };

export function layoutReducer(layout: WorkspaceLayout, action: LayoutAction): WorkspaceLayout {
  const panels = layout.panels;
  const index = 'id' in action ? panels.findIndex((panel) => panel.id === action.id) : -1;
  const replacePanel = (panel: Panel) =>
    panels.map((existing, i) => (i === index ? panel : existing));
  switch (action.type) {
    case 'replace':
      return action.layout;
    case 'add':
      return { ...layout, panels: [...panels, { ...action.panel, auto: false }] };
    case 'update':
      if (index < 0) return layout;
      // An edited default panel becomes the person's own.
      return { ...layout, panels: replacePanel({ ...action.panel, id: action.id, auto: false }) };
    case 'duplicate': {
      if (index < 0) return layout;
      const original = panels[index]!;
      const copy: Panel = {
        ...original,
        id: action.newId,
        auto: false,
        title: `${original.title || original.yKeys.join(', ') || original.yRegex || 'Panel'} (copy)`,
      };
      return {
        ...layout,
        panels: [...panels.slice(0, index + 1), copy, ...panels.slice(index + 1)],
      };
    }
    case 'delete': {
      if (index < 0) return layout;
      const removed = panels[index]!;
      const remaining = panels.filter((_, i) => i !== index);
      // Keys no other panel shows would come back as default panels: remember them as dismissed.
      const stillShown = new Set(remaining.flatMap((panel) => panel.yKeys));
      const dismissed = removed.yKeys.filter((key) => !stillShown.has(key));
      return {
        ...layout,
        panels: remaining,
        dismissedKeys: [...new Set([...layout.dismissedKeys, ...dismissed])],
      };
    }
    case 'resize':
      if (index < 0) return layout;
      return { ...layout, panels: replacePanel({ ...panels[index]!, size: action.size }) };
    case 'move': {
      if (index < 0) return layout;
      const section = panels[index]!.section;
      // The neighbour within the same section (sections interleave in the flat list).
      const step = action.direction === 'up' ? -1 : 1;
      let other = index + step;
      while (other >= 0 && other < panels.length && panels[other]!.section !== section)
        other += step;
      if (other < 0 || other >= panels.length) return layout;
      const next = [...panels];
      [next[index], next[other]] = [next[other]!, next[index]!];
      return { ...layout, panels: next };
    }
    case 'moveBefore': {
      const target = panels.find((panel) => panel.id === action.beforeId);
      if (index < 0 || !target || action.id === action.beforeId) return layout;
      // Dropped on a panel of another section, it joins that section.
      const moved = { ...panels[index]!, section: target.section };
      const without = panels.filter((_, i) => i !== index);
      const at = without.findIndex((panel) => panel.id === action.beforeId);
      return { ...layout, panels: [...without.slice(0, at), moved, ...without.slice(at)] };
    }
    case 'toggleSection': {
      const collapsed = new Set(layout.collapsedSections);
      if (collapsed.has(action.section)) collapsed.delete(action.section);
      else collapsed.add(action.section);
      return { ...layout, collapsedSections: [...collapsed] };
    }
  }
}
