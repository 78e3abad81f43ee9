'use client';

import { X } from 'lucide-react';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { ActionState } from '@/lib/action-state';
import { cn } from './cn';

const widths = {
  md: 'max-w-md',
  lg: 'max-w-lg',
  '2xl': 'max-w-[44rem]',
  '3xl': 'max-w-3xl',
} as const;

/**
 * The native <dialog> under every modal of the app: focus is trapped and restored by the
 * browser, Escape closes it, and it is announced as a dialog named by its title. `open`
 * drives showModal/close; every way of closing (Escape, a button) ends in `onClose`.
 */
export function DialogShell({
  open,
  onClose,
  onCancel,
  labelledBy,
  describedBy,
  result,
  width = 'md',
  children,
}: {
  open: boolean;
  onClose: () => void;
  onCancel?: () => void;
  /** The id of the element holding the title. */
  labelledBy: string;
  describedBy?: string;
  /**
   * The latest result of the form action the dialog submits: each new `ok` result closes
   * it, while an error stays inside to be read.
   */
  result?: ActionState<unknown>;
  width?: keyof typeof widths;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  useEffect(() => {
    if (result?.status === 'ok') ref.current?.close();
  }, [result]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onClose={onClose}
      onCancel={onCancel}
      className={cn(
        'm-auto max-h-[calc(100%-2rem)] w-[calc(100%-2rem)] overflow-y-auto rounded-xl border border-zinc-200 bg-white p-0 text-left text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100',
        widths[width],
      )}
    >
      {children}
    </dialog>
  );
}

/** A modal with a title, a close button and free content (a form with its own buttons). */
export function ModalDialog({
  open,
  onClose,
  title,
  description,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <DialogShell open={open} onClose={onClose} onCancel={onClose} labelledBy={titleId} width="lg">
      {open && (
        <div className="p-6">
          <div className="flex items-start justify-between gap-4">
            <h2 id={titleId} className="text-lg font-semibold">
              {title}
            </h2>
            <button
              type="button"
              onClick={onClose}
              aria-label="Close"
              className="rounded-md p-1 text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
            >
              <X className="h-4 w-4" aria-hidden />
            </button>
          </div>
          {description && (
            <div className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{description}</div>
          )}
          <div className="mt-5">{children}</div>
        </div>
      )}
    </DialogShell>
  );
}
