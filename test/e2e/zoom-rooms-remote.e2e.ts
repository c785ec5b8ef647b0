// What only Zoom decides: a meeting deleted on zoom.us (Zoom's meeting.deleted notification reaches
// Convene's webhook; managers see the room deleted and can only detach it, participants no longer see it),
// and a person without a Zoom account. This file runs its own Convene connected to a standalone Zoom
// sandbox whose controls the test holds (zoom-rooms-helpers.ts), as a production server is connected to Zoom.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { E2E_ADMIN } from './support/accounts';
import { checkA11y, describeE2E, e2eTest, saveScreenshot } from './support/browser';
import { apiCall, makeEvent } from './vc-helpers';
import { createUser, type Person, startZoomWorld, type ZoomWorld } from './zoom-rooms-helpers';

const TITLE = 'Zoom meeting deleted on zoom.us';
const NO_ZOOM: Person = {
  name: 'Rosalind Franklin',
  email: 'rosalind@no-zoom.example',
  password: 'photo 51 in 1952',
};

/** A page on this file's server, logged in as its administrator (made by the first-run set-up). */
async function adminPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto('/');
  const session = await apiCall<{ needsSetup: boolean }>(page, 'GET', '/api/auth/session');
  if (session.needsSetup) await apiCall(page, 'POST', '/api/auth/setup', E2E_ADMIN);
  else
    await apiCall(page, 'POST', '/api/auth/login', { email: E2E_ADMIN.email, password: E2E_ADMIN.password });
  return page;
}

describeE2E('Zoom meetings, where Zoom has its say', () => {
  let world: ZoomWorld | undefined;
  beforeAll(async () => {
    world = await startZoomWorld([E2E_ADMIN]);
  });
  afterAll(async () => {
    await world?.stop();
  });

  e2eTest(
    'shows as deleted once Zoom has notified Convene, and can then only be detached',
    async ({ browser }) => {
      if (!world) throw new Error('no server');
      const page = await adminPage(browser, world.baseUrl);
      const event = await makeEvent(page, TITLE, 'Opening talk');

      // Connected to "Zoom": no sandbox banner; Zoom is the only service, so Create opens its dialog at once.
      await page.goto(`/event/${event.id}/manage`);
      await page.getByRole('link', { name: 'Videoconference' }).click();
      expect(await page.getByText('Zoom sandbox', { exact: true }).count()).toBe(0);
      await page.getByRole('button', { name: 'Create', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Create Zoom videoconference' });
      await dialog.getByText(/^No other meeting of Ada Lovelace overlaps/).waitFor();
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const room = page.getByRole('listitem', { name: `${TITLE} (Zoom)` });
      await room.getByRole('button', { name: 'Details' }).click();
      const cell = room
        .getByRole('row', { name: /^Meeting ID/ })
        .first()
        .getByRole('cell');
      const meetingId = ((await cell.textContent()) ?? '').replace(/\D/g, '');
      expect(meetingId).toMatch(/^\d{8,11}$/);

      // Someone deletes the meeting on zoom.us; Zoom notifies Convene, which marks the room.
      world.sandbox.deleteMeetingOnZoom(meetingId);
      await expect
        .poll(
          async () => {
            await page.reload();
            await room.waitFor();
            return room.getByText('Deleted', { exact: true }).count();
          },
          { timeout: 15_000, interval: 500 },
        )
        .toBe(1);
      await room.getByText('This videoconference no longer exists at Zoom').waitFor();
      expect(await room.getByRole('button').allTextContents()).toEqual(['Detach']);
      expect(await room.getByRole('link', { name: `Join ${TITLE}` }).count()).toBe(0);
      await checkA11y(page, 'a Zoom meeting deleted on Zoom');
      await saveScreenshot(page, 'zoom-manage-deleted');

      // Participants no longer see it.
      const visitor = await browser.newContext({ baseURL: world.baseUrl });
      const visitorPage = await visitor.newPage();
      await visitorPage.goto(`/event/${event.id}`);
      await visitorPage.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      expect(await visitorPage.getByRole('region', { name: 'Videoconference' }).count()).toBe(0);
      await checkA11y(visitorPage, 'the event page after its meeting was deleted on Zoom');
      await visitor.close();

      // Detach: nothing is left to delete on Zoom.
      await room.getByRole('button', { name: 'Detach' }).click();
      const detach = page.getByRole('dialog', { name: 'Detach videoconference' });
      await detach.getByRole('button', { name: 'Detach' }).click();
      await detach.waitFor({ state: 'hidden' });
      await page.getByText('No videoconference yet').waitFor();
      await page.context().close();
    },
  );

  e2eTest(
    'a host without a Zoom account is named in the dialog, and Zoom’s refusal lands on the host',
    async ({ browser }) => {
      if (!world) throw new Error('no server');
      const page = await adminPage(browser, world.baseUrl);
      // An account of Convene that the Zoom account does not have.
      await createUser(page, NO_ZOOM);
      const event = await makeEvent(page, 'Zoom meeting hosted by a colleague', 'Opening talk');
      await page.goto(`/event/${event.id}/manage/videoconference`);
      await page.getByRole('button', { name: 'Create', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Create Zoom videoconference' });
      await dialog.getByRole('radio', { name: 'Someone else', exact: true }).check();
      // Someone else with nobody chosen is not saved as "Myself".
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.getByText('Choose the host, or choose Myself').waitFor();
      await dialog.getByLabel(/^Host user/).fill('Rosalind');
      await page.getByRole('option', { name: /Rosalind Franklin/ }).click();
      const noAccount = /Rosalind Franklin has no Zoom account/;
      await dialog.getByText(noAccount).waitFor();
      const alternatives = dialog.getByRole('combobox', { name: 'Alternative hosts' });
      await alternatives.fill('Rosalind');
      await page.getByRole('option', { name: /Rosalind Franklin/ }).click();
      await expect.poll(() => dialog.getByText(noAccount).count()).toBe(2);
      await alternatives.press('Escape');
      await checkA11y(page, 'the Zoom create dialog with a host who has no Zoom account');
      await saveScreenshot(page, 'zoom-create-dialog-no-account');
      await dialog.getByRole('button', { name: 'Save' }).click();
      // The server refuses on the host field; nothing is created.
      await dialog
        .getByLabel(/^Host user/)
        .and(page.locator('[aria-invalid="true"]'))
        .waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await page.getByText('No videoconference yet').waitFor();
      await page.context().close();
    },
  );
});
