'use client';

import { useCallback, useState } from 'react';

/**
 * Runs the person hid from the charts (the eye toggle), remembered per project in this
 * browser: hiding a run is a view choice, not a change to the run.
 */
export function useHiddenRuns(
  entity: string,
  project: string,
): [Set<string>, (runId: string) => void] {
  const storageKey = `sextant:hidden-runs:${entity}/${project}`;
  // Read once on the client; the table renders rows only after its first fetch, so the
  // server's empty set is never shown against a different one.
  const [hidden, setHidden] = useState<Set<string>>(() => readHidden(storageKey));
  const toggle = useCallback(
    (runId: string) =>
      setHidden((current) => {
        const next = new Set(current);
        if (next.has(runId)) next.delete(runId);
        else next.add(runId);
        try {
          window.localStorage.setItem(storageKey, JSON.stringify([...next].slice(-5000)));
        } catch {
          // Private mode or a full quota: the toggle still works for this visit.
        }
        return next;
      }),
    [storageKey],
  );
  return [hidden, toggle];
}

function readHidden(storageKey: string): Set<string> {
  if (typeof window === 'undefined') return new Set();
  try {
    const saved = JSON.parse(window.localStorage.getItem(storageKey) ?? '[]') as unknown;
    return new Set(Array.isArray(saved) ? saved.filter((id) => typeof id === 'string') : []);
  } catch {
    // Unreadable storage: start with every run shown.
    return new Set();
  }
}
