import { render, toPlainText } from '@react-email/render';
import { createElement } from 'react';
import { emailTemplates, type EmailProps, type EmailTemplateName } from '@/emails';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * Renders a template to the three parts of a message. Every mail carries a plain-text
 * part too: some clients and most spam filters want one, and tests read links from it.
 */
export async function renderEmail<T extends EmailTemplateName>(
  template: T,
  props: EmailProps<T>,
): Promise<RenderedEmail> {
  const { component, subject } = emailTemplates[template];
  const markup = await render(createElement(component, props));
  // `render(element, { plainText: true })` renders the same markup again and then calls
  // toPlainText on it; converting the markup we already have gives the identical text
  // with one React render instead of two.
  const text = toPlainText(markup);
  return { subject: subject(props), html: markup, text };
}
