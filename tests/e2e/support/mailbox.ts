import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { expect } from '@playwright/test';
import { e2eServices } from './services';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** Waits for a mail to `to` whose subject matches, as delivered to the e2e SMTP server. */
export async function waitForMail(
  to: string,
  subject: RegExp,
  after = 0,
  timeout = 15_000,
): Promise<ReceivedMail> {
  const { mailDir } = e2eServices();
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      async () => {
        const files = (await readdir(mailDir))
          .filter((f) => Number(f.split('-')[0]) >= after)
          .sort();
        for (const file of files.reverse()) {
          const mail = JSON.parse(await readFile(path.join(mailDir, file), 'utf8')) as ReceivedMail;
          if (mail.to.includes(to) && subject.test(mail.subject)) {
            found = mail;
            return true;
          }
        }
        return false;
      },
      { timeout, message: `no mail to ${to} matching ${subject}` },
    )
    .toBe(true);
  return found!;
}

/** The first link in the mail's text whose path starts with `pathPrefix`. */
export function linkIn(mail: ReceivedMail, pathPrefix: string): string {
  const link = mail.text
    .match(/https?:\/\/[^\s)>\]]+/g)
    ?.find((url) => new URL(url).pathname.startsWith(pathPrefix));
  if (!link) throw new Error(`No ${pathPrefix} link in "${mail.subject}"`);
  return link;
}
