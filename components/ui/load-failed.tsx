'use client';

import { RotateCw } from 'lucide-react';
import { Alert } from './alert';
import { Button } from './button';

/**
 * What a route's error boundary shows (the database away, say): what failed, and a way to
 * try again without losing the page around it.
 */
export function LoadFailed({ what, reset }: { what: string; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl space-y-4 px-6 py-16">
      <Alert tone="error">{what} could not be loaded. It may be a passing problem.</Alert>
      <Button type="button" variant="secondary" onClick={reset}>
        <RotateCw className="h-4 w-4" aria-hidden />
        Try again
      </Button>
    </div>
  );
}
