'use client';

import { useEffect, useState } from 'react';
import { formatDuration } from './format';

/**
 * How long a run ran; while it runs, the time since it started, ticking every second.
 * Rendered first with the server's time, so the markup matches before the clock starts.
 */
export function RunDuration({
  startedAt,
  endedAt,
  running,
}: {
  startedAt: string;
  /** finishedAt, or for a stopped clock the last heartbeat. */
  endedAt: string;
  running: boolean;
}) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    if (!running) return;
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [running]);
  const end = running && now !== null ? now : new Date(endedAt).getTime();
  return (
    <span className="tabular-nums">
      {formatDuration(end - new Date(startedAt).getTime())}
      {running && <span className="sr-only"> and counting</span>}
    </span>
  );
}
