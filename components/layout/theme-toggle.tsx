'use client';

import { Monitor, Moon, Sun } from 'lucide-react';
import { useTheme } from 'next-themes';
import { useSyncExternalStore } from 'react';

const order = ['light', 'dark', 'system'] as const;
const icons = { light: Sun, dark: Moon, system: Monitor };

/** Cycles light → dark → system. Renders a placeholder until mounted to avoid a hydration mismatch. */
export function ThemeToggle() {
  const { theme, setTheme } = useTheme();
  // false while server rendering and hydrating, true after: the stored theme is only known in the browser.
  const mounted = useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );

  const current = (mounted && order.find((t) => t === theme)) || 'system';
  const next = order[(order.indexOf(current) + 1) % order.length]!;
  const Icon = icons[current];
  return (
    <button
      type="button"
      onClick={() => setTheme(next)}
      aria-label={`Theme: ${current}. Switch to ${next}`}
      title={`Theme: ${current}`}
      className="inline-flex h-9 w-9 items-center justify-center rounded-md text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
    >
      <Icon className="h-4 w-4" aria-hidden />
    </button>
  );
}
