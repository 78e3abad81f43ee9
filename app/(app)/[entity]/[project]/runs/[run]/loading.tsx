import { LoadingCards } from '@/components/ui/loading-cards';

export default function RunTabLoading() {
  return <LoadingCards />;
}
