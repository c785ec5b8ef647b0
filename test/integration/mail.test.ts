import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '../../src/server/mail/schema';
import { runJobs, useTestApp } from '../support/app';
import { agentFor, makeUser } from '../support/factories';

interface Received {
  to: string[];
  data: string;
}

function startSmtp(received: Received[]): Promise<{ server: SMTPServer; port: number }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => {
        data += String(chunk);
      });
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.server.address();
      resolve({ server, port: typeof addr === 'object' && addr ? addr.port : 0 });
    });
  });
}

describe('e-mail without SMTP', () => {
  const t = useTestApp();

  it('keeps e-mails in the outbox, which only administrators may read', async () => {
    await t.deps.mailer.queue(t.deps.db, {
      to: ['host@example.org'],
      subject: 'A meeting was created for you',
      text: 'Hello',
      module: 'vc',
    });
    const admin = await makeUser(t.deps.db, { isAdmin: true });
    const someone = await makeUser(t.deps.db);
    const res = await (await agentFor(t.app, t.deps.db, admin)).get('/api/admin/outbox');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      delivers: false,
      items: [{ to: ['host@example.org'], subject: 'A meeting was created for you', status: 'kept' }],
    });
    expect((await (await agentFor(t.app, t.deps.db, someone)).get('/api/admin/outbox')).statusCode).toBe(403);
    expect((await (await agentFor(t.app, t.deps.db, undefined)).get('/api/admin/outbox')).statusCode).toBe(
      401,
    );
  });
});

describe('e-mail with SMTP', () => {
  const received: Received[] = [];
  let smtp: { server: SMTPServer; port: number };
  beforeAll(async () => {
    smtp = await startSmtp(received);
  });
  afterAll(() => new Promise<void>((resolve) => smtp.server.close(() => resolve())));
  const t = useTestApp({ config: { smtpUrl: 'smtp://127.0.0.1:1' } });

  it('delivers a queued e-mail through the job queue and marks it sent', async () => {
    // The port is known only now: point the mailer at the running SMTP server.
    Object.assign(t.deps.config, { smtpUrl: `smtp://127.0.0.1:${smtp.port}` });
    await t.deps.db.transaction(async (tx) => {
      await t.deps.mailer.queue(tx, {
        to: ['new-host@example.org'],
        cc: ['old-host@example.org', 'new-host@example.org'],
        subject: 'You are now the host',
        text: 'Details inside',
        module: 'vc',
      });
    });
    await runJobs(t);
    expect(received).toHaveLength(1);
    expect(received[0]?.to.sort()).toEqual(['new-host@example.org', 'old-host@example.org']);
    expect(received[0]?.data).toContain('Subject: You are now the host');
    const [row] = await t.deps.db.select().from(mailOutbox);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, cc: ['old-host@example.org'] });
  });
});
