import { expect } from 'vitest';
import {
  addBlock,
  addContribution,
  addSession,
  apiCall,
  createAccounts,
  createEvent,
  createEventWithTimetable,
  dialog,
  lineOf,
  loginAs,
  newAccount,
  pickOption,
} from './events-helpers';
import { checkA11y, describeE2E, e2eTest, saveScreenshot } from './support/browser';

describeE2E('events and their timetable', () => {
  e2eTest(
    'an organiser builds an event with two sessions, blocks and five contributions that participants then see',
    async ({ page, browser }) => {
      const organiser = newAccount('Olga');
      const participant = newAccount('Pat');
      await createAccounts(page, organiser, participant);

      await page.goto('/login');
      await page.getByLabel('E-mail address').fill(organiser.email);
      await page.getByLabel(/^Password/).fill(organiser.password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Upcoming events' }).waitFor();

      await page.getByRole('link', { name: 'Create event' }).click();
      await page.getByRole('heading', { level: 1, name: 'Create event' }).waitFor();
      await checkA11y(page, 'the create-event form');
      await page.getByLabel('Title').fill('Convene Summit 2030');
      await page
        .getByLabel('Description', { exact: true })
        .fill('**Two days** of talks. See [the site](https://example.org) and [this](javascript:alert(1)).');
      await page.getByLabel('Start').fill('2030-05-01T09:00');
      await page.getByLabel('End').fill('2030-05-02T18:00');
      await pickOption(page, 'Timezone', 'Zurich', 'Europe/Zurich');
      await page.getByLabel('Location').fill('CERN, Geneva');
      await page.getByLabel('Room').fill('Main Auditorium');
      await page.getByRole('button', { name: 'Create event' }).click();

      await page.getByRole('heading', { level: 1, name: 'Timetable' }).waitFor();
      const eventId = Number(/\/event\/(\d+)\//.exec(page.url())?.[1]);
      expect(eventId).toBeGreaterThan(0);

      await addSession(page, 'Plenary', '#2f9e44');
      await addSession(page, 'Workshops', '#c2255c');
      await addBlock(page, 'Plenary', 'Opening', '2030-05-01T09:00', 120);
      await addBlock(page, 'Workshops', 'Hands-on', '2030-05-01T14:00', 90);
      await addBlock(page, 'Plenary', 'Closing', '2030-05-02T16:00', 60);
      await addContribution(page, {
        title: 'Welcome',
        block: 'Plenary: Opening',
        minutes: 20,
        user: participant.name,
      });
      await addContribution(page, {
        title: 'Keynote: open science',
        block: 'Plenary: Opening',
        minutes: 40,
        speaker: ['Alan Turing', 'alan@example.org'],
      });
      await addContribution(page, {
        title: 'Building with Convene',
        block: 'Workshops: Hands-on',
        minutes: 90,
      });
      await addContribution(page, { title: 'Lunch talk', start: '2030-05-01T12:30', minutes: 30 });
      await addContribution(page, { title: 'Farewell', block: 'Plenary: Closing', minutes: 30 });
      await page.getByText('Farewell').waitFor();
      await checkA11y(page, 'the management timetable');
      await saveScreenshot(page, 'events-manage-timetable');

      // The page renders from one display request, however many contributions the event has.
      const eventRequests: string[] = [];
      page.on('request', (r) => {
        const path = new URL(r.url()).pathname;
        if (path.startsWith(`/api/events/${eventId}`)) eventRequests.push(path);
      });
      await page.goto(`/event/${eventId}`);
      await page.getByRole('heading', { level: 1, name: 'Convene Summit 2030' }).waitFor();
      const article = page.getByRole('article');
      await article.getByRole('link', { name: 'Farewell' }).waitFor();
      expect(eventRequests).toEqual([`/api/events/${eventId}`]);
      expect(await article.getByTestId('event-dates').textContent()).toContain(
        'Wed, 1 May 2030, 09:00 – Thu, 2 May 2030, 18:00',
      );
      expect(await article.textContent()).toContain('Main Auditorium, CERN, Geneva');
      expect(await article.locator('strong', { hasText: 'Two days' }).count()).toBe(1);
      const siteLink = article.getByRole('link', { name: 'the site' });
      expect(await siteLink.getAttribute('rel')).toBe('noopener noreferrer');
      expect(await article.getByRole('link', { name: 'this' }).count()).toBe(0);
      for (const title of [
        'Welcome',
        'Keynote: open science',
        'Building with Convene',
        'Lunch talk',
        'Farewell',
      ]) {
        await article.getByRole('link', { name: title }).waitFor();
      }
      for (const block of ['Plenary: Opening', 'Workshops: Hands-on', 'Plenary: Closing']) {
        await article.getByRole('heading', { level: 4, name: block }).waitFor();
      }
      const welcome = lineOf(article, 'Welcome');
      expect(await welcome.textContent()).toContain('09:00–09:20');
      expect(await welcome.textContent()).toContain(participant.name);
      const keynote = lineOf(article, 'Keynote');
      expect(await keynote.textContent()).toContain('09:20–10:00');
      expect(await keynote.textContent()).toContain('Alan Turing');
      await checkA11y(page, 'the event page');
      await saveScreenshot(page, 'events-display');

      await article.getByRole('link', { name: 'Keynote: open science' }).click();
      await page.getByRole('heading', { level: 1, name: 'Keynote: open science' }).waitFor();
      expect(await page.getByRole('article').textContent()).toContain('Alan Turing');
      await checkA11y(page, 'a contribution page');
      await page.getByRole('article').getByRole('link', { name: 'Plenary: Opening' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Plenary: Opening' }).waitFor();
      await page.getByRole('link', { name: 'Welcome' }).waitFor();
      await checkA11y(page, 'a session block page');

      await page.goto('/');
      await page.getByRole('link', { name: 'Convene Summit 2030' }).waitFor();
      await checkA11y(page, 'the home page with events');
      await saveScreenshot(page, 'events-home');
      await page.getByLabel('Search events').fill('no such title');
      await page.getByText('No event matches this search').waitFor();

      await page.goto('/my/events');
      await page.getByRole('link', { name: 'Manage Convene Summit 2030' }).waitFor();
      await checkA11y(page, 'my events');

      // A logged-in user who is not a manager sees the event but not its management area.
      await page.context().clearCookies();
      await loginAs(page, participant);
      await page.goto(`/event/${eventId}`);
      await page.getByRole('heading', { level: 1, name: 'Convene Summit 2030' }).waitFor();
      expect(await page.getByRole('link', { name: 'Manage' }).count()).toBe(0);
      await page.goto(`/event/${eventId}/manage/timetable`);
      await page.getByRole('heading', { level: 1, name: 'You cannot manage this event' }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Event management' }).count()).toBe(0);
      await checkA11y(page, 'the management area refused to a non-manager');

      // Anonymous visitors: the public event is open, a logged-in-only one asks to log in, a restricted one is not found.
      await page.context().clearCookies();
      await loginAs(page, organiser);
      const members = await createEvent(page, { title: 'Members’ meeting', protectionMode: 'logged_in' });
      const board = await createEvent(page, { title: 'Board meeting', protectionMode: 'restricted' });
      const anonymous = await browser.newContext({ baseURL: new URL(page.url()).origin });
      try {
        const visitor = await anonymous.newPage();
        visitor.setDefaultTimeout(10_000);
        await visitor.goto(`/event/${eventId}`);
        await visitor.getByRole('heading', { level: 1, name: 'Convene Summit 2030' }).waitFor();
        await visitor.getByRole('link', { name: 'Farewell' }).waitFor();
        await checkA11y(visitor, 'the event page, anonymous');
        await visitor.goto(`/event/${members.id}`);
        await visitor.getByRole('heading', { level: 1, name: 'Log in to see this event' }).waitFor();
        await checkA11y(visitor, 'the log-in-to-see page');
        await visitor.goto(`/event/${board.id}`);
        await visitor.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
        await checkA11y(visitor, 'a restricted event, anonymous');
        await visitor.goto(`/event/${eventId}/manage`);
        await visitor.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
        expect(new URL(visitor.url()).searchParams.get('next')).toBe(`/event/${eventId}/manage`);
      } finally {
        await anonymous.close();
      }
    },
  );

  describeE2E('seen from New York', () => {
    // Fixture values set here hold for the tests of this block only.
    e2eTest.override({ timezoneId: 'America/New_York' });

    e2eTest(
      'a participant switches the times between the event’s timezone and their own',
      async ({ page }) => {
        const organiser = newAccount('Tomoko');
        await createAccounts(page, organiser);
        await loginAs(page, organiser);
        // 09:00 in Tokyo on 1 May is 20:00 on 30 April in New York.
        const event = await createEventWithTimetable(page, 'Tokyo workshop', 'Asia/Tokyo');
        await apiCall(page, 'PATCH', `/api/events/${event.id}`, {
          version: event.version,
          start: '2030-05-01T00:00:00Z',
          end: '2030-05-01T09:00:00Z',
          shiftTimetable: true,
        });
        await page.goto(`/event/${event.id}`);
        const dates = page.getByTestId('event-dates');
        await page.getByRole('heading', { level: 1, name: 'Tokyo workshop' }).waitFor();
        expect(await dates.textContent()).toBe('Wed, 1 May 2030, 09:00–18:00 (Asia/Tokyo)');
        await page.getByRole('heading', { level: 3, name: 'Wednesday, 1 May 2030' }).waitFor();
        const opening = lineOf(page, 'Opening words');
        expect(await opening.textContent()).toContain('09:00–09:20');

        await page.getByText('My timezone (America/New_York)').click();
        await page.getByRole('heading', { level: 3, name: 'Tuesday, 30 April 2030' }).waitFor();
        expect(await dates.textContent()).toBe(
          'Tue, 30 Apr 2030, 20:00 – Wed, 1 May 2030, 05:00 (America/New_York)',
        );
        expect(await opening.textContent()).toContain('20:00–20:20');
        await checkA11y(page, 'the event page in the viewer’s timezone');

        // The choice holds on the contribution's page too, and can be switched back.
        await page.getByRole('link', { name: 'Opening words' }).click();
        await page.getByRole('heading', { level: 1, name: 'Opening words' }).waitFor();
        expect(await page.getByRole('article').textContent()).toContain('20:00–20:20');
        await checkA11y(page, 'a contribution page in the viewer’s timezone');
        await page.getByText('Event’s timezone (Asia/Tokyo)').click();
        await page.getByText('Wed, 1 May 2030, 09:00–09:20').waitFor();
      },
    );
  });

  e2eTest('a manager clones an event with its timetable and lands on the copy', async ({ page }) => {
    const organiser = newAccount('Clara');
    await createAccounts(page, organiser);
    await loginAs(page, organiser);
    const event = await createEventWithTimetable(page, 'Spring school');
    await page.goto(`/event/${event.id}/manage/clone`);
    await page.getByRole('heading', { level: 1, name: 'Clone' }).waitFor();
    await page.getByRole('checkbox', { name: /Timetable/ }).waitFor();
    expect(await page.getByRole('checkbox', { name: /Timetable/ }).isChecked()).toBe(true);
    await checkA11y(page, 'the clone page');
    await page.getByLabel('Start of the new event').fill('2031-04-02T09:00');
    await page.getByLabel('Title').fill('Spring school 2031');
    await page.getByRole('button', { name: 'Clone event' }).click();
    await page.getByRole('heading', { level: 1, name: 'Spring school 2031' }).waitFor();
    expect(page.url()).not.toContain(`/event/${event.id}`);
    expect(await page.getByTestId('event-dates').textContent()).toContain('Wed, 2 Apr 2031, 09:00–18:00');
    await page.getByRole('link', { name: 'State of the art' }).waitFor();
  });

  e2eTest(
    'a manager deletes an event after a confirmation naming it, and its page is then not found',
    async ({ page }) => {
      const organiser = newAccount('Dora');
      await createAccounts(page, organiser);
      await loginAs(page, organiser);
      const event = await createEventWithTimetable(page, 'Autumn retreat');
      await page.goto(`/event/${event.id}/manage`);
      await page
        .getByRole('navigation', { name: 'Event management' })
        .getByRole('link', { name: 'Delete' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Delete' }).waitFor();
      await checkA11y(page, 'the delete page');
      await page.getByRole('button', { name: 'Delete this event' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete “Autumn retreat”?' });
      await confirm.waitFor();
      await checkA11y(page, 'the delete confirmation');
      await confirm.getByRole('button', { name: 'Delete “Autumn retreat”' }).click();
      await page.getByRole('heading', { level: 1, name: 'My events' }).waitFor();
      await page.goto(`/event/${event.id}`);
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    },
  );

  e2eTest(
    'an edit made on a stale copy is refused, and Reload brings the current version',
    async ({ page }) => {
      const organiser = newAccount('Vera');
      await createAccounts(page, organiser);
      await loginAs(page, organiser);
      const event = await createEventWithTimetable(page, 'Version one');
      await page.goto(`/event/${event.id}/manage/settings`);
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();

      // Someone else renames the event while this page is open.
      await apiCall(page, 'PATCH', `/api/events/${event.id}`, {
        version: event.version,
        title: 'Version two',
      });
      await page.getByLabel('Location').fill('Lecture hall');
      await page.getByRole('button', { name: 'Save settings' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'Changed by someone else' });
      await alert.waitFor();
      await checkA11y(page, 'the settings page after a conflict');
      await alert.getByRole('button', { name: 'Reload' }).click();
      await alert.waitFor({ state: 'hidden' });
      expect(await page.getByLabel('Title').inputValue()).toBe('Version two');
      expect(await page.getByLabel('Location').inputValue()).toBe('');
      await page.getByLabel('Location').fill('Lecture hall');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('The event’s settings are saved.').waitFor();

      // The same for a contribution edited in the timetable.
      await page
        .getByRole('navigation', { name: 'Event management' })
        .getByRole('link', { name: 'Timetable' })
        .click();
      await page.getByRole('button', { name: 'Edit contribution Opening words' }).click();
      const form = dialog(page, 'Edit contribution');
      await form.getByLabel('Title').waitFor();
      const page1 = await apiCall<{ contributions: { id: number; title: string; version: number }[] }>(
        page,
        'GET',
        `/api/events/${event.id}`,
      );
      const opening = page1.contributions.find((c) => c.title === 'Opening words');
      await apiCall(page, 'PATCH', `/api/events/${event.id}/contributions/${opening?.id}`, {
        version: opening?.version,
        title: 'Opening remarks',
      });
      await form.getByLabel('Duration (minutes)').fill('15');
      await form.getByRole('button', { name: 'Save contribution' }).click();
      await form.getByRole('alert').filter({ hasText: 'Changed by someone else' }).waitFor();
      await checkA11y(page, 'the contribution form after a conflict');
      await form.getByRole('button', { name: 'Reload' }).click();
      await form.getByRole('alert').waitFor({ state: 'hidden' });
      expect(await form.getByLabel('Title').inputValue()).toBe('Opening remarks');
      await form.getByRole('button', { name: 'Save contribution' }).click();
      await form.waitFor({ state: 'hidden' });
      await page.getByText('Opening remarks').waitFor();
    },
  );

  e2eTest(
    'a manager restricts an event to chosen users with the user picker, and reads it in the log',
    async ({ page }) => {
      const organiser = newAccount('Rita');
      const allowed = newAccount('Alice');
      const outsider = newAccount('Oscar');
      await createAccounts(page, organiser, allowed, outsider);
      await loginAs(page, organiser);
      const event = await createEventWithTimetable(page, 'Closed workshop');
      await page.goto(`/event/${event.id}/manage/protection`);
      await page.getByRole('heading', { level: 1, name: 'Protection' }).waitFor();
      await page.getByRole('radio', { name: 'Restricted' }).check();
      await pickOption(page, 'Allowed users', allowed.name.slice(0, 5), new RegExp(allowed.name));
      await checkA11y(page, 'the protection page');
      await page.getByRole('button', { name: 'Save protection' }).click();
      await page.getByText('The protection is saved.').waitFor();

      await page
        .getByRole('navigation', { name: 'Event management' })
        .getByRole('link', { name: 'Logs' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Logs' }).waitFor();
      await pickOption(page, 'Module', 'protection', 'protection');
      // "Protection changed" is listed before the filter applies too: wait for the filtered list itself,
      // in which the timetable's entries are gone, then check what it shows.
      await page.getByText('Contribution "Opening words" created').waitFor({ state: 'detached' });
      await page.getByText('Protection changed').waitFor();
      await checkA11y(page, 'the log filtered by module');

      await page.context().clearCookies();
      await loginAs(page, allowed);
      await page.goto(`/event/${event.id}`);
      await page.getByRole('heading', { level: 1, name: 'Closed workshop' }).waitFor();
      await page.context().clearCookies();
      await loginAs(page, outsider);
      await page.goto(`/event/${event.id}`);
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    },
  );

  describeE2E('in dark mode', () => {
    e2eTest.override({ colorScheme: 'dark' });

    e2eTest('the event page reads well in dark mode', async ({ page }) => {
      const organiser = newAccount('Nyx');
      await createAccounts(page, organiser);
      await loginAs(page, organiser);
      const event = await createEventWithTimetable(page, 'Night sky talks');
      await page.goto(`/event/${event.id}`);
      await page.getByRole('link', { name: 'State of the art' }).waitFor();
      await checkA11y(page, 'the event page in dark mode');
      await saveScreenshot(page, 'events-display-dark');
      await page.goto(`/event/${event.id}/manage/timetable`);
      await page.getByRole('heading', { level: 1, name: 'Timetable' }).waitFor();
      await checkA11y(page, 'the management timetable in dark mode');
      await saveScreenshot(page, 'events-manage-timetable-dark');
    });
  });
});
