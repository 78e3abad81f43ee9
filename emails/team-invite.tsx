import { Button, Link, Section, Text } from '@react-email/components';
import {
  buttonSectionStyle,
  EmailLayout,
  mutedStyle,
  paragraphStyle,
  primaryButtonStyle,
} from './components/email-layout';

export interface TeamInviteProps {
  teamName: string;
  inviterName: string;
  roleLabel: string;
  acceptUrl: string;
  expiresInDays: number;
}

export const teamInviteSubject = ({ teamName }: TeamInviteProps) =>
  `You're invited to join ${teamName} on Sextant`;

export default function TeamInvite({
  teamName,
  inviterName,
  roleLabel,
  acceptUrl,
  expiresInDays,
}: TeamInviteProps) {
  return (
    <EmailLayout
      preview={`${inviterName} invited you to ${teamName}`}
      reason={`${inviterName} invited this address to a team on Sextant`}
    >
      <Text style={paragraphStyle}>
        {inviterName} invited you to join the team <strong>{teamName}</strong> on Sextant as{' '}
        {roleLabel}. Teams share projects, runs, reports and artifacts.
      </Text>
      <Section style={buttonSectionStyle}>
        <Button href={acceptUrl} style={primaryButtonStyle}>
          Join {teamName}
        </Button>
      </Section>
      <Text style={mutedStyle}>
        New to Sextant? The link lets you create an account first. It expires in {expiresInDays}{' '}
        days and works once. If the button does not work, open this address in your browser:
      </Text>
      <Text style={mutedStyle}>
        <Link href={acceptUrl}>{acceptUrl}</Link>
      </Text>
    </EmailLayout>
  );
}

TeamInvite.PreviewProps = {
  teamName: 'vision-lab',
  inviterName: 'Ada Lovelace',
  roleLabel: 'a member',
  acceptUrl: 'http://localhost:3000/invite/preview-token',
  expiresInDays: 7,
} satisfies TeamInviteProps;
