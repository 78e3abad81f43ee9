'use client';

import { RotateCw } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** A tab that failed to load (the database away, say): say so and offer to try again. */
export default function RunTabError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl space-y-4 px-6 py-16">
      <Alert tone="error">
        This part of the run could not be loaded. It may be a passing problem.
      </Alert>
      <Button type="button" variant="secondary" onClick={reset}>
        <RotateCw className="h-4 w-4" aria-hidden />
        Try again
      </Button>
    </div>
  );
}
