// Which Zoom user a Convene user is, per the admin's lookup mode (vc_zoom.md §1 "Zoom Account"): candidate
// e-mails are tried in order with GET /users/{email}; the first Zoom user found wins.
import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { userIdentities } from '../../auth/identity-schema';
import { userEmails, users } from '../../auth/schema';
import type { Db } from '../../db/client';
import type { Tx } from '../../db/types';
import type { ZoomClient } from './client';
import { isZoomError } from './errors';
import type { ZoomProviderSettings } from './settings';
import type { ZoomUser } from './zoom-schemas';

/** The part of the client a lookup needs (tests may pass a stub). */
export type ZoomUserDirectory = Pick<ZoomClient, 'getUser'>;

export type ZoomLookupSettings = Pick<
  ZoomProviderSettings,
  'userLookupMode' | 'emailDomains' | 'enterpriseDomain'
> &
  Partial<Pick<ZoomProviderSettings, 'usernameProvider'>>;

export type ZoomUserLookup =
  | {
      found: true;
      zoomUser: ZoomUser /** The candidate e-mail Zoom knows. */;
      email: string;
      tried: string[];
    }
  | {
      found: false;
      reason: 'no-account' | 'no-candidate' | 'blocked' | 'unknown-user';
      /** The e-mails asked of Zoom, in order (empty when there was none to ask). */
      tried: string[];
      /** A sentence naming the person, for a form error: "Ada Lovelace has no Zoom account under ada@…". */
      message: string;
    };

/**
 * Lookups already made, by user id: pass one cache to every lookup of one request or job, so that a form
 * naming the same person as host and alternative host asks Zoom once. Failed lookups are not kept.
 */
export type ZoomUserCache = Map<number, Promise<ZoomUserLookup>>;

export function createZoomUserCache(): ZoomUserCache {
  return new Map();
}

interface LocalUser {
  id: number;
  name: string;
  isBlocked: boolean;
  /** Primary first, then the others in the order they were added. */
  emails: string[];
  /** The username given by the identity provider the settings name, when the user has an identity there. */
  username?: string;
}

/**
 * The Zoom user of a Convene user. "No such user" (404/1001), "not on this account" (1010) and "invitation
 * pending or expired" (400/1120) count as no account (zoom_api.md §2.3); every other Zoom error propagates.
 */
export function findZoomUser(
  client: ZoomUserDirectory,
  user: { id: number },
  settings: ZoomLookupSettings,
  opts: { db: Db | Tx; cache?: ZoomUserCache },
): Promise<ZoomUserLookup> {
  const cached = opts.cache?.get(user.id);
  if (cached) return cached;
  const lookup = lookUp(client, user.id, settings, opts.db);
  if (opts.cache) {
    const cache = opts.cache;
    cache.set(user.id, lookup);
    lookup.catch(() => cache.delete(user.id));
  }
  return lookup;
}

async function lookUp(
  client: ZoomUserDirectory,
  userId: number,
  settings: ZoomLookupSettings,
  db: Db | Tx,
): Promise<ZoomUserLookup> {
  const local = await loadUser(db, userId, settings);
  if (!local)
    return { found: false, reason: 'unknown-user', tried: [], message: `User ${userId} does not exist.` };
  // Blocked accounts are skipped, as Indico skips blocked and deleted users (vc_zoom.md §1).
  if (local.isBlocked)
    return {
      found: false,
      reason: 'blocked',
      tried: [],
      message: `${local.name}'s account is blocked, so they cannot host Zoom meetings.`,
    };
  const candidates = zoomCandidateEmails(local.emails, settings, local.username);
  if (candidates.length === 0)
    return {
      found: false,
      reason: 'no-candidate',
      tried: [],
      message: noCandidateMessage(local.name, settings),
    };
  const tried: string[] = [];
  for (const email of candidates) {
    tried.push(email);
    const zoomUser = await getZoomUser(client, email);
    if (zoomUser) return { found: true, zoomUser, email, tried };
  }
  return {
    found: false,
    reason: 'no-account',
    tried,
    message: `${local.name} has no Zoom account under ${listOf(tried)}.`,
  };
}

