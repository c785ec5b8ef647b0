import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { checkA11y, describeE2E, e2eTest, saveScreenshot } from './support/browser';

const root = path.resolve(import.meta.dirname, '../..');
const admin = { name: 'Hedy Lamarr', email: 'hedy@example.org', password: 'frequency hopping 1942' };

/**
 * A server of this file's own (the build from the global setup, a fresh DATA_DIR): the shared one may or
 * may not have had its first run yet, depending on the order in which files run.
 */
async function startOwnServer(): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const port = await new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-e2e-zoom-'));
  fs.chmodSync(dataDir, 0o755); // as root, the embedded PostgreSQL runs as `postgres`, which must traverse it
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    BASE_URL: baseUrl,
  };
  for (const key of Object.keys(env)) if (key === 'NODE_ENV' || key.startsWith('VITEST')) delete env[key];
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: { ...env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (output = (output + c).slice(-10_000)));
  child.stderr?.on('data', (c: Buffer) => (output = (output + c).slice(-10_000)));
  const stop = async () => {
    if (child.exitCode === null)
      await new Promise<void>((resolve) => {
        const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.once('exit', () => {
          clearTimeout(killer);
          resolve();
        });
        child.kill('SIGTERM');
      });
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (
      await fetch(`${baseUrl}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { baseUrl, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`the app did not start:\n${output}`);
}

describeE2E('the Zoom settings page', () => {
  let server: Awaited<ReturnType<typeof startOwnServer>> | undefined;
  beforeAll(async () => {
    server = await startOwnServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  e2eTest(
    'an administrator sees the sandbox notice, tests the connection and saves the Zoom settings',
    async ({ page }) => {
      if (!server) throw new Error('no server');
      await page.goto(`${server.baseUrl}/`);
      await page.getByRole('heading', { level: 1, name: 'Create the administrator account' }).waitFor();
      await page.getByLabel('Full name').fill(admin.name);
      await page.getByLabel('E-mail address').fill(admin.email);
      await page.getByLabel(/^Password/).fill(admin.password);
      await page.getByRole('button', { name: 'Create account and log in' }).click();
      await page.getByRole('button', { name: admin.name }).waitFor();

      await page.getByRole('button', { name: 'Administration' }).click();
      await page.getByRole('menuitem', { name: 'Zoom settings' }).click();
      await page.getByRole('heading', { level: 1, name: 'Zoom settings' }).waitFor();
      const notice = page.getByText('The Zoom sandbox is in use');
      await notice.waitFor();
      await checkA11y(page, 'the Zoom settings page');

      await page.getByRole('button', { name: 'Test connection' }).click();
      await page.getByText('Connected to the Zoom sandbox').waitFor();
      expect(await page.getByText(/API URL: .*\/zoom-sandbox\/v2/).count()).toBe(1);
      await checkA11y(page, 'the Zoom settings page with a connection test result');

      await page.getByLabel('Allow webinars').check();
      await page.getByLabel('Length of generated passcodes').fill('10');
      await page.getByRole('switch', { name: 'Waiting room', exact: true }).check();
      await page.getByLabel('Only their e-mail addresses in the domains listed below').check();
      const domains = page.getByRole('combobox', { name: 'E-mail domains of the Zoom account' });
      await domains.fill('example.org');
      await domains.press('Enter');
      const managers = page.getByRole('combobox', { name: 'Zoom room managers' });
      await managers.fill('Hedy');
      await page.getByRole('option', { name: /Hedy Lamarr/ }).click();
      await page.getByLabel('Join-by-phone help page').fill('not a link');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Must be a web address starting with https:// or http://').waitFor();
      await checkA11y(page, 'the Zoom settings page showing an error');

      await page.getByLabel('Join-by-phone help page').fill('https://example.org/join-by-phone');
      await page.getByLabel('Account ID', { exact: true }).fill('e2e-account');
      await page.getByLabel('Client ID', { exact: true }).fill('e2e-client');
      await page.getByLabel('Client secret', { exact: true }).fill('e2e-client-secret');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('The Zoom settings are saved.').waitFor();
      // Saved credentials switch to Zoom at once: the page's notice and every page's banner go away.
      await notice.waitFor({ state: 'detached' });
      await page.getByText('Convene is not connected to Zoom').waitFor({ state: 'detached' });
      expect(await page.getByLabel('Client secret', { exact: true }).inputValue()).toBe('');
      expect(await page.getByText('Saved. Leave empty to keep it').count()).toBe(3);

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Zoom settings' }).waitFor();
      expect(await page.getByLabel('Allow webinars').isChecked()).toBe(true);
      expect(await page.getByLabel('Length of generated passcodes').inputValue()).toBe('10');
      await page.getByText('Hedy Lamarr').first().waitFor();
      await checkA11y(page, 'the Zoom settings page after saving');
      await saveScreenshot(page, 'zoom-admin-settings');
    },
  );
});
