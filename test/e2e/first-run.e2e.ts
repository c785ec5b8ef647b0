import { expect } from 'vitest';
import { ADMIN as admin } from './support/accounts';
import { checkA11y, describeE2E, e2eTest, saveScreenshot } from './support/browser';

describeE2E('the first run of a fresh server', () => {
  e2eTest(
    'an administrator is created on first run, logs out and in, and creates a second user',
    async ({ page }) => {
      await page.goto('/');
      const setupHeading = page.getByRole('heading', { level: 1, name: 'Create the administrator account' });
      await setupHeading.waitFor();
      await checkA11y(page, 'the first-run page');

      await page.getByLabel('Full name').fill(admin.name);
      await page.getByLabel('Affiliation').fill(admin.affiliation);
      await page.getByLabel('E-mail address').fill(admin.email);
      await page.getByLabel(/^Password/).fill(admin.password);
      await page.getByRole('button', { name: 'Create account and log in' }).click();

      const accountMenu = page.getByRole('button', { name: admin.name });
      await accountMenu.waitFor();
      expect(await accountMenu.textContent()).toContain(admin.name);
      await page.getByRole('heading', { level: 1, name: 'Upcoming events' }).waitFor();
      await checkA11y(page, 'the home page, logged in');
      await saveScreenshot(page, 'home-logged-in');

      await accountMenu.click();
      await page.getByRole('menuitem', { name: 'Log out' }).click();
      await page.getByRole('link', { name: 'Log in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
      await checkA11y(page, 'the login page');

      await page.getByLabel('E-mail address').fill(admin.email);
      await page.getByLabel(/^Password/).fill('not the password');
      await page.getByRole('button', { name: 'Log in' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'E-mail or password is incorrect.' });
      await alert.waitFor();
      await checkA11y(page, 'the login page showing an error');

      await page.getByLabel(/^Password/).fill(admin.password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await accountMenu.waitFor();

      await page.getByRole('button', { name: 'Administration' }).click();
      await page.getByRole('menuitem', { name: 'Users' }).click();
      await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
      await page.getByRole('cell', { name: admin.email }).waitFor();
      await checkA11y(page, 'the users page');

      await page.getByRole('button', { name: 'Create user' }).click();
      const dialog = page.getByRole('dialog', { name: 'Create user' });
      await dialog.waitFor();
      await dialog.getByLabel('Full name').fill('Charles Babbage');
      await dialog.getByLabel('E-mail address').fill('charles@example.org');
      await dialog.getByLabel('Initial password').fill('short');
      await dialog.getByRole('button', { name: 'Create user' }).click();
      await dialog.getByText('Must be at least 10 characters').waitFor();
      await checkA11y(page, 'the new-user form showing an error');
      await dialog.getByLabel('Initial password').fill('analytical engine');
      await dialog.getByRole('button', { name: 'Create user' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('cell', { name: 'charles@example.org' }).waitFor();
      await saveScreenshot(page, 'admin-users');
    },
  );
});
