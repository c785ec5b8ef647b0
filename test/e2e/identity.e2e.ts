// Logging in through the institute's identity provider (a real OpenID Provider on loopback, its own pages),
// and the account lifecycle by e-mail: password reset and sign-up, reading the SMTP server's mail.
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { ensureAdmin } from './support/accounts';
import { baseUrl, checkA11y, describeE2E, e2eTest, saveScreenshot } from './support/browser';
import { E2E_IDP, signInAtIdp, waitForMail } from './support/identity';
import { apiCall, loginAsAdmin } from './vc-helpers';
import { createUser } from './zoom-rooms-helpers';

async function adminPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl() });
  const page = await context.newPage();
  await loginAsAdmin(page);
  return page;
}

/** The path and query of an e-mailed link to this app. */
function linkPath(text: string, path: string): string {
  const found = text.split(/\s+/).find((w) => w.startsWith(`${baseUrl()}${path}?token=`));
  if (!found) throw new Error(`no ${path} link in:\n${text}`);
  const url = new URL(found);
  return `${url.pathname}${url.search}`;
}

describeE2E('single sign-on and accounts by e-mail', () => {
  e2eTest(
    'a person logs in on the identity provider’s own pages and comes back logged in, and logs out of both',
    async ({ page }) => {
      await ensureAdmin();
      await page.goto('/login?next=/profile');
      const button = page.getByRole('link', { name: `Log in with ${E2E_IDP.name}` });
      await button.waitFor();
      await checkA11y(page, 'the login page with single sign-on');
      await saveScreenshot(page, 'login-with-sso');
      await button.click();
      await signInAtIdp(page, 'mhamilton');
      await page.getByRole('button', { name: 'Margaret Hamilton' }).waitFor();
      await page.waitForURL(`${baseUrl()}/profile`);

      // Logging out ends the provider's session too: its own page asks, then sends the browser back.
      await page.getByRole('button', { name: 'Margaret Hamilton' }).click();
      await page.getByRole('menuitem', { name: 'Log out' }).click();
      await page.getByRole('button', { name: 'Yes, sign me out' }).click();
      await page.waitForURL(`${baseUrl()}/`);
      await page.getByRole('link', { name: 'Log in' }).waitFor();
      const session = await apiCall<{ user: unknown }>(page, 'GET', '/api/auth/session');
      expect(session.user).toBeNull();
    },
  );

  e2eTest('a refused single sign-on says what happened on the login page', async ({ page }) => {
    await page.goto('/api/auth/oidc/institute/callback?code=forged&state=forged');
    await page.waitForURL(/\/login\?sso_error=expired/);
    await page
      .getByRole('alert')
      .getByText('This login was started too long ago, or in another browser.')
      .waitFor();
    await checkA11y(page, 'the login page after a refused single sign-on');
  });

  e2eTest(
    'someone who forgot their password sets a new one through the e-mailed link',
    async ({ page, browser }) => {
      const admin = await adminPage(browser);
      const person = {
        name: 'Frances Allen',
        email: 'frances@reset.example',
        password: 'optimizing compilers',
      };
      await createUser(admin, person);

      await page.goto('/login');
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await page.getByLabel('E-mail address').fill(person.email);
      await page.getByRole('button', { name: 'Send the link' }).click();
      await page
        .getByRole('status')
        .getByText(/If an account uses this address/)
        .waitFor();

      const mail = await waitForMail(person.email, /new Convene password/);
      await page.goto(linkPath(mail.text, '/password-reset/confirm'));
      await page.getByRole('textbox', { name: 'New password', exact: true }).fill('parallel fortran 2006');
      await checkA11y(page, 'the new password page');
      await page.getByRole('button', { name: 'Save and log in' }).click();
      await page.getByRole('button', { name: person.name }).waitFor();

      const login = await apiCall<{ user: { email: string } }>(page, 'POST', '/api/auth/login', {
        email: person.email,
        password: 'parallel fortran 2006',
      });
      expect(login.user.email).toBe(person.email);
    },
  );

  e2eTest(
    'a visitor signs up and confirms their address through the e-mailed link',
    async ({ page, browser }) => {
      const admin = await adminPage(browser);
      const off = { localPasswords: true, signupEnabled: false, signupDomains: [] };
      await apiCall(admin, 'PUT', '/api/admin/auth-settings', { ...off, signupEnabled: true });
      try {
        await page.goto('/login');
        await page.getByRole('link', { name: 'Create an account' }).click();
        await page.getByLabel('Full name').fill('Radia Perlman');
        await page.getByLabel('E-mail address').fill('radia@signup.example');
        await page.getByRole('textbox', { name: 'Password', exact: true }).fill('spanning tree protocol');
        await checkA11y(page, 'the sign-up page');
        await page.getByRole('button', { name: 'Create account' }).click();
        await page
          .getByRole('status')
          .getByText(/Check your mailbox/)
          .waitFor();

        const mail = await waitForMail('radia@signup.example', /Confirm your Convene account/);
        await page.goto(linkPath(mail.text, '/signup/confirm'));
        await page.getByRole('button', { name: 'Create my account' }).click();
        await page.getByRole('button', { name: 'Radia Perlman' }).waitFor();
      } finally {
        await apiCall(admin, 'PUT', '/api/admin/auth-settings', off);
      }
    },
  );

  e2eTest('an administrator sees the identity linked to an account and unlinks it', async ({ browser }) => {
    const admin = await adminPage(browser);
    await admin.goto('/admin/users?q=Margaret');
    await admin.getByRole('button', { name: 'Linked identities of Margaret Hamilton' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Linked identities of Margaret Hamilton' });
    await dialog.getByRole('cell', { name: 'mhamilton', exact: true }).waitFor();
    await checkA11y(admin, 'the linked identities dialog');
    await saveScreenshot(admin, 'admin-linked-identities');
    await dialog.getByRole('button', { name: /^Unlink the Institute Login identity/ }).click();
    await dialog.getByText('No identity is linked').waitFor();
  });
});
