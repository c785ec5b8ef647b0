import { beforeAll, describe, expect, it } from 'vitest';
import { ZOOM_SETTINGS_DEFAULTS } from '../../src/contracts/vc-zoom';
import { userIdentities } from '../../src/server/auth/identity-schema';
import { userEmails } from '../../src/server/auth/schema';
import { ZoomClient } from '../../src/server/vc/zoom/client';
import {
  createZoomUserCache,
  findZoomUser,
  type ZoomLookupSettings,
} from '../../src/server/vc/zoom/user-lookup';
import { fakeClock, useTestApp } from '../support/app';
import { type MadeUser, makeUser } from '../support/factories';

const ALL: ZoomLookupSettings = { ...ZOOM_SETTINGS_DEFAULTS, userLookupMode: 'all_emails' };

// The in-process sandbox adopts local accounts' primary e-mails at most once a second of the app's clock.
// This clock stands still, and beforeAll makes the one adoption happen while there are no accounts yet:
// so only the Zoom users each test adds with state.addUser exist.
describe('finding the Zoom user of a Convene user', () => {
  const t = useTestApp({ clock: fakeClock() });
  let client: ZoomClient;
  const state = () => {
    const sandbox = t.app.zoomSandbox;
    if (!sandbox) throw new Error('the sandbox is not running');
    return sandbox.state;
  };
  const person = async (name: string, primary: string, others: string[] = []): Promise<MadeUser> => {
    const user = await makeUser(t.deps.db, { name, email: primary });
    if (others.length)
      await t.deps.db.insert(userEmails).values(others.map((email) => ({ userId: user.id, email })));
    return user;
  };
  const lookUp = (user: MadeUser, settings: ZoomLookupSettings = ALL) =>
    findZoomUser(client, user, settings, { db: t.deps.db });

  beforeAll(async () => {
    const runtime = t.app.zoom.runtime;
    const resolved = await runtime.resolve();
    if (!resolved.configured) throw new Error('sandbox credentials missing');
    client = new ZoomClient(resolved.credentials, t.deps.db, {
      fetch: runtime.fetch,
      clock: t.deps.clock,
      maxRetries: 0,
    });
    await client.getToken();
  });

  it('tries every e-mail, primary first, and takes the first one Zoom knows (all_emails)', async () => {
    const ada = await person('Ada Lovelace', 'ada@home.example', ['ada@uni.example', 'ada@lab.example']);
    state().addUser({ email: 'ada@uni.example', firstName: 'Ada' });
    state().addUser({ email: 'ada@lab.example', firstName: 'Ada (lab)' });
    const found = await lookUp(ada);
    expect(found).toMatchObject({
      found: true,
      email: 'ada@uni.example',
      tried: ['ada@home.example', 'ada@uni.example'],
      zoomUser: { email: 'ada@uni.example', first_name: 'Ada' },
    });
  });

  it('prefers the primary e-mail when Zoom knows several', async () => {
    const alan = await person('Alan Turing', 'alan@uni.example', ['alan@lab.example']);
    state().addUser({ email: 'alan@lab.example' });
    state().addUser({ email: 'alan@uni.example' });
    expect(await lookUp(alan)).toMatchObject({
      found: true,
      email: 'alan@uni.example',
      tried: ['alan@uni.example'],
    });
  });

  it('names the person and the e-mails tried when Zoom knows none of them', async () => {
    const grace = await person('Grace Hopper', 'grace@example.org', ['grace@navy.example']);
    expect(await lookUp(grace)).toEqual({
      found: false,
      reason: 'no-account',
      tried: ['grace@example.org', 'grace@navy.example'],
      message: 'Grace Hopper has no Zoom account under grace@example.org or grace@navy.example.',
    });
  });

  it('counts a Zoom user whose invitation is still pending (1120) as no account', async () => {
    const edsger = await person('Edsger Dijkstra', 'edsger@example.org');
    state().addUser({ email: 'edsger@example.org', status: 'pending' });
    expect(await lookUp(edsger)).toMatchObject({
      found: false,
      reason: 'no-account',
      message: 'Edsger Dijkstra has no Zoom account under edsger@example.org.',
    });
  });

  it('asks Zoom only about e-mails in the listed domains (email_domains)', async () => {
    const barbara = await person('Barbara Liskov', 'barbara@home.example', ['barbara@MIT.example']);
    state().addUser({ email: 'barbara@home.example' });
    state().addUser({ email: 'barbara@mit.example' });
    const settings = { ...ALL, userLookupMode: 'email_domains' as const, emailDomains: ['mit.example'] };
    expect(await lookUp(barbara, settings)).toMatchObject({
      found: true,
      email: 'barbara@MIT.example',
      tried: ['barbara@MIT.example'],
    });
    const other = { ...settings, emailDomains: ['cern.example', 'sub.mit.example'] };
    expect(await lookUp(barbara, other)).toEqual({
      found: false,
      reason: 'no-candidate',
      tried: [],
      message:
        'Barbara Liskov has no e-mail address in cern.example or sub.mit.example, the domains of the Zoom account.',
    });
  });

  it('looks up the primary e-mail’s username at the enterprise domain (username_at_domain)', async () => {
    const ken = await person('Ken Thompson', 'ken@bell-labs.example', ['kthompson@unix.example']);
    state().addUser({ email: 'ken@corp.example' });
    const settings = {
      ...ALL,
      userLookupMode: 'username_at_domain' as const,
      enterpriseDomain: 'corp.example',
    };
    expect(await lookUp(ken, settings)).toMatchObject({
      found: true,
      email: 'ken@corp.example',
      tried: ['ken@corp.example'],
    });
  });

  it('uses the username the chosen identity provider gives, and the e-mail’s local part without one', async () => {
    const grace = await person('Grace Hopper', 'grace.hopper@navy.example');
    const linked = await person('Linked Elsewhere', 'linked@navy.example');
    await t.deps.db.insert(userIdentities).values([
      { userId: grace.id, provider: 'cern', issuer: 'https://sso.test', subject: 'g1', username: 'ghopper' },
      { userId: linked.id, provider: 'other', issuer: 'https://other.test', subject: 'l1', username: 'lnk' },
    ]);
    state().addUser({ email: 'ghopper@corp.example' });
    state().addUser({ email: 'linked@corp.example' });
    const settings = {
      ...ALL,
      userLookupMode: 'username_at_domain' as const,
      enterpriseDomain: 'corp.example',
      usernameProvider: 'cern',
    };
    expect(await lookUp(grace, settings)).toMatchObject({
      found: true,
      email: 'ghopper@corp.example',
      tried: ['ghopper@corp.example'],
    });
    // No identity at the chosen provider: the primary e-mail's local part, as before.
    expect(await lookUp(linked, settings)).toMatchObject({ found: true, email: 'linked@corp.example' });
  });

  it('does not look up blocked users', async () => {
    const blocked = await makeUser(t.deps.db, { name: 'Mallory', isBlocked: true });
    state().addUser({ email: blocked.email });
    expect(await lookUp(blocked)).toMatchObject({ found: false, reason: 'blocked', tried: [] });
  });

  it('asks Zoom once per person when the callers share a cache', async () => {
    const linus = await person('Linus Torvalds', 'linus@example.org');
    state().addUser({ email: 'linus@example.org' });
    const cache = createZoomUserCache();
    const before = state().countRequests({ method: 'GET', route: '/v2/users/:userId' });
    const [a, b] = await Promise.all([
      findZoomUser(client, linus, ALL, { db: t.deps.db, cache }),
      findZoomUser(client, linus, ALL, { db: t.deps.db, cache }),
    ]);
    await findZoomUser(client, linus, ALL, { db: t.deps.db, cache });
    expect(a).toBe(b);
    expect(state().countRequests({ method: 'GET', route: '/v2/users/:userId' })).toBe(before + 1);
  });

  it('lets other Zoom failures through, and does not keep them in the cache', async () => {
    const margaret = await person('Margaret Hamilton', 'margaret@example.org');
    state().addUser({ email: 'margaret@example.org' });
    state().injectFault({ method: 'GET', path: '/v2/users/*', status: 500, times: 1 });
    const cache = createZoomUserCache();
    await expect(findZoomUser(client, margaret, ALL, { db: t.deps.db, cache })).rejects.toMatchObject({
      kind: 'unavailable',
    });
    expect(cache.size).toBe(0);
    await expect(findZoomUser(client, margaret, ALL, { db: t.deps.db, cache })).resolves.toMatchObject({
      found: true,
    });
  });
});
