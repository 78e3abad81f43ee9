/** Shown while a tab loads: the shape of a card, so the page does not jump. */
export default function RunTabLoading() {
  return (
    <div aria-busy="true" aria-label="Loading" className="space-y-4">
      <div className="h-40 animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-900" />
      <div className="h-64 animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-900" />
    </div>
  );
}
