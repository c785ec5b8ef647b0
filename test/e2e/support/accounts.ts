// Accounts for end-to-end tests. The app is shared by every e2e file of a run: first-run.e2e.ts runs first
// (see vitest.e2e.config.ts) and creates E2E_ADMIN through the first-run page; other files call
// ensureAdmin(), which does the same setup through the API when nobody did it yet.
import type { Page } from 'playwright-core';
import { baseUrl } from './browser';

export const E2E_ADMIN = {
  name: 'Ada Lovelace',
  affiliation: 'Analytical Engines Ltd',
  email: 'ada@example.org',
  password: 'difference engine no. 2',
};

/** Creates E2E_ADMIN when the app still needs its first-run setup; harmless otherwise. */
export async function ensureAdmin(): Promise<void> {
  const session = await fetch(`${baseUrl()}/api/auth/session`);
  const { needsSetup } = (await session.json()) as { needsSetup: boolean };
  if (!needsSetup) return;
  const csrf = /convene_csrf=([^;]+)/.exec(session.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const res = await fetch(`${baseUrl()}/api/auth/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `convene_csrf=${csrf}`, 'x-csrf-token': csrf },
    body: JSON.stringify(E2E_ADMIN),
  });
  if (res.status !== 201 && res.status !== 409)
    throw new Error(`setup failed: HTTP ${res.status} ${await res.text()}`);
}

/** Logs in through the login page and waits for the account menu. */
export async function logIn(
  page: Page,
  who: { name: string; email: string; password: string },
): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mail address').fill(who.email);
  await page.getByLabel(/^Password/).fill(who.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: who.name }).waitFor();
}
