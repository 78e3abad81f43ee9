import type { ReactNode } from 'react';

// A setting's label and description, beside its control (a checkbox or a switch).

/** The id of the description, for the control's aria-describedby. */
export const descriptionId = (id: string) => `${id}-description`;

export function SettingLabel({
  id,
  label,
  description,
  children,
}: {
  /** The id of the control the label names. */
  id: string;
  label: string;
  description: ReactNode;
  /** Shown below the description, e.g. why saving failed. */
  children?: ReactNode;
}) {
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block cursor-pointer text-sm font-medium">
        {label}
      </label>
      <p id={descriptionId(id)} className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
        {description}
      </p>
      {children}
    </div>
  );
}
