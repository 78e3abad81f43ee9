import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { findFreePort } from '@/lib/net/find-free-port';

/**
 * A real SMTP server inside the test process (DESIGN.md §7): the app sends through
 * nodemailer exactly as in production, and tests read the parsed mails back.
 */

/** A received mail: mailparser's view of it plus the SMTP envelope it came with. */
export type ReceivedEmail = ParsedMail & {
  envelope: { from: string | undefined; to: string[] };
};

export interface TestSmtpServer {
  /** `smtp://127.0.0.1:<port>`, ready for SMTP_URL. */
  url: string;
  port: number;
  /** Every mail received so far, in arrival order. */
  messages: ReceivedEmail[];
  /** The first mail (already received or still to come) that matches; rejects after timeoutMs. */
  waitForMessage(
    predicate?: (message: ReceivedEmail) => boolean,
    timeoutMs?: number,
  ): Promise<ReceivedEmail>;
  stop(): Promise<void>;
}

export interface StartSmtpServerOptions {
  /** Listen on this port (to bring a server back where an app already points); default: a free one. */
  port?: number;
}

export async function startSmtpServer({
  port,
}: StartSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const messages: ReceivedEmail[] = [];
  const waiters = new Set<(message: ReceivedEmail) => void>();

  const server = new SMTPServer({
    // Plain SMTP on loopback: no certificates to make, and credentials in a test SMTP_URL
    // are accepted as they are.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'test' }),
    logger: false,
    // Without it, close() waits up to 30 s for clients that keep a connection open.
    closeTimeout: 1_000,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          const message: ReceivedEmail = Object.assign(parsed, {
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
              to: session.envelope.rcptTo.map((recipient) => recipient.address),
            },
          });
          messages.push(message);
          for (const waiter of waiters) waiter(message);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });

  const listenPort = port ?? (await findFreePort());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });

  return {
    url: `smtp://127.0.0.1:${listenPort}`,
    port: listenPort,
    messages,
    waitForMessage(predicate = () => true, timeoutMs = 10_000) {
      const received = messages.find(predicate);
      if (received) return Promise.resolve(received);
      return new Promise((resolve, reject) => {
        const waiter = (message: ReceivedEmail) => {
          if (!predicate(message)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(message);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const subjects = messages.map(
            (m) => `"${m.subject ?? ''}" to ${m.envelope.to.join(', ')}`,
          );
          reject(
            new Error(
              `No matching email within ${timeoutMs} ms; received: ${subjects.join('; ') || 'none'}`,
            ),
          );
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    stop() {
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The first URL in the mail's text body that contains `pathPrefix` (e.g. "/verify-email"). */
export function extractLink(message: ParsedMail, pathPrefix: string): string {
  const links = (message.text ?? '').match(/https?:\/\/[^\s<>"'\])]+/g) ?? [];
  const link = links.map((l) => l.replace(/[.,;:!?]+$/, '')).find((l) => l.includes(pathPrefix));
  if (!link) {
    throw new Error(
      `No link containing "${pathPrefix}" in the email "${message.subject ?? ''}":\n${message.text ?? ''}`,
    );
  }
  return link;
}
