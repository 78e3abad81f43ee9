'use client';

import { useState, type ReactNode } from 'react';
import { Button, type ButtonProps } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
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
      {/* A finished action closes the dialog; an error stays inside it to be read. */}
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={confirm.title}
        description={confirm.description}
        error={state.status === 'error' && <FormMessage state={state} />}
        confirmLabel={confirm.confirmLabel}
        pending={pending}
        result={state}
        form={{ action: dispatch, onSubmit }}
      >
        {hidden}
      </ConfirmDialog>
    </>
  );
}
