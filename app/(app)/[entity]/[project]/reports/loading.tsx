import { LoadingCards } from '@/components/ui/loading-cards';

export default function Loading() {
  return (
    <div className="mx-auto max-w-5xl px-6 py-8">
      <LoadingCards heights={['h-10', 'h-64']} />
    </div>
  );
}
