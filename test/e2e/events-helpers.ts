// Set-up for the events e2e tests: accounts and events made through the API (with the page's cookies and
// the CSRF token, as the web client sends them), so that each test drives the UI only where it tests it.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { CreateEventBody, Event } from '../../src/contracts/events';
import { E2E_ADMIN } from './support/accounts';

export interface Account {
  name: string;
  email: string;
  password: string;
}

let counter = 0;

/** A new person with a unique e-mail address (tests share one server). */
export function newAccount(first: string): Account {
  counter += 1;
  const tag = `${Date.now().toString(36)}${counter}`;
  return {
    name: `${first} Tester${counter}`,
    email: `${first.toLowerCase()}.${tag}@example.org`,
    password: 'correct horse battery',
  };
}

async function csrf(context: BrowserContext): Promise<string> {
  const find = async () => (await context.cookies()).find((c) => c.name === 'convene_csrf')?.value;
  const token = (await find()) ?? (await context.request.get('/api/auth/session').then(find));
  if (!token) throw new Error('the server handed out no CSRF cookie');
  return token;
}

/** Calls the API as the page's user; throws with the server's answer unless it is 2xx. */
export async function apiCall<T>(
  page: Page,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const context = page.context();
  const send = async () =>
    context.request.fetch(path, {
      method,
      headers: method === 'GET' ? {} : { 'x-csrf-token': await csrf(context) },
      ...(body !== undefined ? { data: body } : {}),
    });
  let res = await send();
  // The page's own first requests may still be replacing the CSRF cookie (each gets a fresh one): retry once.
  if (res.status() === 403 && (await res.text()).includes('"reason":"csrf"')) res = await send();
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return (res.status() === 204 ? undefined : await res.json()) as T;
}

/** Logs the page's context in as the administrator, creating it if the server is fresh. */
export async function loginAsAdmin(page: Page): Promise<void> {
  const session = await apiCall<{ needsSetup: boolean }>(page, 'GET', '/api/auth/session');
  if (session.needsSetup) await apiCall(page, 'POST', '/api/auth/setup', E2E_ADMIN);
  else
    await apiCall(page, 'POST', '/api/auth/login', { email: E2E_ADMIN.email, password: E2E_ADMIN.password });
}

export async function loginAs(page: Page, account: Account): Promise<void> {
  await apiCall(page, 'POST', '/api/auth/login', { email: account.email, password: account.password });
}

export async function logout(page: Page): Promise<void> {
  await page.context().clearCookies();
}

/** Creates the accounts as the administrator, then leaves the page logged out. */
export async function createAccounts(page: Page, ...accounts: Account[]): Promise<void> {
  await loginAsAdmin(page);
  for (const a of accounts) {
    await apiCall(page, 'POST', '/api/admin/users', { name: a.name, email: a.email, password: a.password });
  }
  await logout(page);
}

export function createEvent(page: Page, body: Partial<CreateEventBody> & { title: string }): Promise<Event> {
  return apiCall<Event>(page, 'POST', '/api/events', {
    start: '2030-05-01T07:00:00Z',
    end: '2030-05-01T16:00:00Z',
    timezone: 'Europe/Zurich',
    ...body,
  });
}

/** An event with one session, one block and two contributions in it. */
export async function createEventWithTimetable(
  page: Page,
  title: string,
  timezone = 'Europe/Zurich',
): Promise<Event> {
  const event = await createEvent(page, { title, timezone });
  const session = await apiCall<{ id: number }>(page, 'POST', `/api/events/${event.id}/sessions`, {
    title: 'Plenary',
    colour: '#2f9e44',
  });
  const block = await apiCall<{ id: number }>(page, 'POST', `/api/events/${event.id}/blocks`, {
    sessionId: session.id,
    start: '2030-05-01T07:00:00Z',
    durationMinutes: 60,
  });
  for (const [t, start] of [
    ['Opening words', '2030-05-01T07:00:00Z'],
    ['State of the art', '2030-05-01T07:20:00Z'],
  ] as const) {
    await apiCall(page, 'POST', `/api/events/${event.id}/contributions`, {
      title: t,
      start,
      durationMinutes: 20,
      blockId: block.id,
    });
  }
  return event;
}

/** Picks an option of a Mantine Select or MultiSelect, typing into it first when it is searchable. */
export async function pickOption(
  page: Page,
  label: string | RegExp,
  typed: string,
  option: string | RegExp,
): Promise<void> {
  const input = page
    .getByRole('combobox', { name: label })
    .or(page.getByRole('textbox', { name: label }))
    .first();
  await input.click();
  if (await input.isEditable()) await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

// ---- the timetable's management UI ----

/** A contribution's line in the timetable: the innermost list item holding its link (blocks hold lines). */
export function lineOf(scope: Page | Locator, title: string): Locator {
  // `has` is matched inside each item, so it must be a locator from the page, not from the scope.
  const page = 'goto' in scope ? scope : scope.page();
  return scope
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: title }) })
    .last();
}

/** The modal form that is open, by its accessible name. */
export const dialog = (page: Page, name: string) => page.getByRole('dialog', { name });

export async function addSession(page: Page, title: string, colour: string) {
  await page.getByRole('button', { name: 'Add session', exact: true }).click();
  const d = dialog(page, 'New session');
  await d.getByLabel('Title').fill(title);
  await d.getByLabel('Colour').fill(colour);
  await d.getByRole('button', { name: 'Add session' }).click();
  await d.waitFor({ state: 'hidden' });
  await page.getByRole('listitem').filter({ hasText: title }).first().waitFor();
}

export async function addBlock(page: Page, session: string, title: string, start: string, minutes: number) {
  await page.getByRole('button', { name: 'Add session block', exact: true }).click();
  const d = dialog(page, 'New session block');
  await pickOption(page, 'Session', session, session);
  await d.getByLabel('Title').fill(title);
  await d.getByLabel('Start').fill(start);
  await d.getByLabel('Duration (minutes)').fill(String(minutes));
  await d.getByRole('button', { name: 'Add session block' }).click();
  await d.waitFor({ state: 'hidden' });
}

export async function addContribution(
  page: Page,
  c: {
    title: string;
    block?: string;
    start?: string;
    minutes: number;
    user?: string;
    speaker?: [string, string];
  },
) {
  if (c.block) await page.getByRole('button', { name: `Add contribution to ${c.block}` }).click();
  else await page.getByRole('button', { name: 'Add contribution', exact: true }).click();
  const d = dialog(page, 'New contribution');
  await d.getByLabel('Title').fill(c.title);
  if (c.start) await d.getByLabel('Start').fill(c.start);
  await d.getByLabel('Duration (minutes)').fill(String(c.minutes));
  if (c.user) await pickOption(page, 'Add a Convene user', c.user.slice(0, 5), new RegExp(c.user));
  if (c.speaker) {
    await d.getByLabel('Or a speaker’s name').fill(c.speaker[0]);
    await d.getByLabel('E-mail (optional)').fill(c.speaker[1]);
    await d.getByRole('button', { name: 'Add speaker' }).click();
  }
  await d.getByRole('button', { name: 'Add contribution' }).click();
  await d.waitFor({ state: 'hidden' });
}
