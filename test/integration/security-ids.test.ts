// Ids in URLs and query strings are decimal digits only: 0x10, 1e3 and " 1" are refused, not read as numbers.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app';
import { makeEvent } from '../support/event-factories';
import { agentFor, makeUser } from '../support/factories';

describe('ids in URLs', () => {
  const t = useTestApp();

  it('refuses hexadecimal, exponent and padded ids with 422 and deletes nothing', async () => {
    const admin = await makeUser(t.deps.db, { isAdmin: true });
    const agent = await agentFor(t.app, t.deps.db, admin);
    const events = [];
    for (let i = 0; i < 16; i++) events.push(await makeEvent(t.deps.db, { creator: admin }));
    const sixteenth = events[15];
    const hex = `0x${(sixteenth?.id ?? 16).toString(16)}`;
    for (const id of [hex, '1e1', '%201', '+1', '1.0']) {
      const res = await agent.delete(`/api/events/${id}`);
      expect(res.statusCode, `${id}: ${res.body}`).toBe(422);
      expect(res.json().error.fields[0]).toEqual({
        field: 'params.eventId',
        message: 'must be a number written in decimal digits',
      });
    }
    expect((await agent.get(`/api/events/${sixteenth?.id}`)).statusCode).toBe(200);
    expect((await agent.get(`/api/admin/users?page=0x2`)).statusCode).toBe(422);
    expect((await agent.get(`/api/events/${sixteenth?.id}`)).statusCode).toBe(200);
  });
});
