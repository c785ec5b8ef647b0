// The seed document (zoom-integration.md) followed from start to end with Zoom, against the Zoom sandbox
// the server runs in-process: Services → Videoconference, Create → Zoom, what participants see, Add existing
// from the suggestions, a contribution's meeting, a new host, "make me alternative host", Start and the
// Live badge, Join, and Detach. The tests share the events and the meeting, in order.
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { baseUrl, checkA11y, describeE2E, e2eTest, saveScreenshot } from './support/browser';
import { apiCall, loginAsAdmin, makeEvent, roomMenuAction, roomMenuEntries } from './vc-helpers';
import { addManager, createUser, logInAs, type Person } from './zoom-rooms-helpers';

const GRACE: Person = {
  name: 'Grace Hopper',
  email: 'grace@zoom-rooms.example',
  password: 'compiler cobol 1959',
};
const KATHERINE: Person = {
  name: 'Katherine Johnson',
  email: 'katherine@zoom-rooms.example',
  password: 'orbital mechanics 1962',
};
const LINUS: Person = {
  name: 'Linus Pauling',
  email: 'linus@zoom-rooms.example',
  password: 'chemical bond 1954',
};

const ZOOM_SETTINGS = '/api/admin/vc/zoom/settings';
const WORKSHOP = 'Zoom detector workshop';
const SEMINAR = 'Zoom computing seminar';
const shared = { workshop: 0, seminar: 0, seminarTalk: 0, joinPath: '', meetingId: '' };

const roomItem = (page: Page, name = WORKSHOP) =>
  page
    .getByRole('list', { name: 'Videoconferences of this event' })
    .getByRole('listitem', { name: `${name} (Zoom)` });

/** Services → Videoconference of the event, from its management menu. */
async function openManagePage(page: Page, eventId: number): Promise<void> {
  await page.goto(`/event/${eventId}/manage`);
  await page.getByRole('link', { name: 'Videoconference' }).click();
  await page.getByRole('heading', { level: 1, name: 'Videoconference' }).waitFor();
}

/** Create or Add existing, then Zoom when the server offers more than one service. */
async function choose(page: Page, button: 'Create' | 'Add existing'): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const choice = page.getByRole('dialog', { name: 'Choose a videoconference service' });
  const form = page.getByRole('dialog', { name: /Zoom videoconference$/ });
  await Promise.race([choice.waitFor(), form.waitFor()]);
  if (await choice.isVisible()) await choice.getByRole('button', { name: /^Zoom/ }).click();
}

/** The value of a row of a room's connection details. */
const detail = (scope: Locator, label: string) =>
  scope
    .getByRole('row', { name: new RegExp(`^${label}`) })
    .first()
    .getByRole('cell');

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl(), viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

