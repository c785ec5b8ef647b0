// Every page of the seed's flow, as a participant and as an organiser, on a 390 px phone and a 1280 px
// desktop, in the light and the dark colour scheme: the document never scrolls sideways, no action button or
// badge cuts its text, and axe finds nothing. A screenshot of each page is kept under test-results/e2e.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiCall, createEventWithTimetable, loginAsAdmin } from './events-helpers';
import { E2E_ADMIN } from './support/accounts';
import { baseUrl, checkA11y, describeE2E, launchBrowser, saveScreenshot } from './support/browser';
import { checkFits, DESKTOP, PHONE } from './support/fit';

const seed = { event: 0, contribution: 0, block: 0 };
const EVENT_TITLE = 'Layout detector workshop on calorimetry';
const EVENT_PASSCODE = 'quark4711';

interface RoomForm {
  provider: string;
  name: string;
  target: unknown;
  show: boolean;
  form: Record<string, unknown>;
  linkForm: Record<string, unknown>;
}

/** The event of the seed: a timetable, a Zoom meeting for the event and one for its first contribution. */
async function makeSeed(browser: Browser): Promise<void> {
  const context = await browser.newContext({ baseURL: baseUrl() });
  const page = await context.newPage();
  await loginAsAdmin(page);
  const event = await createEventWithTimetable(page, EVENT_TITLE);
  const targets = await apiCall<{ contributions: Array<{ id: number }>; blocks: Array<{ id: number }> }>(
    page,
    'GET',
    `/api/events/${event.id}/vc/targets`,
  );
  const contribution = targets.contributions[0]?.id ?? 0;
  const block = targets.blocks[0]?.id ?? 0;
  const form = await apiCall<RoomForm>(page, 'GET', `/api/events/${event.id}/vc/providers/zoom/form`);
  const body = { ...form, can: undefined };
  await apiCall(page, 'POST', `/api/events/${event.id}/vc/rooms`, {
    ...body,
    form: { ...body.form, passcode: EVENT_PASSCODE },
  });
  await apiCall(page, 'POST', `/api/events/${event.id}/vc/rooms`, {
    ...body,
    name: 'Opening words, with the questions from the audience',
    target: { type: 'contribution', contributionId: contribution },
    form: { ...body.form, passcode: 'quark4242' },
  });
  Object.assign(seed, { event: event.id, contribution, block });
  await context.close();
}

type Who = 'anonymous' | 'organiser';

/** The pages of the seed's flow that `who` visits, with what to wait for on each. */
function pagesFor(who: Who): Array<{ name: string; path: string; ready: (page: Page) => Promise<unknown> }> {
  const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).first().waitFor();
  const e = `/event/${seed.event}`;
  const common = [
    { name: 'home', path: '/', ready: h1 },
    { name: 'event', path: e, ready: h1 },
    { name: 'contribution', path: `${e}/contributions/${seed.contribution}`, ready: h1 },
    { name: 'block', path: `${e}/blocks/${seed.block}`, ready: h1 },
  ];
  if (who === 'anonymous') return [...common, { name: 'login', path: '/login', ready: h1 }];
  const manage = (section: string) => ({
    name: `manage-${section}`,
    path: `${e}/manage/${section}`,
    ready: h1,
  });
  return [
    ...common,
    { name: 'my-events', path: '/my/events', ready: h1 },
    { name: 'my-rooms', path: '/my/rooms', ready: (page: Page) => page.getByRole('table').waitFor() },
    { name: 'new-event', path: '/events/new', ready: h1 },
    { name: 'profile', path: '/profile', ready: h1 },
    ...['settings', 'timetable', 'protection', 'videoconference', 'logs', 'clone', 'delete'].map(manage),
    { name: 'admin-users', path: '/admin/users', ready: (page: Page) => page.getByRole('table').waitFor() },
    {
      name: 'admin-rooms',
      path: '/admin/videoconference',
      ready: (page: Page) => page.getByRole('table').waitFor(),
    },
    { name: 'admin-zoom', path: '/admin/videoconference/zoom', ready: h1 },
  ];
}

