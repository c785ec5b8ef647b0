import { expect } from 'vitest';
import { E2E_ADMIN as admin, logIn } from './support/accounts';
import { checkA11y, describeE2E, e2eTest, saveScreenshot } from './support/browser';

describeE2E('the first run of a fresh server', () => {
  e2eTest(
    'an administrator is created on first run, logs out and in, and creates a second user',
    async ({ page }) => {
      await page.goto('/');
      const setupHeading = page.getByRole('heading', { level: 1, name: 'Create the administrator account' });
      await setupHeading.waitFor();
      await checkA11y(page, 'the first-run page');
      await saveScreenshot(page, 'first-run');

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
      await saveScreenshot(page, 'login-error');

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
      await saveScreenshot(page, 'create-user-error');
      await dialog.getByLabel('Initial password').fill('analytical engine');
      await dialog.getByRole('button', { name: 'Create user' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('cell', { name: 'charles@example.org' }).waitFor();
      await saveScreenshot(page, 'admin-users');
    },
  );

  e2eTest(
    'the profile page changes the name and adds an e-mail that works for logging in',
    async ({ page }) => {
      await logIn(page, admin);
      await page.getByRole('button', { name: admin.name }).click();
      await page.getByRole('menuitem', { name: 'Profile' }).click();
      await page.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();
      await checkA11y(page, 'the profile page');

      const details = page.getByRole('form', { name: 'Your details' });
      await details.getByLabel('Full name').fill('Ada King');
      await details.getByRole('button', { name: 'Save details' }).click();
      await page.getByRole('button', { name: 'Ada King' }).waitFor();
      await details.getByLabel('Full name').fill(admin.name);
      await details.getByRole('button', { name: 'Save details' }).click();
      await page.getByRole('button', { name: admin.name }).waitFor();

      const addEmail = page.getByRole('form', { name: 'Add an e-mail address' });
      await addEmail.getByLabel('New e-mail address').fill(admin.email);
      await addEmail.getByRole('button', { name: 'Add' }).click();
      await addEmail.getByText('This e-mail address is already used by an account.').waitFor();
      await checkA11y(page, 'the profile page showing an e-mail error');
      await addEmail.getByLabel('New e-mail address').fill('countess@lovelace.example');
      await addEmail.getByRole('button', { name: 'Add' }).click();
      await page.getByRole('cell', { name: 'countess@lovelace.example', exact: true }).waitFor();
      await saveScreenshot(page, 'profile');

      await page.getByRole('button', { name: admin.name }).click();
      await page.getByRole('menuitem', { name: 'Log out' }).click();
      await logIn(page, { ...admin, email: 'countess@lovelace.example' });
    },
  );

  e2eTest('an anonymous visitor of a page for users logs in and comes back to it', async ({ page }) => {
    await page.goto('/admin/users?q=ada');
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/admin/users?q=ada');
    await page.getByLabel('E-mail address').fill(admin.email);
    await page.getByLabel(/^Password/).fill(admin.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/users');
    expect(await page.getByLabel('Search users').inputValue()).toBe('ada');
    await page.getByText('1 user matching “ada”').waitFor();
  });

  e2eTest(
    'a keyboard user can skip to the content, and an unknown address shows a 404 page',
    async ({ page }) => {
      await page.goto('/no/such/page');
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      await checkA11y(page, 'the 404 page');
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Skip to content' });
      expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    },
  );

  describeE2E('in the dark colour scheme', () => {
    e2eTest.override({ colorScheme: 'dark' });

    e2eTest('every page keeps its contrast and passes axe', async ({ page }) => {
      await page.goto('/login');
      await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
      await checkA11y(page, 'the login page (dark)');
      await saveScreenshot(page, 'login-dark');
      await logIn(page, admin);
      await checkA11y(page, 'the home page (dark)');
      await saveScreenshot(page, 'home-dark');
      for (const [path, heading] of [
        ['/profile', 'Profile'],
        ['/my/events', 'My events'],
        ['/admin/users', 'Users'],
      ] as const) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await checkA11y(page, `${path} (dark)`);
      }
      await page.getByRole('button', { name: 'Block Charles Babbage' }).waitFor();
      await saveScreenshot(page, 'admin-users-dark');
    });
  });
});
