// Housekeeping runs on graphile-worker's cron: expired sessions, old outbox mail and old webhook ids go.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sessions } from '../../src/server/auth/schema';
import { mailOutbox } from '../../src/server/mail/schema';
import { zoomWebhookDeliveries } from '../../src/server/vc/zoom/schema';
import { fakeClock, runJobs, useTestApp } from '../support/app';
import { makeUser } from '../support/factories';

describe('housekeeping', () => {
  const clock = fakeClock(new Date('2030-06-01T12:00:00Z'));
  const t = useTestApp({ clock });
  const days = (n: number) => new Date(clock().getTime() - n * 24 * 3600_000);

  it('is scheduled with graphile-worker’s cron', () => {
    expect(t.deps.jobs.cronItems.map((c) => [c.task, c.match])).toEqual([
      ['housekeeping.deleteExpiredSessions', '7 * * * *'],
      ['housekeeping.pruneOldMail', '17 3 * * *'],
      ['zoom.pruneWebhookDeliveries', '27 3 * * *'],
    ]);
  });

  it('deletes expired sessions, mail sent more than 90 days ago and webhook ids older than 7 days', async () => {
    const user = await makeUser(t.deps.db, { name: 'Ada Lovelace' });
    await t.deps.db.insert(sessions).values([
      { id: 'expired', userId: user.id, expiresAt: days(1) },
      { id: 'live', userId: user.id, expiresAt: days(-1) },
    ]);
    const mail = (subject: string, status: 'sent' | 'kept' | 'pending', at: Date) => ({
      to: ['ada@example.org'],
      subject,
      text: 'x',
      module: 'test',
      status,
      createdAt: at,
    });
    await t.deps.db
      .insert(mailOutbox)
      .values([
        mail('old sent', 'sent', days(91)),
        mail('old kept', 'kept', days(91)),
        mail('old pending', 'pending', days(91)),
        mail('recent', 'sent', days(89)),
      ]);
    await t.deps.db.insert(zoomWebhookDeliveries).values([
      { key: 'old', event: 'meeting.updated', receivedAt: days(8) },
      { key: 'recent', event: 'meeting.updated', receivedAt: days(6) },
    ]);
    for (const task of t.deps.jobs.cronItems.map((c) => c.task))
      await t.deps.db.execute(sql`SELECT graphile_worker.add_job(${task}::text, '{}'::json)`);
    await runJobs(t);
    expect((await t.deps.db.select({ id: sessions.id }).from(sessions)).map((s) => s.id)).toEqual(['live']);
    expect(
      (await t.deps.db.select({ s: mailOutbox.subject }).from(mailOutbox)).map((m) => m.s).sort(),
    ).toEqual(['old pending', 'recent']);
    expect(
      (await t.deps.db.select({ k: zoomWebhookDeliveries.key }).from(zoomWebhookDeliveries)).map((d) => d.k),
    ).toEqual(['recent']);
  });
});