async function visitAll(browser: Browser, viewport: typeof PHONE, colorScheme: 'light' | 'dark', who: Who) {
  const context = await browser.newContext({ baseURL: baseUrl(), viewport, colorScheme, timezoneId: 'UTC' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const tag = `${viewport.width}-${colorScheme}-${who}`;
  // Every page is checked before failing, so that one run lists everything that does not fit.
  const problems: string[] = [];
  const check = async (where: string) => {
    for (const run of [checkFits, checkA11y])
      await run(page, where).catch((err: Error) => problems.push(err.message));
  };
  try {
    if (who === 'organiser') await loginAsAdmin(page);
    for (const p of pagesFor(who)) {
      await page.goto(p.path);
      await p.ready(page);
      await page.getByLabel('Loading').first().waitFor({ state: 'detached' });
      const where = `${p.name} (${tag})`;
      await saveScreenshot(page, `layout-${tag}-${p.name}`);
      await check(where);
    }
    if (who === 'organiser') {
      // The Create dialog of Services → Videoconference.
      await page.goto(`/event/${seed.event}/manage/videoconference`);
      await page.getByRole('button', { name: 'Create', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Create Zoom videoconference' });
      await dialog.waitFor();
      await dialog.getByText(/other meetings? at that time|No other meeting of/).waitFor();
      await saveScreenshot(page, `layout-${tag}-create-dialog`);
      await check(`the create dialog (${tag})`);
      if (viewport.width === PHONE.width) {
        const box = await dialog.boundingBox();
        expect(box?.width).toBe(PHONE.width);
      }
    }
    expect(problems).toEqual([]);
  } catch (err) {
    await saveScreenshot(page, `layout-${tag}-failure`).catch(() => undefined);
    throw err;
  } finally {
    await context.close();
  }
}

describeE2E('the seed’s pages on a phone and on a desktop, light and dark', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    await makeSeed(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('an anonymous visitor logs in from beside the passcode notice and comes back to see the passcode', async () => {
    const context = await browser.newContext({ baseURL: baseUrl(), viewport: PHONE });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    try {
      await page.goto(`/event/${seed.event}`);
      const section = page.getByRole('region', { name: 'Videoconference' });
      // The event's own room comes first; the contribution's follows under "Also, for parts of the event".
      await section.getByText('Log in to see the passcode, or ask the organisers for it.').first().waitFor();
      expect(await page.getByText(EVENT_PASSCODE).count()).toBe(0);
      await section.getByRole('link', { name: 'Please log in' }).first().click();
      await page.getByLabel('E-mail address').fill(E2E_ADMIN.email);
      await page.getByLabel(/^Password/).fill(E2E_ADMIN.password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL(new RegExp(`/event/${seed.event}$`));
      await section.getByRole('button', { name: 'Details' }).first().click();
      await section.getByRole('button', { name: 'Show passcode' }).first().click();
      await section.getByText(EVENT_PASSCODE).waitFor();
    } finally {
      await context.close();
    }
  });

  test('the host shows on the room card, in the Add-existing suggestions and in My rooms', async () => {
    const context = await browser.newContext({ baseURL: baseUrl(), viewport: DESKTOP });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    try {
      await loginAsAdmin(page);
      await page.goto(`/event/${seed.event}/manage/videoconference`);
      const card = page
        .getByRole('list', { name: 'Videoconferences of this event' })
        .getByRole('listitem', { name: `${EVENT_TITLE} (Zoom)` });
      await card.getByText('Host', { exact: true }).waitFor();
      await card.getByText(E2E_ADMIN.name, { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Add existing', exact: true }).click();
      const attach = page.getByRole('dialog', { name: 'Add an existing Zoom videoconference' });
      await attach.getByLabel(/^Videoconference/).fill('calorimetry');
      await page
        .getByRole('option', { name: `${EVENT_TITLE} (host: ${E2E_ADMIN.name}) · already in this event` })
        .waitFor();
      await page.goto('/my/rooms');
      const row = page.getByRole('row', { name: new RegExp(`^Zoom ${EVENT_TITLE}`) });
      await row.getByRole('cell', { name: E2E_ADMIN.name, exact: true }).waitFor();
    } finally {
      await context.close();
    }
  });

  test('a form saved with an invalid field puts the focus on that field, scrolled into view', async () => {
    const context = await browser.newContext({ baseURL: baseUrl(), viewport: PHONE });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const focusedInView = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        if (!(el instanceof HTMLElement)) return null;
        const box = el.getBoundingClientRect();
        const label =
          el.getAttribute('aria-label') ??
          (el instanceof HTMLInputElement ? el.labels?.[0]?.textContent : null) ??
          el.tagName;
        return {
          label: label.replace(/\s*\*\s*$/, '').trim(),
          inView: box.top >= 0 && box.bottom <= innerHeight,
        };
      });
    try {
      await loginAsAdmin(page);
      await page.goto(`/event/${seed.event}/manage/videoconference`);
      await page.getByRole('button', { name: 'Create', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Create Zoom videoconference' });
      await dialog.getByRole('textbox', { name: 'Name' }).fill('');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect.poll(focusedInView).toEqual({ label: 'Name', inView: true });
    } finally {
      await context.close();
    }
  });

  for (const viewport of [PHONE, DESKTOP])
    for (const scheme of ['light', 'dark'] as const)
      for (const who of ['anonymous', 'organiser'] as const)
        test(`every page fits ${viewport.width} px in the ${scheme} scheme, for ${who === 'anonymous' ? 'a visitor' : 'an organiser'}`, async () => {
          await visitAll(browser, viewport, scheme, who);
        }, 300_000); // About twenty pages, each checked by axe and photographed.
});
