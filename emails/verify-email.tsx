import { Button, Link, Section, Text } from '@react-email/components';
import {
  buttonSectionStyle,
  EmailLayout,
  mutedStyle,
  paragraphStyle,
  primaryButtonStyle,
} from './components/email-layout';

export interface VerifyEmailProps {
  username: string;
  verifyUrl: string;
  expiresInHours: number;
}

export const verifyEmailSubject = 'Verify your email for Sextant';

export default function VerifyEmail({ username, verifyUrl, expiresInHours }: VerifyEmailProps) {
  return (
    <EmailLayout
      preview={`Confirm this address to finish setting up ${username} on Sextant`}
      reason="someone signed up for Sextant or added this address to an account"
    >
      <Text style={paragraphStyle}>Hi {username},</Text>
      <Text style={paragraphStyle}>
        Confirm that this address is yours to finish setting up your Sextant account.
      </Text>
      <Section style={buttonSectionStyle}>
        <Button href={verifyUrl} style={primaryButtonStyle}>
          Verify email
        </Button>
      </Section>
      <Text style={mutedStyle}>
        The link expires in {expiresInHours} {expiresInHours === 1 ? 'hour' : 'hours'} and works
        once. If the button does not work, open this address in your browser:
      </Text>
      <Text style={mutedStyle}>
        <Link href={verifyUrl}>{verifyUrl}</Link>
      </Text>
      <Text style={mutedStyle}>If you did not sign up for Sextant, you can ignore this email.</Text>
    </EmailLayout>
  );
}

VerifyEmail.PreviewProps = {
  username: 'ada',
  verifyUrl: 'http://localhost:3000/verify-email?token=preview-token',
  expiresInHours: 24,
} satisfies VerifyEmailProps;
