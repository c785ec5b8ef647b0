// Zoom's user lookup by the identity provider's username (Indico's "authenticators" mode): a person logs in
// through single sign-on with an e-mail Zoom does not know, and gets a Zoom meeting as host because the
// username the provider gives, at the enterprise domain, is their Zoom account. A Convene server of its own,
// connected to a standalone Zoom sandbox whose users this test defines, and an OpenID Provider of its own.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestIdp, type TestIdp } from '../support/oidc-provider';
import { E2E_ADMIN } from './support/accounts';
import { describeE2E, e2eTest, saveScreenshot } from './support/browser';
import { signInAtIdp } from './support/identity';
import { apiCall, makeEvent } from './vc-helpers';
import { addManager, freePort, startZoomWorld, type ZoomWorld } from './zoom-rooms-helpers';

const SSO = { id: 'corp', name: 'Corp SSO', clientId: 'convene-zoom', clientSecret: 'convene-zoom-secret' };
let idp: TestIdp;
let world: ZoomWorld;

beforeAll(async () => {
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  idp = await startTestIdp({
    users: [
      {
        login: 'ghopper',
        claims: {
          email: 'grace@navy.example',
          email_verified: true,
          name: 'Grace Hopper',
          preferred_username: 'ghopper',
        },
      },
    ],
    clients: [
      {
        clientId: SSO.clientId,
        clientSecret: SSO.clientSecret,
        redirectUris: [`${appUrl}/api/auth/oidc/${SSO.id}/callback`],
      },
    ],
  });
  // Zoom knows Grace only as ghopper@corp.example, not by the e-mail address her provider gives.
  world = await startZoomWorld([{ name: 'Grace Hopper', email: 'ghopper@corp.example', password: '' }], {
    port,
    env: { OIDC_PROVIDERS: JSON.stringify([{ ...SSO, issuer: idp.issuer }]) },
  });
}, 240_000);
afterAll(async () => {
  await world?.stop();
  await idp?.close();
});

async function pageOn(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    baseURL: world.baseUrl,
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

describeE2E('Zoom hosts found through the identity provider’s username', () => {
  e2eTest(
    'a person logged in through single sign-on creates a Zoom meeting they host',
    async ({ browser }) => {
      const admin = await pageOn(browser);
      await apiCall(admin, 'GET', '/api/auth/session');
      await apiCall(admin, 'POST', '/api/auth/setup', E2E_ADMIN);
      const { settings } = await apiCall<{ settings: Record<string, unknown> }>(
        admin,
        'GET',
        '/api/admin/vc/zoom/settings',
      );
      await apiCall(admin, 'PUT', '/api/admin/vc/zoom/settings', {
        ...settings,
        userLookupMode: 'username_at_domain',
        enterpriseDomain: 'corp.example',
        usernameProvider: SSO.id,
      });
      const event = await makeEvent(admin, 'Compiler symposium', 'A-0 system');

      const grace = await pageOn(browser);
      await grace.goto('/login');
      await grace.getByRole('link', { name: `Log in with ${SSO.name}` }).click();
      await signInAtIdp(grace, 'ghopper');
      await grace.getByRole('button', { name: 'Grace Hopper' }).waitFor();
      const { user } = await apiCall<{ user: { id: number; email: string } }>(
        grace,
        'GET',
        '/api/auth/session',
      );
      expect(user.email).toBe('grace@navy.example');
      await addManager(admin, event.id, user.id);

      await grace.goto(`/event/${event.id}/manage`);
      await grace.getByRole('link', { name: 'Videoconference' }).click();
      await grace.getByRole('heading', { level: 1, name: 'Videoconference' }).waitFor();
      await grace.getByRole('button', { name: 'Create', exact: true }).click();
      const choice = grace.getByRole('dialog', { name: 'Choose a videoconference service' });
      const dialog = grace.getByRole('dialog', { name: 'Create Zoom videoconference' });
      await Promise.race([choice.waitFor(), dialog.waitFor()]);
      if (await choice.isVisible()) await choice.getByRole('button', { name: /^Zoom/ }).click();
      await dialog.waitFor();
      expect(await dialog.getByRole('radio', { name: 'Myself (Grace Hopper)' }).isChecked()).toBe(true);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await grace
        .getByRole('list', { name: 'Videoconferences of this event' })
        .getByRole('listitem', { name: 'Compiler symposium (Zoom)' })
        .waitFor();
      await saveScreenshot(grace, 'zoom-room-host-from-identity');

      const zoomGrace = world.sandbox.users.all().find((u) => u.email === 'ghopper@corp.example');
      const meetings = world.sandbox.meetings.all();
      expect(meetings).toHaveLength(1);
      expect(meetings[0]?.hostId).toBe(zoomGrace?.id);
    },
  );
});
