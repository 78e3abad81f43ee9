'use client';

import { useEffect, useState, type RefObject } from 'react';

/**
 * True once the element has come within a screen of the viewport, and from then on. Charts
 * use it to draw the first screen first: every panel's data comes in one batched request,
 * but drawing 20 plots is one long task the browser cannot paint during, so panels further
 * down draw as they are scrolled near (their data is already there by then).
 */
export function useNearViewport(ref: RefObject<Element | null>): boolean {
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
  return near;
}
