// The seed document (zoom-integration.md), followed with the Test rooms provider: Services → Videoconference,
import type { Page } from 'playwright-core';
// create a room for the event, see it listed and on the event's page, join it, add it to a contribution of a
// second event from the suggestions, detach it there, and delete it.
import { expect } from 'vitest';
import { checkA11y, describeE2E, e2eTest, saveScreenshot } from './support/browser';
import { apiCall, loginAsAdmin, makeEvent, roomMenuAction, roomMenuEntries } from './vc-helpers';

/** With several providers enabled, Create and Add existing first ask which service to use. */
async function chooseService(page: Page, name: string): Promise<void> {
  const choice = page.getByRole('dialog', { name: 'Choose a videoconference service' });
  await choice.waitFor();
  await checkA11y(page, 'the service choice');
  await choice.getByRole('button', { name }).click();
}

describeE2E('videoconference rooms, as the user documentation describes them', () => {
  e2eTest(
    'an organiser creates a room, participants join it, it is shared, detached and deleted',
    async ({ page }) => {
      await page.goto('/');
      await loginAsAdmin(page);

      // An administrator offers the Test rooms service.
      await page.goto('/admin/videoconference');
      await page.getByRole('heading', { level: 1, name: 'Videoconference' }).waitFor();
      const offer = page.getByRole('switch', { name: 'Offer Test rooms to event organisers' });
      await offer.waitFor();
      if (!(await offer.isChecked())) await offer.click({ force: true });
      await expect.poll(() => offer.isChecked()).toBe(true);
      await checkA11y(page, 'the videoconference administration page');

      const first = await makeEvent(page, 'Detector workshop', 'Opening talk');
      const second = await makeEvent(page, 'Computing seminar', 'Data challenges');

      // Services → Videoconference of the first event (from its management menu): empty, explained.
      await page.goto(`/event/${first.id}/manage`);
      await page.getByRole('link', { name: 'Videoconference' }).click();
      await page.waitForURL(`**/event/${first.id}/manage/videoconference`);
      await page.getByRole('heading', { level: 1, name: 'Videoconference' }).waitFor();
      await page.getByText('No videoconference yet').waitFor();
      await checkA11y(page, 'the empty videoconference page');

      // Create: Zoom (sandbox) and Test rooms are both enabled, so the service is chosen first.
      await page.getByRole('button', { name: 'Create', exact: true }).click();
      await chooseService(page, 'Test rooms');
      const dialog = page.getByRole('dialog', { name: 'Create Test rooms videoconference' });
      await dialog.waitFor();
      const name = dialog.getByRole('textbox', { name: 'Name' });
      await expect.poll(() => name.inputValue()).toBe('Detector workshop');
      await name.fill('Detector workshop room');
      await dialog.getByLabel('Description').fill('Join us from anywhere');
      await dialog.getByLabel('Passcode', { exact: true }).fill('quark42');
      await dialog.getByRole('button', { name: 'Advanced settings' }).click();
      await expect
        .poll(() => dialog.getByRole('switch', { name: 'Show on event page' }).isChecked())
        .toBe(true);
      await checkA11y(page, 'the create dialog');
      await saveScreenshot(page, 'vc-create-dialog');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'hidden' });

      const rooms = page.getByRole('list', { name: 'Videoconferences of this event' });
      const room = rooms.getByRole('listitem', { name: 'Detector workshop room (Test rooms)' });
      await room.waitFor();
      // One primary action (Join), Edit, and the rest in a menu, Delete last.
      await room.getByRole('button', { name: 'Edit', exact: true }).waitFor();
      expect(await roomMenuEntries(page, room)).toEqual(['Refresh', 'Detach', 'Delete']);
      const join = room.getByRole('link', { name: 'Join Detector workshop room' });
      const joinPath = await join.getAttribute('href');
      expect(joinPath).toMatch(new RegExp(`^/event/${first.id}/vc/\\d+/join$`));
      await checkA11y(page, 'the videoconference list');
      await saveScreenshot(page, 'vc-manage-list');

      // Participants see it on the event's page, with Join (and every room on the event's rooms page).
      await page.goto(`/event/${first.id}`);
      const section = page.getByRole('region', { name: 'Videoconference' });
      await section.getByText('Detector workshop room').waitFor();
      expect(
        await section.getByRole('link', { name: 'Join Detector workshop room' }).getAttribute('href'),
      ).toBe(joinPath);
      await section.getByRole('button', { name: 'Details' }).click();
      await section.getByText('Join us from anywhere').waitFor();
      await checkA11y(page, 'the event page with its room');
      await saveScreenshot(page, 'vc-event-page');
      await page.goto(`/event/${first.id}/videoconference`);
      await page.getByRole('link', { name: 'Join Detector workshop room' }).waitFor();
      await checkA11y(page, 'the event’s videoconference page');
      // Join lands on the room (the passcode is shown to logged-in users, so the link carries it).
      await page.goto(joinPath ?? '/');
      await page.getByRole('heading', { name: 'Detector workshop room' }).waitFor();
      await page.getByText('You have joined this test room.').waitFor();

      // Add existing, in the second event, linked to one of its contributions.
      await page.goto(`/event/${second.id}/manage/videoconference`);
      await page.getByRole('button', { name: 'Add existing' }).click();
      await chooseService(page, 'Test rooms');
      const attach = page.getByRole('dialog', { name: 'Add an existing Test rooms videoconference' });
      await attach.waitFor();
      await attach.getByLabel(/^Videoconference/).fill('Detector');
      await page.getByRole('option', { name: /Detector workshop room/ }).click();
      await attach.getByRole('radio', { name: 'A contribution' }).check();
      await attach.getByLabel(/^Contribution/).click();
      await page.getByRole('option', { name: /Data challenges/ }).click();
      await checkA11y(page, 'the add-existing dialog');
      await saveScreenshot(page, 'vc-attach-dialog');
      await attach.getByRole('button', { name: 'Save' }).click();
      await attach.waitFor({ state: 'hidden' });
      const shared = page.getByRole('listitem', { name: 'Detector workshop room (Test rooms)' });
      await shared.getByText('Contribution “Data challenges”').waitFor();
      await shared.getByText('Also used in: Detector workshop').waitFor();
      await checkA11y(page, 'the second event’s videoconference list');

      // On the second event's page the room sits beside its contribution in the timetable, and on its page.
      await page.goto(`/event/${second.id}`);
      const talk = page.getByRole('listitem').filter({ hasText: 'Data challenges' });
      await talk.getByRole('link', { name: 'Join Detector workshop room' }).waitFor();
      await checkA11y(page, 'the timetable with a contribution’s room');
      await saveScreenshot(page, 'vc-timetable');
      await page.goto(`/event/${second.id}/contributions/${second.talkId}`);
      await page
        .getByRole('region', { name: 'Videoconference' })
        .getByText('Detector workshop room')
        .waitFor();
      await checkA11y(page, 'the contribution page with its room');
      await saveScreenshot(page, 'vc-contribution-page');
      await page.goto(`/event/${second.id}/manage/videoconference`);
      await shared.waitFor();

      // Detach it from the second event: the dialog names the event that keeps it.
      await roomMenuAction(page, shared, 'Detach');
      const detach = page.getByRole('dialog', { name: 'Detach videoconference' });
      await detach.getByText('It stays in use in:').waitFor();
      await detach.getByRole('listitem').filter({ hasText: 'Detector workshop' }).waitFor();
      await checkA11y(page, 'the detach dialog');
      await detach.getByRole('button', { name: 'Detach' }).click();
      await detach.waitFor({ state: 'hidden' });
      await page.getByText('No videoconference yet').waitFor();

      // Delete it in the first event: it stays listed, greyed, and can only be detached.
      await page.goto(`/event/${first.id}/manage/videoconference`);
      await roomMenuAction(page, room, 'Delete');
      const del = page.getByRole('dialog', { name: 'Delete videoconference' });
      await del.getByText('Nobody will be able to join it any more.').waitFor();
      await checkA11y(page, 'the delete dialog');
      await del.getByRole('button', { name: 'Delete' }).click();
      await del.waitFor({ state: 'hidden' });
      await room.getByText('This videoconference no longer exists at Test rooms').waitFor();
      expect(await room.getByRole('button').allTextContents()).toEqual(['Detach']);
      await checkA11y(page, 'a deleted room');
      await saveScreenshot(page, 'vc-manage-deleted');

      // The overviews.
      await page.goto('/my/rooms');
      await page.getByRole('cell', { name: 'Detector workshop room' }).waitFor();
      await checkA11y(page, 'my rooms');
      await page.goto('/admin/videoconference');
      await page.getByRole('cell', { name: 'Detector workshop room' }).waitFor();
      await checkA11y(page, 'all rooms');
      await saveScreenshot(page, 'vc-admin');
    },
  );

  e2eTest(
    'the management page flags a room whose contribution lost its place in the timetable',
    async ({ page }) => {
      await page.goto('/');
      await loginAsAdmin(page);
      await apiCall(page, 'PUT', '/api/admin/vc/providers/test/settings', { enabled: true });
      const ev = await makeEvent(page, 'Retreat', 'Keynote');
      await apiCall(page, 'POST', `/api/events/${ev.id}/vc/rooms`, {
        provider: 'test',
        name: 'Keynote room',
        target: { type: 'contribution', contributionId: ev.talkId },
      });
      await apiCall(page, 'PATCH', `/api/events/${ev.id}/contributions/${ev.talkId}`, {
        version: 1,
        start: null,
      });
      await page.goto(`/event/${ev.id}/manage/videoconference`);
      const room = page.getByRole('listitem', { name: 'Keynote room (Test rooms)' });
      await room.getByText('Not scheduled').waitFor();
      await room.getByText('Contribution “Keynote”').waitFor();
      await checkA11y(page, 'a room of an unscheduled contribution');
      await page.emulateMedia({ colorScheme: 'dark' });
      await checkA11y(page, 'the videoconference page in dark mode');
      await saveScreenshot(page, 'vc-manage-unscheduled-dark');
    },
  );
});
