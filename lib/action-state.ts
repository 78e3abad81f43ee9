/**
 * What a server action returns to its form: ok with an optional message, or the error
 * message plus one message per field (shown beside the inputs). No server imports here:
 * client components import this file.
 */
export type ActionState<T = undefined> =
  | { status: 'idle' }
  | { status: 'ok'; message?: string; data?: T }
  | { status: 'error'; message: string; fields: Record<string, string> };

export const idle: ActionState<never> = { status: 'idle' };
