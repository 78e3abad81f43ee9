import { Button, Link, Section, Text } from '@react-email/components';
import {
  buttonSectionStyle,
  EmailLayout,
  mutedStyle,
  paragraphStyle,
  primaryButtonStyle,
} from './components/email-layout';

export interface MagicLinkProps {
  signInUrl: string;
  expiresInMinutes: number;
}

export const magicLinkSubject = 'Your Sextant sign-in link';

export default function MagicLink({ signInUrl, expiresInMinutes }: MagicLinkProps) {
  return (
    <EmailLayout
      preview="Sign in to Sextant with one click"
      reason="someone asked for a sign-in link for this address"
    >
      <Text style={paragraphStyle}>Use this link to sign in to Sextant.</Text>
      <Section style={buttonSectionStyle}>
        <Button href={signInUrl} style={primaryButtonStyle}>
          Sign in to Sextant
        </Button>
      </Section>
      <Text style={mutedStyle}>
        The link expires in {expiresInMinutes} {expiresInMinutes === 1 ? 'minute' : 'minutes'} and
        works once. If the button does not work, open this address in your browser:
      </Text>
      <Text style={mutedStyle}>
        <Link href={signInUrl}>{signInUrl}</Link>
      </Text>
      <Text style={mutedStyle}>
        If you did not ask to sign in, you can ignore this email: nobody can sign in without the
        link.
      </Text>
    </EmailLayout>
  );
}

MagicLink.PreviewProps = {
  signInUrl: 'http://localhost:3000/api/auth/callback/email?token=preview-token',
  expiresInMinutes: 15,
} satisfies MagicLinkProps;
