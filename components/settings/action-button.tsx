'use client';

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button, type ButtonProps } from '@/components/ui/button';
import { FormMessage } from './form-message';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

export interface Confirmation {
  title: string;
  description: ReactNode;
  /** The label of the button that goes ahead, e.g. "Delete email". */
  confirmLabel: string;
}

/**
 * One button that runs one server action with a few hidden fields (a row's id), showing
 * its result beside it. With `confirm`, the button opens a modal dialog first and the
 * action runs from the dialog's own button.
 */
export function ActionButton({
  action,
  fields = {},
  children,
  label,
  variant = 'secondary',
  size = 'sm',
  confirm,
  showSuccess = true,
}: {
  action: FormAction;
  fields?: Record<string, string>;
  children: ReactNode;
  /** An accessible name when the visible text alone is ambiguous ("Delete a@b.com"). */
  label?: string;
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
  confirm?: Confirmation;
  showSuccess?: boolean;
}) {
  const { state, dispatch, pending, onSubmit } = useFormAction(action);
  const [open, setOpen] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  // A finished action closes the dialog; an error stays inside it to be read.
  useEffect(() => {
    if (state.status === 'ok') dialogRef.current?.close();
  }, [state]);

  const hidden = Object.entries(fields).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={value} />
  ));

  const message =
    state.status === 'error' || (showSuccess && state.status === 'ok') ? (
      <FormMessage state={state} className="px-3 py-2 text-xs" />
    ) : null;

  if (!confirm) {
    return (
      <div className="inline-flex flex-col items-end gap-2">
        <form action={dispatch} onSubmit={onSubmit}>
          {hidden}
          <Button type="submit" variant={variant} size={size} pending={pending} aria-label={label}>
            {children}
          </Button>
        </form>
        {message}
      </div>
    );
  }

  return (
    <>
      <Button
        type="button"
        variant={variant}
        size={size}
        aria-label={label}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {children}
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        onClose={() => setOpen(false)}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl border border-zinc-200 bg-white p-0 text-left text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <form action={dispatch} onSubmit={onSubmit}>
          {hidden}
          <div className="space-y-3 px-6 py-5">
            <h2 id={titleId} className="text-base font-semibold">
              {confirm.title}
            </h2>
            <div id={descriptionId} className="text-sm text-zinc-600 dark:text-zinc-400">
              {confirm.description}
            </div>
            {state.status === 'error' && <FormMessage state={state} />}
          </div>
          <div className="flex justify-end gap-3 border-t border-zinc-200 bg-zinc-50 px-6 py-3 dark:border-zinc-800 dark:bg-zinc-900/60">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)} autoFocus>
              Cancel
            </Button>
            <Button type="submit" variant="danger" pending={pending}>
              {confirm.confirmLabel}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
