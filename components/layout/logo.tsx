import { Compass } from 'lucide-react';
import Link from 'next/link';

export function Logo() {
  return (
    <Link
      href="/"
      className="flex items-center gap-2 font-semibold tracking-tight"
      aria-label="Sextant home"
    >
      <span className="flex h-8 w-8 items-center justify-center rounded-lg bg-brand-600 text-white">
        <Compass className="h-5 w-5" aria-hidden />
      </span>
      <span className="text-lg">Sextant</span>
    </Link>
  );
}
