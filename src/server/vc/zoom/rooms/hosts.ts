// Hosts and alternative hosts: Convene users resolved to Zoom users through the admin's lookup mode, and
// Zoom's e-mails mapped back to Convene users after a read.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { userEmails, users } from '../../../auth/schema';
import type { DbOrTx } from '../../../events';
import type { ZoomClient, ZoomMeetingOrWebinar } from '../client';
import type { ZoomProviderSettings } from '../settings';
import type { PasscodeRequirements } from '../settings-helpers';
import { parseAlternativeHosts, passcodeRequirementsFrom } from '../settings-helpers';
import { findZoomUser, type ZoomUserCache } from '../user-lookup';
import type { ZoomUser } from '../zoom-schemas';
import { fieldError } from './dialog-errors';
import type { MeetingPeople } from './meeting-data';

export interface ZoomPerson {
  userId: number;
  name: string;
  /** The e-mail Zoom knows the person by. */
  email: string;
  zoomUser: ZoomUser;
}

export interface LookupDeps {
  client: ZoomClient;
  settings: ZoomProviderSettings;
  db: DbOrTx;
  cache: ZoomUserCache;
}

/** The Zoom user of a Convene user, or undefined with the sentence that explains why there is none. */
export async function lookUpPerson(
  deps: LookupDeps,
  userId: number,
): Promise<{ person: ZoomPerson; message?: undefined } | { person?: undefined; message: string }> {
  const found = await findZoomUser(deps.client, { id: userId }, deps.settings, {
    db: deps.db,
    cache: deps.cache,
  });
  if (!found.found) return { message: found.message };
  const [row] = await deps.db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return { person: { userId, name: row?.name ?? '', email: found.email, zoomUser: found.zoomUser } };
}

/** The host's Zoom user, or a 422 on `field` naming the person and the e-mails tried. */
export async function requireHost(deps: LookupDeps, userId: number, field: string): Promise<ZoomPerson> {
  const result = await lookUpPerson(deps, userId);
  if (!result.person) throw fieldError(field, result.message);
  return result.person;
}

/**
 * The alternative hosts' Zoom users, each checked (Zoom wants licensed users of the account,
 * zoom_api.md §2.2); the host may not be one of them. A 422 on `field` names the first who cannot be.
 */
export async function requireAlternativeHosts(
  deps: LookupDeps,
  userIds: readonly number[],
  host: { userId: number | null; email: string },
  field: string,
): Promise<ZoomPerson[]> {
  const people: ZoomPerson[] = [];
  for (const userId of userIds) {
    const result = await lookUpPerson(deps, userId);
    if (!result.person) throw fieldError(field, result.message);
    if (userId === host.userId || sameEmail(result.person.email, host.email))
      throw fieldError(field, `${result.person.name} is the host, so cannot also be an alternative host.`);
    people.push(result.person);
  }
  return people;
}

export interface HostSettings {
  requirements: PasscodeRequirements;
  /** The host may run webinars (settings.feature.webinar). */
  webinar: boolean;
}

/** The host's passcode requirements and webinar licence: one GET /users/{id}/settings (zoom_api.md §2.6). */
export async function readHostSettings(client: ZoomClient, email: string): Promise<HostSettings> {
  const settings = await client.getUserSettings(email);
  const feature: unknown = settings.feature;
  const webinar =
    typeof feature === 'object' && feature !== null && 'webinar' in feature && feature.webinar === true;
  return { requirements: passcodeRequirementsFrom(settings), webinar };
}

export function sameEmail(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export interface LocalPerson {
  id: number;
  name: string;
}

/**
 * Convene users for Zoom e-mails (lower-cased keys), matching every e-mail of a user; with
 * username_at_domain, `<local part of the primary e-mail>@<enterprise domain>` matches too.
 */
export async function peopleByZoomEmail(
  db: DbOrTx,
  settings: Pick<ZoomProviderSettings, 'userLookupMode' | 'enterpriseDomain'>,
  emails: readonly string[],
): Promise<Map<string, LocalPerson>> {
  const wanted = [...new Set(emails.map((e) => e.toLowerCase()))];
  const out = new Map<string, LocalPerson>();
  if (!wanted.length) return out;
  const rows = await db
    .select({ id: users.id, name: users.name, email: userEmails.email })
    .from(userEmails)
    .innerJoin(users, eq(users.id, userEmails.userId))
    .where(inArray(sql`lower(${userEmails.email})`, wanted));
  for (const row of rows) out.set(row.email.toLowerCase(), { id: row.id, name: row.name });
  const domain = settings.enterpriseDomain.toLowerCase();
  if (settings.userLookupMode !== 'username_at_domain' || !domain) return out;
  const locals = wanted
    .filter((e) => !out.has(e) && e.endsWith(`@${domain}`))
    .map((e) => e.slice(0, e.indexOf('@')));
  if (!locals.length) return out;
  const byLocal = await db
    .select({ id: users.id, name: users.name, email: userEmails.email })
    .from(userEmails)
    .innerJoin(users, eq(users.id, userEmails.userId))
    .where(
      and(
        eq(userEmails.isPrimary, true),
        inArray(sql`lower(split_part(${userEmails.email}, '@', 1))`, locals),
      ),
    );
  for (const row of byLocal) {
    const local = row.email.split('@')[0]?.toLowerCase();
    if (local) out.set(`${local}@${domain}`, { id: row.id, name: row.name });
  }
  return out;
}

/**
 * The Convene users behind a meeting's host and alternative hosts, as Zoom now lists them. The host found
 * at creation (`known`) stands when Zoom's host e-mail matches nobody here.
 */
export async function meetingPeople(
  db: DbOrTx,
  settings: Pick<ZoomProviderSettings, 'userLookupMode' | 'enterpriseDomain'>,
  meeting: ZoomMeetingOrWebinar,
  known: { hostUserId: number | null; hostName: string; hostEmail: string },
): Promise<MeetingPeople> {
  const hostEmail = meeting.host_email || known.hostEmail;
  const alternatives = parseAlternativeHosts(meeting.settings?.alternative_hosts);
  const people = await peopleByZoomEmail(db, settings, [hostEmail, ...alternatives]);
  const host = people.get(hostEmail.toLowerCase());
  const sameHost = sameEmail(hostEmail, known.hostEmail);
  const hostUserId = host?.id ?? (sameHost ? known.hostUserId : null);
  const ids = alternatives.flatMap((e) => {
    const id = people.get(e.toLowerCase())?.id;
    return id !== undefined && id !== hostUserId ? [id] : [];
  });
  return {
    hostUserId,
    hostName: host?.name ?? (sameHost && known.hostName ? known.hostName : hostEmail),
    hostEmail,
    alternativeHostIds: [...new Set(ids)],
  };
}
