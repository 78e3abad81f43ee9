'use client';

import { LoadFailed } from '@/components/ui/load-failed';

/** Any page of the app that failed to render: the header and navigation stay usable. */
export default function PageError({ reset }: { error: Error; reset: () => void }) {
  return <LoadFailed what="This page" reset={reset} />;
}
