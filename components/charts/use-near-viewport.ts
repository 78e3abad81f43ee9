'use client';

import { useEffect, useState, type RefObject } from 'react';

/** Charts waiting to draw off-screen, woken one per idle moment, top to bottom. */
const waiting: (() => void)[] = [];
let wakeScheduled = false;

function wakeNextWhenIdle() {
  if (wakeScheduled || waiting.length === 0) return;
  wakeScheduled = true;
  const wake = () => {
    wakeScheduled = false;
    waiting.shift()?.();
    wakeNextWhenIdle();
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(wake, { timeout: 1000 });
  else setTimeout(wake, 50);
}

/**
 * Whether a chart may draw: at once when it is within a screen of the viewport, otherwise
 * once the browser is idle after it has its data, one chart per idle moment. Every panel's
 * data comes in one batched request, but drawing 20 plots in one go is a long task the
 * browser cannot paint during; this way the first screen is drawn first and the rest follow
 * without waiting for a scroll.
 */
export function useNearViewport(ref: RefObject<Element | null>, hasData: boolean): boolean {
  // Without IntersectionObserver (old browsers) everything counts as near.
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');

  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      // One screen above and below the visible part counts as near.
      { rootMargin: '100% 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, ref]);

  useEffect(() => {
    if (near || !hasData) return;
    const wake = () => setNear(true);
    waiting.push(wake);
    wakeNextWhenIdle();
    return () => {
      const index = waiting.indexOf(wake);
      if (index >= 0) waiting.splice(index, 1);
    };
  }, [near, hasData]);

  return near;
}