describeE2E('Zoom meetings, as the user documentation describes them', () => {
  e2eTest(
    'an organiser creates a Zoom meeting named after the event, for logged-in users',
    async ({ page }) => {
      await page.goto('/');
      await loginAsAdmin(page);
      const graceId = await createUser(page, GRACE);
      await createUser(page, KATHERINE);
      await createUser(page, LINUS);
      const workshop = await makeEvent(page, WORKSHOP, 'Opening talk');
      const seminar = await makeEvent(page, SEMINAR, 'Data challenges');
      await addManager(page, workshop.id, graceId);
      shared.workshop = workshop.id;
      shared.seminar = seminar.id;
      shared.seminarTalk = seminar.talkId;

      await openManagePage(page, workshop.id);
      await choose(page, 'Create');
      const dialog = page.getByRole('dialog', { name: 'Create Zoom videoconference' });
      await dialog.waitFor();
      await expect.poll(() => dialog.getByRole('textbox', { name: 'Name' }).inputValue()).toBe(WORKSHOP);
      await dialog.getByLabel('Description').fill('Bring your detector questions');
      expect(await dialog.getByRole('radio', { name: 'Myself (Ada Lovelace)' }).isChecked()).toBe(true);
      await dialog.getByText('In Zoom the same host cannot start several meetings in parallel.').waitFor();
      await dialog
        .getByText(/^No other meeting of Ada Lovelace overlaps Mon, 10 Mar 2031, 09:00–18:00/)
        .waitFor();

      // The passcode comes generated; the rule is checked before saving; Generate makes a new one.
      const passcode = dialog.getByLabel('Passcode', { exact: true });
      expect(await passcode.inputValue()).toMatch(/^\d{8,10}$/);
      await passcode.fill('not valid!');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.getByText('May contain only letters, digits and @ - _ *').waitFor();
      await dialog.getByRole('button', { name: 'Generate' }).click();
      await expect.poll(() => passcode.inputValue()).toMatch(/^\d{8,10}$/);
      await passcode.fill('quark42');

      const visibility = dialog.getByRole('radio', { name: 'Logged-in users (recommended)' });
      expect(await visibility.isChecked()).toBe(true);
      await dialog.getByRole('button', { name: 'Advanced settings' }).click();
      const waiting = dialog.getByRole('switch', { name: /^Waiting room/ });
      const beforeHost = dialog.getByRole('switch', { name: /^Participants may join before the host/ });
      // By keyboard: the dialog's content still moves as answers arrive, and a click could land beside it.
      await waiting.press('Space');
      await expect.poll(() => waiting.isChecked()).toBe(true);
      await expect.poll(() => beforeHost.isChecked()).toBe(false);
      expect(await beforeHost.isDisabled()).toBe(true);
      await dialog.getByText('Off while the waiting room is on').waitFor();
      await waiting.press('Space');
      await expect.poll(() => waiting.isChecked()).toBe(false);
      await checkA11y(page, 'the Zoom create dialog');
      await saveScreenshot(page, 'zoom-create-dialog');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'hidden' });

      // The list: Edit, Detach and Join, and the meeting's details for managers.
      const room = roomItem(page);
      await room.waitFor();
      // The host's primary action is Start; Edit beside it; Join and the rest in the menu.
      await room.getByRole('button', { name: 'Edit', exact: true }).waitFor();
      const entries = await roomMenuEntries(page, room);
      expect(entries).toEqual(expect.arrayContaining(['Join as a participant', 'Refresh', 'Detach']));
      expect(entries).not.toContain('Make me an alternative host');
      await room.getByRole('button', { name: /^More actions for / }).click();
      const join = page.getByRole('menu').getByRole('menuitem', { name: 'Join as a participant' });
      shared.joinPath = (await join.getAttribute('href')) ?? '';
      await page.keyboard.press('Escape');
      expect(shared.joinPath).toMatch(new RegExp(`^/event/${workshop.id}/vc/\\d+/join$`));
      await room.getByRole('link', { name: 'Start the meeting' }).waitFor();
      await room.getByRole('button', { name: 'Details' }).click();
      shared.meetingId = ((await detail(room, 'Meeting ID').textContent()) ?? '').replace(/\D/g, '');
      expect(shared.meetingId).toMatch(/^\d{8,11}$/);
      await room.getByRole('button', { name: 'Show passcode' }).click();
      await detail(room, 'Passcode').getByText('quark42').waitFor();
      await room.getByRole('heading', { name: 'Join by phone' }).waitFor();
      await room.getByRole('heading', { name: 'Connect room' }).waitFor();
      await detail(room, 'SIP address').getByText(`${shared.meetingId}@zoomcrc.com`).waitFor();
      await checkA11y(page, 'the Zoom meeting in the management list');
      await saveScreenshot(page, 'zoom-manage-list');

      // Another meeting at the same time with the same host: the dialog names the one it would collide with.
      await openManagePage(page, seminar.id);
      await choose(page, 'Create');
      const second = page.getByRole('dialog', { name: 'Create Zoom videoconference' });
      const overlaps = second.getByRole('list', { name: 'Meetings of Ada Lovelace at the same time' });
      await overlaps.getByText(WORKSHOP, { exact: true }).waitFor();
      await overlaps.getByText(/Mon, 10 Mar 2031, 09:00–18:00/).waitFor();
      await checkA11y(page, 'the Zoom create dialog warning of a parallel meeting');
      await saveScreenshot(page, 'zoom-create-dialog-overlap');
      await second.getByRole('button', { name: 'Cancel' }).click();
      await second.waitFor({ state: 'hidden' });
    },
  );

  e2eTest(
    'visitors see no passcode, logged-in participants do, and Join leads to Zoom',
    async ({ browser }) => {
      // Back on the event's page, as the seed says, the meeting is attached to the event.
      const anonymous = await newPage(browser);
      await anonymous.goto(`/event/${shared.workshop}`);
      const section = anonymous.getByRole('region', { name: 'Videoconference' });
      await section.getByText(WORKSHOP, { exact: true }).waitFor();
      await section.getByText('Log in to see the passcode, or ask the organisers for it.').waitFor();
      await section.getByRole('button', { name: 'Details' }).click();
      await anonymous.getByRole('table', { name: `Connection details of ${WORKSHOP}` }).waitFor();
      expect(await anonymous.getByRole('row', { name: /^Passcode/ }).count()).toBe(0);
      expect(await anonymous.getByText('quark42').count()).toBe(0);
      expect(await anonymous.getByRole('link', { name: /pwd=/ }).count()).toBe(0);
      expect(await anonymous.getByRole('heading', { name: 'Connect room' }).count()).toBe(0);
      await checkA11y(anonymous, 'the event page, for a visitor');
      await saveScreenshot(anonymous, 'zoom-anonymous-view');
      // Join without the passcode: Zoom asks for it.
      await anonymous.goto(shared.joinPath);
      expect(anonymous.url()).toMatch(new RegExp(`/zoom-sandbox/j/${shared.meetingId}$`));
      await anonymous.getByRole('heading', { name: 'Enter the meeting passcode' }).waitFor();
      await checkA11y(anonymous, 'the sandbox passcode page');
      await anonymous.context().close();

      const participant = await newPage(browser);
      await participant.goto('/');
      await logInAs(participant, LINUS);
      await participant.goto(`/event/${shared.workshop}`);
      await participant
        .getByRole('region', { name: 'Videoconference' })
        .getByRole('button', { name: 'Details' })
        .click();
      await participant.getByRole('button', { name: 'Show passcode' }).click();
      await participant.getByText('quark42').waitFor();
      await participant.getByRole('heading', { name: 'Join by phone' }).waitFor();
      expect(await participant.getByRole('heading', { name: 'Connect room' }).count()).toBe(0);
      expect(await participant.getByRole('link', { name: 'Start the meeting' }).count()).toBe(0);
      await checkA11y(participant, 'the event page, for a participant');
      await saveScreenshot(participant, 'zoom-participant-view');
      // Join with the passcode in the link: Zoom's launch page, which says it is the sandbox.
      await participant.goto(shared.joinPath);
      expect(participant.url()).toMatch(new RegExp(`/zoom-sandbox/j/${shared.meetingId}\\?pwd=`));
      await participant.getByRole('heading', { name: WORKSHOP }).waitFor();
      await participant.getByText('Convene Zoom sandbox.').waitFor();
      await checkA11y(participant, 'the sandbox join page');
      await participant.context().close();
    },
  );

  e2eTest(
    'the meeting is added to a contribution of another event from the suggestions',
    async ({ page }) => {
      await page.goto('/');
      await loginAsAdmin(page);
      await openManagePage(page, shared.seminar);
      await choose(page, 'Add existing');
      const attach = page.getByRole('dialog', { name: 'Add an existing Zoom videoconference' });
      await attach.waitFor();
      const search = attach.getByLabel(/^Videoconference/);
      await search.fill('detector work');
      await page.getByRole('option', { name: new RegExp(WORKSHOP) }).waitFor();
      // The meeting number finds it too, as Zoom prints it or as digits.
      await search.fill(shared.meetingId);
      await page.getByRole('option', { name: new RegExp(WORKSHOP) }).click();
      await attach.getByRole('radio', { name: 'A contribution' }).check();
      await attach.getByLabel(/^Contribution/).click();
      await page.getByRole('option', { name: /Data challenges/ }).click();
      expect(await attach.getByRole('radio', { name: 'Logged-in users (recommended)' }).isChecked()).toBe(
        true,
      );
      await checkA11y(page, 'the Zoom add-existing dialog');
      await attach.getByRole('button', { name: 'Save' }).click();
      await attach.waitFor({ state: 'hidden' });
      await page
        .getByText(/now recurring with no fixed time/)
        .first()
        .waitFor();
      const room = roomItem(page);
      await room.getByText('Contribution “Data challenges”').waitFor();
      await room.getByText(`Also used in: ${WORKSHOP}`).waitFor();
      // Linked to the contribution only: beside it in the timetable, not as the seminar's own meeting.
      await page.goto(`/event/${shared.seminar}`);
      const talk = page.getByRole('listitem').filter({ hasText: 'Data challenges' });
      await talk.getByRole('link', { name: `Join ${WORKSHOP}` }).waitFor();
      await page.goto(`/event/${shared.seminar}/contributions/${shared.seminarTalk}`);
      await page.getByRole('region', { name: 'Videoconference' }).getByText(WORKSHOP).waitFor();
      await checkA11y(page, 'the contribution page with its Zoom meeting');
      await checkA11y(page, 'the seminar’s videoconference list');
    },
  );

  e2eTest('the organiser hands the meeting to another host', async ({ page }) => {
    await page.goto('/');
    await loginAsAdmin(page);
    await openManagePage(page, shared.workshop);
    await roomItem(page).getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Zoom videoconference' });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByLabel('Passcode', { exact: true }).inputValue()).toBe('quark42');
    await dialog.getByRole('radio', { name: 'Someone else' }).check();
    await dialog.getByLabel(/^Host user/).fill('Katherine');
    await page.getByRole('option', { name: /Katherine Johnson/ }).click();
    await dialog.getByText(/other meeting of Katherine Johnson|Katherine Johnson already hosts/).waitFor();
    await checkA11y(page, 'the Zoom edit dialog');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const room = roomItem(page);
    await room.getByRole('button', { name: 'Details' }).click();
    await detail(room, 'Host').getByText(KATHERINE.name).waitFor();
    // Ada manages the event but no longer hosts: she may become an alternative host.
    expect(await roomMenuEntries(page, room)).toContain('Make me an alternative host');
  });

  e2eTest('a second manager makes themselves alternative host, then starts the meeting', async ({ page }) => {
    await page.goto('/');
    await logInAs(page, GRACE);
    await openManagePage(page, shared.workshop);
    const room = roomItem(page);
    await roomMenuAction(page, room, 'Make me an alternative host');
    const confirm = page.getByRole('dialog', { name: 'Make me an alternative host' });
    await confirm.getByText('Your Zoom account is added to its alternative hosts.').waitFor();
    await checkA11y(page, 'the alternative-host confirmation');
    await confirm.getByRole('button', { name: 'Make me alternative host' }).click();
    await page.getByText('You are now an alternative host of this meeting: you can start it.').waitFor();
    await expect.poll(() => roomMenuEntries(page, room)).not.toContain('Make me an alternative host');
    await room.getByRole('button', { name: 'Details' }).click();
    await detail(room, 'Alternative hosts').getByText(GRACE.email).waitFor();

    // Start: a fresh start link from Zoom; starting the meeting there makes it Live here (webhook).
    const start = await room.getByRole('link', { name: 'Start the meeting' }).getAttribute('href');
    await page.goto(start ?? '/');
    await page.getByRole('heading', { name: `Host “${WORKSHOP}”` }).waitFor();
    await checkA11y(page, 'the sandbox host page');
    await page.getByRole('button', { name: 'Start meeting' }).click();
    await page.getByText('The meeting has started.').waitFor();
    await openManagePage(page, shared.workshop);
    // The notification is handled by a background job: reload until it has been.
    await expect
      .poll(
        async () => {
          await page.reload();
          await roomItem(page).waitFor();
          return roomItem(page).getByText('Live', { exact: true }).count();
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe(1);
    await checkA11y(page, 'a live meeting in the management list');
    await saveScreenshot(page, 'zoom-manage-list-live');
    // The manager's view of the event page: Start, and the room connection details.
    await page.goto(`/event/${shared.workshop}`);
    const section = page.getByRole('region', { name: 'Videoconference' });
    await section.getByRole('button', { name: 'Details' }).click();
    await section.getByRole('heading', { name: 'Connect room' }).waitFor();
    await section.getByRole('link', { name: 'Start the meeting' }).waitFor();
    await checkA11y(page, 'the event page, for a manager');
    await saveScreenshot(page, 'zoom-manager-view');
  });

  e2eTest('the organiser detaches the meeting from the other event', async ({ page }) => {
    await page.goto('/');
    await loginAsAdmin(page);
    await openManagePage(page, shared.seminar);
    await roomMenuAction(page, roomItem(page), 'Detach');
    const detach = page.getByRole('dialog', { name: 'Detach videoconference' });
    await detach.getByText('It stays in use in:').waitFor();
    await detach.getByRole('listitem').filter({ hasText: WORKSHOP }).waitFor();
    await checkA11y(page, 'the detach dialog');
    await detach.getByRole('button', { name: 'Detach' }).click();
    await detach.waitFor({ state: 'hidden' });
    await page.getByText('No videoconference yet').waitFor();
    await openManagePage(page, shared.workshop);
    await roomItem(page).waitFor();
    expect(await roomItem(page).getByText('Also used in').count()).toBe(0);
  });

  e2eTest('with webinars allowed, an organiser creates a webinar, marked as such', async ({ page }) => {
    await page.goto('/');
    await loginAsAdmin(page);
    const admin = await apiCall<{ settings: Record<string, unknown> }>(page, 'GET', ZOOM_SETTINGS);
    await apiCall(page, 'PUT', ZOOM_SETTINGS, { ...admin.settings, allowWebinars: true });
    try {
      await openManagePage(page, shared.seminar);
      await choose(page, 'Create');
      const dialog = page.getByRole('dialog', { name: 'Create Zoom videoconference' });
      await dialog.getByRole('textbox', { name: 'Name' }).fill('Zoom computing lecture');
      await dialog.getByRole('radio', { name: 'Webinar' }).check();
      await dialog.getByRole('button', { name: 'Advanced settings' }).click();
      // Webinars have no waiting room, and their attendees always join muted.
      await dialog.getByText('Webinar attendees always join muted, with their video off.').waitFor();
      expect(await dialog.getByRole('switch', { name: /^Waiting room/ }).count()).toBe(0);
      await checkA11y(page, 'the Zoom create dialog for a webinar');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const webinar = roomItem(page, 'Zoom computing lecture');
      await webinar.getByText('Webinar', { exact: true }).waitFor();
      await webinar.getByRole('button', { name: 'Details' }).click();
      await detail(webinar, 'Webinar ID').waitFor();
      await checkA11y(page, 'a webinar in the management list');
      // Its type is fixed once it exists.
      await webinar.getByRole('button', { name: 'Edit', exact: true }).click();
      const edit = page.getByRole('dialog', { name: 'Edit Zoom videoconference' });
      await edit.getByText(/^Fixed once the meeting exists/).waitFor();
      expect(await edit.getByRole('radio', { name: 'Meeting' }).isDisabled()).toBe(true);
      await edit.getByRole('button', { name: 'Cancel' }).click();
    } finally {
      await apiCall(page, 'PUT', ZOOM_SETTINGS, admin.settings);
    }
  });
});
