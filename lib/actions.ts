import { revalidatePath } from 'next/cache';
import { isAppError } from './errors';
import { getLogger } from './logger';
import type { ActionState } from './action-state';

export type { ActionState } from './action-state';

/** A text field of a submitted form; '' when absent (or a file). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** A checkbox of a submitted form. */
export const formChecked = (form: FormData, name: string): boolean => form.get(name) === 'on';

/** Runs a service call for a form: AppErrors become field errors, anything else a generic message. */
export async function runAction<T>(
  work: () => Promise<{ message?: string; data?: T } | void>,
): Promise<ActionState<T>> {
  try {
    const result = (await work()) ?? {};
    return { status: 'ok', ...result };
  } catch (error) {
    if (isAppError(error)) {
      return {
        status: 'error',
        message: error.message,
        fields: Object.fromEntries(error.fields.map((f) => [f.field, f.message])),
      };
    }
    // next/navigation's redirect() works by throwing; let it through.
    if (
      error instanceof Error &&
      'digest' in error &&
      String((error as { digest: unknown }).digest).startsWith('NEXT_')
    )
      throw error;
    getLogger().error({ err: error }, 'Server action failed');
    return { status: 'error', message: 'Something went wrong on our side. Try again.', fields: {} };
  }
}

/**
 * runAction, then, when it succeeded, revalidates what shows the change: a page's path, or
 * `{ layout: path }` for everything under it.
 */
export async function runActionAndRevalidate<T>(
  revalidate: string | { layout: string },
  work: () => Promise<{ message?: string; data?: T } | void>,
): Promise<ActionState<T>> {
  const result = await runAction(work);
  if (result.status === 'ok') {
    if (typeof revalidate === 'string') revalidatePath(revalidate);
    else revalidatePath(revalidate.layout, 'layout');
  }
  return result;
}
