import { Button, Link, Section, Text } from '@react-email/components';
import {
  buttonSectionStyle,
  EmailLayout,
  mutedStyle,
  paragraphStyle,
  primaryButtonStyle,
} from './components/email-layout';

export interface StorageWarningProps {
  /** The user or team whose storage it is. */
  entityName: string;
  isTeam: boolean;
  /** Formatted ("81.2 GB"). */
  used: string;
  limit: string;
  /** The threshold crossed: 80 or 100. */
  percent: 80 | 100;
  /** Where usage stands now, in whole percent. */
  actualPercent: number;
  /** The storage settings page (team Usage or personal Storage). */
  storageUrl: string;
}

const whose = ({ entityName, isTeam }: StorageWarningProps) =>
  isTeam ? `Team ${entityName}` : `Your account (${entityName})`;

export const storageWarningSubject = (props: StorageWarningProps) =>
  props.percent >= 100
    ? `[Sextant] ${whose(props)} has reached its storage limit`
    : `[Sextant] ${whose(props)} has used ${props.percent}% of its storage`;

export default function StorageWarning(props: StorageWarningProps) {
  const { used, limit, percent, actualPercent, storageUrl, isTeam } = props;
  const full = percent >= 100;
  return (
    <EmailLayout
      preview={`${used} of ${limit} used (${actualPercent}%)`}
      reason={
        isTeam ? `you are an admin of team ${props.entityName}` : 'you own this Sextant account'
      }
    >
      <Text style={{ ...paragraphStyle, fontWeight: 600 }}>
        {whose(props)} uses {used} of {limit} ({actualPercent}%).
      </Text>
      <Text style={paragraphStyle}>
        {full
          ? 'New uploads of files and artifacts are refused until space is freed or the limit is raised. Metrics keep logging.'
          : 'When the limit is reached, new uploads of files and artifacts are refused.'}
      </Text>
      <Text style={paragraphStyle}>
        To make room, delete run files or artifact versions you no longer need (the storage page
        lists the largest first), or ask an administrator to raise the limit.
      </Text>
      <Section style={buttonSectionStyle}>
        <Button href={storageUrl} style={primaryButtonStyle}>
          Review storage
        </Button>
      </Section>
      <Text style={mutedStyle}>
        <Link href={storageUrl}>{storageUrl}</Link>
      </Text>
    </EmailLayout>
  );
}

StorageWarning.PreviewProps = {
  entityName: 'vision-lab',
  isTeam: true,
  used: '81.2 GB',
  limit: '100 GB',
  percent: 80,
  actualPercent: 81,
  storageUrl: 'http://localhost:3000/teams/vision-lab/settings/usage',
} satisfies StorageWarningProps;
