import { desc, eq, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { z } from 'zod';
import type { Db } from '../db/client';
import type { AppDeps } from '../http/types';
import { type Executor, enqueueJob, type JobDefinition, type JobRegistry } from '../jobs/jobs';
import { mailOutbox } from './schema';

export interface MailMessage {
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  module: string;
  eventId?: number;
}

const SEND_ATTEMPTS = 10;

/** Sends through SMTP when SMTP_URL is set; otherwise e-mails are kept in the outbox for admins. */
export class Mailer {
  private transport: Transporter | undefined;
  readonly sendJob: JobDefinition<{ id: number }>;

  constructor(
    private readonly deps: Pick<AppDeps, 'config' | 'db' | 'clock'>,
    jobs: JobRegistry,
  ) {
    this.sendJob = jobs.define({
      name: 'mail.send',
      payload: z.object({ id: z.number().int() }),
      maxAttempts: SEND_ATTEMPTS,
      run: async ({ id }, ctx) => this.deliver(id, ctx.attempt >= ctx.maxAttempts),
    });
  }

  get delivers(): boolean {
    return this.deps.config.smtpUrl !== undefined;
  }

  /** Records the e-mail in the caller's transaction and, with SMTP, queues its delivery there too. */
  async queue(tx: Executor & Pick<Db, 'insert'>, msg: MailMessage): Promise<number> {
    const to = unique(msg.to);
    const cc = unique(msg.cc ?? []).filter((a) => !to.includes(a));
    const [row] = await tx
      .insert(mailOutbox)
      .values({
        to,
        cc,
        subject: msg.subject,
        text: msg.text,
        module: msg.module,
        eventId: msg.eventId ?? null,
        status: this.delivers ? 'pending' : 'kept',
      })
      .returning({ id: mailOutbox.id });
    if (!row) throw new Error('outbox insert returned nothing');
    if (this.delivers) await enqueueJob(tx, this.sendJob, { id: row.id });
    return row.id;
  }

  private async deliver(id: number, lastAttempt: boolean): Promise<void> {
    const { db, config } = this.deps;
    const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    if (!mail || mail.status === 'sent') return;
    this.transport ??= nodemailer.createTransport(config.smtpUrl);
    try {
      await this.transport.sendMail({
        from: config.mailFrom,
        to: mail.to,
        cc: mail.cc,
        subject: mail.subject,
        text: mail.text,
      });
      await db
        .update(mailOutbox)
        .set({
          status: 'sent',
          sentAt: this.deps.clock(),
          attempts: sql`${mailOutbox.attempts} + 1`,
          lastError: null,
        })
        .where(eq(mailOutbox.id, id));
    } catch (err) {
      await db
        .update(mailOutbox)
        .set({
          status: lastAttempt ? 'failed' : 'pending',
          attempts: sql`${mailOutbox.attempts} + 1`,
          lastError: (err as Error).message.slice(0, 500),
        })
        .where(eq(mailOutbox.id, id));
      throw err; // the job queue retries with backoff
    }
  }
}

function unique(addresses: string[]): string[] {
  return [...new Set(addresses.map((a) => a.trim()).filter(Boolean))];
}

export async function listOutbox(db: Db, page: number, pageSize: number) {
  const rows = await db
    .select()
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  return { items: rows.slice(0, pageSize), hasMore: rows.length > pageSize };
}
