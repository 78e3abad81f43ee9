import { describe, expect, it } from 'vitest';
import { emailTemplates, type EmailTemplateName } from '@/emails';
import { renderEmail } from './render';

describe('renderEmail', () => {
  it('renders the verification email with its subject and link in both parts', async () => {
    const verifyUrl = 'https://sextant.example.com/verify-email?token=abc123&next=%2Fhome';
    const email = await renderEmail('verify-email', {
      username: 'ada',
      verifyUrl,
      expiresInHours: 24,
    });
    expect(email.subject).toBe('Verify your email for Sextant');
    expect(email.html).toContain(`href="${verifyUrl.replace('&', '&amp;')}"`);
    expect(email.text).toContain(verifyUrl);
    expect(email.text).toContain('Hi ada,');
    expect(email.text).toContain('24 hours');
    expect(email.text).toContain('You received this email because');
  });

  it('renders the magic-link email with its subject and link in both parts', async () => {
    const signInUrl = 'https://sextant.example.com/api/auth/callback/email?token=xyz';
    const email = await renderEmail('magic-link', { signInUrl, expiresInMinutes: 1 });
    expect(email.subject).toBe('Your Sextant sign-in link');
    expect(email.html).toContain(`href="${signInUrl}"`);
    expect(email.text).toContain(signInUrl);
    expect(email.text).toContain('1 minute ');
  });

  it('escapes what users supply instead of injecting it as markup', async () => {
    const email = await renderEmail('verify-email', {
      username: '<script>alert(1)</script>',
      verifyUrl: 'https://sextant.example.com/verify-email?token=a"onmouseover="x',
      expiresInHours: 24,
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;');
    expect(email.html).not.toContain('"onmouseover="');
    // The text part is for people, so it shows the name as typed.
    expect(email.text).toContain('Hi <script>alert(1)</script>,');
  });

  it('renders every template with its preview props', async () => {
    for (const name of Object.keys(emailTemplates) as EmailTemplateName[]) {
      const { component } = emailTemplates[name];
      const previewProps = (component as { PreviewProps?: object }).PreviewProps;
      expect(previewProps, name).toBeDefined();
      const email = await renderEmail(name, previewProps as never);
      expect(email.subject, name).toMatch(/Sextant/);
      expect(email.text, name).toMatch(/https?:\/\//);
    }
  });
});
