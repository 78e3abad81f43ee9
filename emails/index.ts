import type { ReactElement } from 'react';
import MagicLink, { magicLinkSubject } from './magic-link';
import RunAlert, { runAlertSubject } from './run-alert';
import StorageWarning, { storageWarningSubject } from './storage-warning';
import TeamInvite, { teamInviteSubject } from './team-invite';
import VerifyEmail, { verifyEmailSubject } from './verify-email';

/** A template: the React Email component and its subject line, both fed the same props. */
export interface EmailTemplate<P extends object> {
  component: (props: P) => ReactElement;
  subject: (props: P) => string;
}

/** Ties a component's props to its subject function, so TypeScript infers them once. */
function defineTemplate<P extends object>(template: EmailTemplate<P>): EmailTemplate<P> {
  return template;
}

// Adding a template (team invite, alert, ...) is one line here; names and props follow.
const templates = {
  'verify-email': defineTemplate({ component: VerifyEmail, subject: () => verifyEmailSubject }),
  'magic-link': defineTemplate({ component: MagicLink, subject: () => magicLinkSubject }),
  'team-invite': defineTemplate({ component: TeamInvite, subject: teamInviteSubject }),
  'run-alert': defineTemplate({ component: RunAlert, subject: runAlertSubject }),
  'storage-warning': defineTemplate({
    component: StorageWarning,
    subject: storageWarningSubject,
  }),
};

type Registry = typeof templates;

export type EmailTemplateName = keyof Registry;

export type EmailProps<T extends EmailTemplateName> =
  Registry[T] extends EmailTemplate<infer P> ? P : never;

/**
 * The registry, re-typed as a mapped type so that `emailTemplates[name]` with a generic
 * `name` is known to take `EmailProps<typeof name>` (TypeScript's correlated-union pattern).
 */
export const emailTemplates: { [T in EmailTemplateName]: EmailTemplate<EmailProps<T>> } = templates;