async function getZoomUser(client: ZoomUserDirectory, email: string): Promise<ZoomUser | undefined> {
  try {
    return await client.getUser(email);
  } catch (err) {
    if (isZoomError(err, 'user-not-found') || (isZoomError(err) && err.httpStatus === 404)) return undefined;
    throw err;
  }
}

/**
 * The e-mails to ask Zoom about, in order, without repeats (case-insensitive):
 * all_emails: every e-mail; email_domains: those whose domain is listed (exactly, not subdomains, as
 * Indico's `endswith('@' + domain)`); username_at_domain: the username from the chosen identity provider at the
 * enterprise domain (Indico's "authenticators" mode), or, without one, the primary e-mail's local part.
 */
export function zoomCandidateEmails(
  emails: readonly string[],
  settings: ZoomLookupSettings,
  username?: string,
): string[] {
  let out: string[];
  switch (settings.userLookupMode) {
    case 'all_emails':
      out = [...emails];
      break;
    case 'email_domains': {
      const domains = new Set(settings.emailDomains.map((d) => d.toLowerCase()));
      out = emails.filter((e) => domains.has(domainOf(e)));
      break;
    }
    case 'username_at_domain': {
      const primary = emails[0];
      // A username in the form of an address (a UPN such as ghopper@cern.ch) contributes its local part.
      const fromIdentity = username?.split('@')[0];
      const local = fromIdentity || primary?.slice(0, primary.lastIndexOf('@'));
      out = local && settings.enterpriseDomain ? [`${local}@${settings.enterpriseDomain}`] : [];
      break;
    }
  }
  const seen = new Set<string>();
  return out.filter((e) => {
    const key = e.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

function noCandidateMessage(name: string, settings: ZoomLookupSettings): string {
  if (settings.userLookupMode === 'email_domains')
    return `${name} has no e-mail address in ${listOf(settings.emailDomains)}, the domains of the Zoom account.`;
  if (settings.userLookupMode === 'username_at_domain' && !settings.enterpriseDomain)
    return `Zoom users cannot be looked up: the administrator has not set the enterprise domain.`;
  return `${name} has no e-mail address to look up on Zoom.`;
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

async function loadUser(
  db: Db | Tx,
  userId: number,
  settings: ZoomLookupSettings,
): Promise<LocalUser | undefined> {
  const rows = await db
    .select({ name: users.name, isBlocked: users.isBlocked, email: userEmails.email })
    .from(users)
    .leftJoin(userEmails, eq(userEmails.userId, users.id))
    .where(eq(users.id, userId))
    .orderBy(desc(userEmails.isPrimary), asc(userEmails.id));
  const first = rows[0];
  if (!first) return undefined;
  const emails = rows.flatMap((r) => (r.email ? [r.email] : []));
  const username = await identityUsername(db, userId, settings);
  return { id: userId, name: first.name, isBlocked: first.isBlocked, emails, username };
}

/** The username of the user's identity at the provider the settings name (the most recent login's). */
async function identityUsername(
  db: Db | Tx,
  userId: number,
  settings: ZoomLookupSettings,
): Promise<string | undefined> {
  if (settings.userLookupMode !== 'username_at_domain' || !settings.usernameProvider) return undefined;
  const [row] = await db
    .select({ username: userIdentities.username })
    .from(userIdentities)
    .where(
      and(
        eq(userIdentities.userId, userId),
        eq(userIdentities.provider, settings.usernameProvider),
        ne(userIdentities.username, ''),
      ),
    )
    .orderBy(sql`${userIdentities.lastLoginAt} DESC NULLS LAST`, desc(userIdentities.id))
    .limit(1);
  return row?.username;
}
