import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { startOidcIssuer } from '../helpers/oidc-issuer';
import { e2eServices } from './support/services';

/**
 * Starts the e2e run's outside world: an SMTP server whose mails land as JSON files in the
 * mail folder (tests run in other processes and read them from there), and an OIDC issuer.
 */
export default async function globalSetup() {
  const services = e2eServices();
  await rm(services.mailDir, { recursive: true, force: true });
  await mkdir(services.mailDir, { recursive: true });

  let count = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          const to = (Array.isArray(mail.to) ? mail.to : [mail.to])
            .flatMap((a) => a?.value ?? [])
            .map((a) => a.address);
          const file = path.join(services.mailDir, `${Date.now()}-${++count}.json`);
          await writeFile(
            file,
            JSON.stringify({ to, subject: mail.subject, text: mail.text, html: mail.html }),
          );
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(services.smtpPort, '127.0.0.1', resolve));

  const oidc = await startOidcIssuer({
    port: services.oidcPort,
    redirectUris: [`${services.appUrl}/api/auth/callback/oidc`],
  });

  return async () => {
    await oidc.stop();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  };
}
