// The identity provider and the mailbox of end-to-end tests: the global setup starts a real OpenID Provider
// (oidc-provider, its own login and consent pages) and an SMTP server writing each e-mail to mailDir.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import type { ReceivedMail } from '../../support/smtp';

export { E2E_IDP, E2E_IDP_USERS } from './identity-provider';

/** Signs in at the provider's own pages (its login form, then its consent page). */
export async function signInAtIdp(page: Page, login: string): Promise<void> {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** The e-mails received so far by the test SMTP server, oldest first. */
export function receivedMails(): ReceivedMail[] {
  const dir = inject('e2e').mailDir;
  return fs
    .readdirSync(dir)
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as ReceivedMail);
}

/** Waits (up to 15 s) for an e-mail to `to` whose subject matches, and returns it. */
export async function waitForMail(to: string, subject: RegExp): Promise<ReceivedMail> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const mail = receivedMails().find((m) => m.to.includes(to) && subject.test(m.subject));
    if (mail) return mail;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no e-mail to ${to} with a subject matching ${subject} within 15 s`);
}
