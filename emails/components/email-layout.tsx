import { Body, Container, Head, Hr, Html, Preview, Section, Text } from '@react-email/components';
import type { CSSProperties, ReactNode } from 'react';

/**
 * The frame every Sextant email shares. Styles are inline objects because most mail
 * clients drop <style> blocks and ignore classes; colours are light and high-contrast so
 * the message reads the same in Gmail, Outlook and Apple Mail.
 */

const colors = {
  page: '#f4f5f7',
  card: '#ffffff',
  border: '#e3e6eb',
  text: '#1f2933',
  muted: '#6b7280',
  primary: '#2f5bd3',
};

const fontFamily =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

const bodyStyle: CSSProperties = {
  backgroundColor: colors.page,
  color: colors.text,
  fontFamily,
  margin: 0,
  padding: '32px 0',
};

const containerStyle: CSSProperties = {
  backgroundColor: colors.card,
  border: `1px solid ${colors.border}`,
  borderRadius: '8px',
  margin: '0 auto',
  maxWidth: '520px',
  padding: '32px',
};

const brandStyle: CSSProperties = {
  color: colors.primary,
  fontSize: '20px',
  fontWeight: 700,
  letterSpacing: '-0.01em',
  margin: '0 0 24px',
};

const footerStyle: CSSProperties = {
  color: colors.muted,
  fontSize: '12px',
  lineHeight: '18px',
  margin: '0',
};

/** Body copy of templates, so every email has the same rhythm. */
export const paragraphStyle: CSSProperties = {
  fontSize: '15px',
  lineHeight: '24px',
  margin: '0 0 16px',
};

/** Secondary copy: expiry notes, "ignore this email if ..." lines, raw link fallbacks. */
export const mutedStyle: CSSProperties = {
  color: colors.muted,
  fontSize: '13px',
  lineHeight: '20px',
  margin: '0 0 12px',
  wordBreak: 'break-all',
};

/** The one call to action of a template (React Email's Button renders it bullet-proof for Outlook). */
export const primaryButtonStyle: CSSProperties = {
  backgroundColor: colors.primary,
  borderRadius: '6px',
  color: '#ffffff',
  display: 'inline-block',
  fontSize: '15px',
  fontWeight: 600,
  padding: '12px 20px',
  textDecoration: 'none',
};

export const buttonSectionStyle: CSSProperties = { margin: '8px 0 24px' };

export interface EmailLayoutProps {
  /** Inbox preview line, shown next to the subject by most clients. */
  preview: string;
  /** Completes "You received this email because …", e.g. "someone signed up with this address". */
  reason: string;
  children: ReactNode;
}

export function EmailLayout({ preview, reason, children }: EmailLayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={bodyStyle}>
        <Container style={containerStyle}>
          <Text style={brandStyle}>Sextant</Text>
          <Section>{children}</Section>
          <Hr style={{ borderColor: colors.border, margin: '24px 0 16px' }} />
          <Text style={footerStyle}>You received this email because {reason}.</Text>
          <Text style={footerStyle}>Sextant</Text>
        </Container>
      </Body>
    </Html>
  );
}
