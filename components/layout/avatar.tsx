import { cn } from '../ui/cn';

/** A profile picture, or the person's initials on a tinted disc when there is none. */
export function Avatar({
  name,
  imageUrl,
  size = 32,
  className,
}: {
  name: string;
  imageUrl: string | null;
  size?: number;
  className?: string;
}) {
  const initials =
    name
      .split(/[\s_-]+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((part) => part[0]!.toUpperCase())
      .join('') || '?';
  const style = { width: size, height: size };
  if (imageUrl) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- tiny, already resized server-side
      <img
        src={imageUrl}
        alt=""
        width={size}
        height={size}
        style={style}
        className={cn('rounded-full object-cover', className)}
      />
    );
  }
  return (
    <span
      aria-hidden
      style={{ ...style, fontSize: size * 0.4 }}
      className={cn(
        'inline-flex items-center justify-center rounded-full bg-brand-100 font-semibold text-brand-700 dark:bg-zinc-800 dark:text-brand-500',
        className,
      )}
    >
      {initials}
    </span>
  );
}
