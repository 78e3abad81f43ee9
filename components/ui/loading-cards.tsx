/** Shown while a page loads: the shape of its cards, so the page does not jump. */
export function LoadingCards({ heights = ['h-40', 'h-64'] }: { heights?: string[] }) {
  return (
    <div aria-busy="true" aria-label="Loading" className="space-y-4">
      {heights.map((height, i) => (
        <div
          key={i}
          className={`${height} animate-pulse rounded-xl bg-zinc-100 dark:bg-zinc-900`}
        />
      ))}
    </div>
  );
}
