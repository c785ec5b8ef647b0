import { describe, expect, it } from 'vitest';
import { fakeClock, useTestApp } from '../support/app';
import { agentFor, makeUser } from '../support/factories';

describe('session lifetime', () => {
  const clock = fakeClock();
  const t = useTestApp({ clock });

  it('renews the session cookie when a session in use is extended, and not on every request', async () => {
    const user = await makeUser(t.deps.db);
    const agent = await agentFor(t.app, t.deps.db, user, clock());
    const soon = await agent.get('/api/auth/session');
    expect(soon.json().user.id).toBe(user.id);
    expect(soon.cookies.some((c) => c.name === 'convene_session')).toBe(false);

    clock.advance(60 * 60 * 1000);
    const later = await agent.get('/api/auth/session');
    const cookie = later.cookies.find((c) => c.name === 'convene_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', maxAge: 30 * 24 * 3600 });
  });
});
