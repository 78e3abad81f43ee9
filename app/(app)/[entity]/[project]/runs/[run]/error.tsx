'use client';

import { LoadFailed } from '@/components/ui/load-failed';

export default function RunTabError({ reset }: { error: Error; reset: () => void }) {
  return <LoadFailed what="This part of the run" reset={reset} />;
}
