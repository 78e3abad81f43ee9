import { Button, Link, Section, Text } from '@react-email/components';
import {
  buttonSectionStyle,
  EmailLayout,
  mutedStyle,
  paragraphStyle,
  primaryButtonStyle,
} from './components/email-layout';

export interface RunAlertProps {
  title: string;
  text: string;
  level: 'INFO' | 'WARN' | 'ERROR';
  runName: string;
  projectPath: string;
  runUrl: string;
  /** Lowercase state ("finished", "crashed", ...). */
  state: string;
  /** Human duration ("1h 2m"). */
  duration: string;
  logTail: string[];
  /** Why this address gets it: "your alert settings" or "the alert settings of team x". */
  settingsOwner: string;
}

const levelPrefix = { INFO: '', WARN: '⚠️ ', ERROR: '🚨 ' } as const;

export const runAlertSubject = ({ title, level }: RunAlertProps) =>
  `[Sextant] ${levelPrefix[level]}${title}`;

const factStyle = { ...mutedStyle, margin: '0 0 4px' };

const logStyle = {
  background: '#18181b',
  color: '#e4e4e7',
  borderRadius: '6px',
  padding: '12px',
  fontSize: '12px',
  lineHeight: '18px',
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace',
  whiteSpace: 'pre-wrap' as const,
  wordBreak: 'break-all' as const,
};

export default function RunAlert({
  title,
  text,
  level,
  runName,
  projectPath,
  runUrl,
  state,
  duration,
  logTail,
  settingsOwner,
}: RunAlertProps) {
  return (
    <EmailLayout
      preview={`${levelPrefix[level]}${title}`}
      reason={`${settingsOwner} ask for alerts about this run`}
    >
      <Text style={{ ...paragraphStyle, fontWeight: 600 }}>{title}</Text>
      <Text style={paragraphStyle}>{text}</Text>
      <Section>
        <Text style={factStyle}>
          Run: <strong>{runName}</strong> in {projectPath}
        </Text>
        <Text style={factStyle}>State: {state}</Text>
        <Text style={factStyle}>Duration: {duration}</Text>
      </Section>
      {logTail.length > 0 && (
        <Section>
          <Text style={{ ...mutedStyle, margin: '16px 0 4px' }}>Last lines of the log:</Text>
          <pre style={logStyle}>{logTail.join('\n')}</pre>
        </Section>
      )}
      <Section style={buttonSectionStyle}>
        <Button href={runUrl} style={primaryButtonStyle}>
          Open the run
        </Button>
      </Section>
      <Text style={mutedStyle}>
        <Link href={runUrl}>{runUrl}</Link>
      </Text>
    </EmailLayout>
  );
}

RunAlert.PreviewProps = {
  title: 'Run crashed: brisk-sun-12',
  text: 'brisk-sun-12 stopped sending heartbeats without finishing.',
  level: 'ERROR',
  runName: 'brisk-sun-12',
  projectPath: 'vision-lab/mnist',
  runUrl: 'http://localhost:3000/vision-lab/mnist/runs/brisk-sun-12',
  state: 'crashed',
  duration: '1h 2m',
  logTail: ['epoch 3/10', 'CUDA error: out of memory'],
  settingsOwner: 'the alert settings of team vision-lab',
} satisfies RunAlertProps;
