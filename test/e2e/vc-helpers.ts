// Set-up for the videoconference e2e test: the administrator and the events are made through the API (with
// the page's cookies and CSRF token, as the web client sends them); the test drives the UI for the rooms.
import type { Locator, Page } from 'playwright-core';
import { apiCall } from './events-helpers';
import { E2E_ADMIN, ensureAdmin } from './support/accounts';

export { apiCall };

/** Logs the page in as the administrator (through the API: this test is not about logging in). */
export async function loginAsAdmin(page: Page): Promise<void> {
  await ensureAdmin();
  await apiCall(page, 'POST', '/api/auth/login', { email: E2E_ADMIN.email, password: E2E_ADMIN.password });
}

/** An event with one contribution, made through the API. */
export async function makeEvent(
  page: Page,
  title: string,
  talk: string,
): Promise<{ id: number; talkId: number }> {
  const event = await apiCall<{ id: number }>(page, 'POST', '/api/events', {
    title,
    start: '2031-03-10T08:00:00Z',
    end: '2031-03-10T17:00:00Z',
    timezone: 'Europe/Zurich',
  });
  const contribution = await apiCall<{ id: number }>(page, 'POST', `/api/events/${event.id}/contributions`, {
    title: talk,
    start: '2031-03-10T09:00:00Z',
    durationMinutes: 30,
  });
  return { id: event.id, talkId: contribution.id };
}

/** The entries of a room card's "More actions" menu (closed again afterwards). */
export async function roomMenuEntries(page: Page, room: Locator): Promise<string[]> {
  await room.getByRole('button', { name: /^More actions for / }).click();
  const menu = page.getByRole('menu');
  await menu.waitFor();
  const names = await menu.getByRole('menuitem').allTextContents();
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'hidden' });
  return names;
}

/** Chooses an entry of a room card's "More actions" menu (Refresh, Detach, Delete, provider actions). */
export async function roomMenuAction(page: Page, room: Locator, name: string): Promise<void> {
  await room.getByRole('button', { name: /^More actions for / }).click();
  await page.getByRole('menu').getByRole('menuitem', { name, exact: true }).click();
}
