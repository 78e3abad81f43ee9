import { startTransition, useActionState, type FormEvent } from 'react';
import type { ActionState } from '@/lib/action-state';

/** The same value as `idle` in lib/actions, kept here so no server module enters the client bundle. */
const initialState = { status: 'idle' } as const;

export type FormAction<T = undefined> = (
  previous: ActionState<T>,
  form: FormData,
) => Promise<ActionState<T>>;

/**
 * useActionState for forms. Pass `action` to the form for submissions before
 * hydration and `onSubmit` for the rest: it runs the same action without React's automatic
 * form reset, so what a person typed survives a validation error.
 */
export function useFormAction<T = undefined>(action: FormAction<T>) {
  const [state, dispatch, pending] = useActionState<ActionState<T>, FormData>(action, initialState);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(data));
  }

  const fields: Record<string, string> = state.status === 'error' ? state.fields : {};

  /**
   * The message for one input, prefixed with its label ("Website must be a full URL").
   * Several names can point at one input: services validating a single value report it
   * under "input".
   */
  function errorFor(label: string, ...names: string[]): string | undefined {
    for (const name of names) {
      const message = fields[name];
      if (message) return `${label} ${message}`;
    }
    return undefined;
  }

  return { state, dispatch, pending, onSubmit, fields, errorFor };
}
