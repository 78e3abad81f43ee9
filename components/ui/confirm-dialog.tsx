'use client';

import { useId, type ComponentProps, type FormEvent, type ReactNode } from 'react';
import type { ActionState } from '@/lib/action-state';
import { Button, type ButtonProps } from './button';
import { DialogShell } from './modal-dialog';

/** Either a plain click handler or a form submitted by the confirm button. */
type ConfirmWith =
  | { onConfirm: () => void; form?: never }
  | {
      onConfirm?: never;
      /** `action` for submissions before hydration, `onSubmit` after (see useFormAction). */
      form: {
        action?: (data: FormData) => void;
        onSubmit: (event: FormEvent<HTMLFormElement>) => void;
      };
    };

/**
 * A modal that asks before doing something: title, description, optional body (fields,
 * hidden inputs, a list), an error line, and Cancel beside the button that goes ahead.
 * Its content exists only while open, so fields start fresh each time.
 */
export function ConfirmDialog({
  open,
  onClose,
  title,
  description,
  children,
  error,
  confirmLabel,
  confirmVariant = 'danger',
  pending,
  confirmDisabled,
  result,
  width,
  footerStart,
  focusCancel = true,
  ...confirmWith
}: {
  open: boolean;
  /** Called by Cancel, Escape and a successful `result`; put resets here. */
  onClose: () => void;
  title: ReactNode;
  description: ReactNode;
  children?: ReactNode;
  /** Shown under the description, e.g. the action's error message. */
  error?: ReactNode;
  /** The label of the button that goes ahead, e.g. "Delete email". */
  confirmLabel: ReactNode;
  confirmVariant?: ButtonProps['variant'];
  pending?: boolean;
  confirmDisabled?: boolean;
  /** The form action's latest result: an `ok` closes the dialog. */
  result?: ActionState<unknown>;
  width?: ComponentProps<typeof DialogShell>['width'];
  /** Shown at the start of the button row (a count, a hint). */
  footerStart?: ReactNode;
  /** Cancel takes the focus on opening (the safe choice); otherwise the first field does. */
  focusCancel?: boolean;
} & ConfirmWith) {
  const titleId = useId();
  const descriptionId = useId();
  const { form, onConfirm } = confirmWith;

  const content = (
    <>
      <div className="space-y-3 px-6 py-5">
        <h2 id={titleId} className="text-base font-semibold">
          {title}
        </h2>
        <div id={descriptionId} className="text-sm text-zinc-600 dark:text-zinc-400">
          {description}
        </div>
        {error}
        {children}
      </div>
      <div className="flex items-center justify-end gap-3 border-t border-zinc-200 bg-zinc-50 px-6 py-3 dark:border-zinc-800 dark:bg-zinc-900/60">
        {footerStart && (
          <span className="mr-auto text-xs text-zinc-500 dark:text-zinc-400">{footerStart}</span>
        )}
        <Button type="button" variant="secondary" onClick={onClose} autoFocus={focusCancel}>
          Cancel
        </Button>
        <Button
          type={form ? 'submit' : 'button'}
          variant={confirmVariant}
          pending={pending}
          disabled={confirmDisabled}
          onClick={onConfirm}
        >
          {confirmLabel}
        </Button>
      </div>
    </>
  );

  return (
    <DialogShell
      open={open}
      onClose={onClose}
      labelledBy={titleId}
      describedBy={descriptionId}
      result={result}
      width={width}
    >
      {open &&
        (form ? (
          <form action={form.action} onSubmit={form.onSubmit}>
            {content}
          </form>
        ) : (
          <div>{content}</div>
        ))}
    </DialogShell>
  );
}
