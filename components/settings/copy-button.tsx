'use client';

import { Check, Copy } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';

/** Copies a value to the clipboard and says so, to sighted and screen-reader users alike. */
export function CopyButton({ value, label = 'Copy' }: { value: string; label?: string }) {
  const [result, setResult] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (result === 'idle') return;
    const timer = setTimeout(() => setResult('idle'), 2500);
    return () => clearTimeout(timer);
  }, [result]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setResult('copied');
    } catch {
      // Clipboard access needs a secure context and permission; the value stays selectable.
      setResult('failed');
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button type="button" variant="secondary" size="sm" onClick={copy} aria-label={label}>
        {result === 'copied' ? (
          <Check className="h-4 w-4 text-emerald-600" aria-hidden />
        ) : (
          <Copy className="h-4 w-4" aria-hidden />
        )}
        {result === 'copied' ? 'Copied' : 'Copy'}
      </Button>
      <span role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
        {result === 'copied' && <span className="sr-only">Copied to the clipboard</span>}
        {result === 'failed' && 'Copy failed: select the key and copy it yourself.'}
      </span>
    </span>
  );
}
