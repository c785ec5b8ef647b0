// POST /api/vc/zoom/webhook: Zoom's event notifications (zoom_api.md §4). Verified on the raw body, answered
// at once (Zoom wants a 2xx within 3 s), de-duplicated in PostgreSQL, and handled by a job.
import { lt } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ApiErrorBody } from '../../../contracts/errors';
import { AppError, Unauthenticated } from '../../errors';
import { RATE_LIMITS } from '../../http/rate-limits';
import { errorResponses } from '../../http/responses';
import type { App, AppDeps } from '../../http/types';
import { MAX_JSON_DEPTH, nestsDeeperThan, parseWellFormedJson } from '../../http/well-formed';
import { enqueueJob } from '../../jobs/jobs';
import { resolveWebhookSecret } from './credentials';
import { WEBHOOK_PATH, type ZoomRuntime } from './runtime';
import { zoomWebhookDeliveries } from './schema';
import type { ZoomWebhookDispatcher } from './webhook-dispatcher';
import { verifyZoomSignature, zoomDeliveryKey, zoomEncryptedToken } from './webhook-signature';
import { parseZoomMeetingId } from './zoom-schemas';

export const ZOOM_WEBHOOK_JOB = 'zoom.webhook';
/** Far beyond Zoom's last retry (about 85 minutes after the first attempt, zoom_api.md §4). */
const KEEP_DELIVERIES_MS = 7 * 24 * 3600_000;
const BODY_LIMIT = 256 * 1024;

const Envelope = z.object({
  event: z.string().min(1).max(100),
  event_ts: z.number().optional(),
  payload: z.record(z.string(), z.unknown()).default({}),
});

const JobPayload = z.object({
  key: z.string(),
  event: z.string(),
  eventTs: z.number().optional(),
  payload: z.record(z.string(), z.unknown()),
});

const WebhookAnswer = z.union([
  z.object({ plainToken: z.string(), encryptedToken: z.string() }),
  z.object({ status: z.enum(['accepted', 'duplicate', 'ignored']) }),
]);

export async function registerZoomWebhook(
  app: App,
  deps: AppDeps,
  runtime: ZoomRuntime,
  dispatcher: ZoomWebhookDispatcher,
): Promise<void> {
  const job = deps.jobs.define({
    name: ZOOM_WEBHOOK_JOB,
    payload: JobPayload,
    maxAttempts: 10,
    async run(p, ctx) {
      const object = p.payload.object;
      const objectRecord = isRecord(object) ? object : undefined;
      await dispatcher.dispatch(
        {
          event: p.event,
          eventTs: p.eventTs,
          meetingId: parseZoomMeetingId(objectRecord?.id),
          object: objectRecord,
          payload: p.payload,
          deliveryKey: p.key,
        },
        { db: deps.db, clock: deps.clock, log: ctx.log, attempt: ctx.attempt },
      );
      await pruneDeliveries();
    },
  });
  const pruneDeliveries = async () => {
    const cutoff = new Date(deps.clock().getTime() - KEEP_DELIVERIES_MS);
    await deps.db.delete(zoomWebhookDeliveries).where(lt(zoomWebhookDeliveries.receivedAt, cutoff));
  };
  // Also when no notification arrives for a while: the ids of processed ones go after KEEP_DELIVERIES_MS.
  const prune = deps.jobs.define({
    name: 'zoom.pruneWebhookDeliveries',
    payload: z.object({}),
    maxAttempts: 3,
    run: pruneDeliveries,
  });
  deps.jobs.schedule(prune, '27 3 * * *');

  // In sandbox mode, the stand-in's own secret signs the notifications it sends to this endpoint.
  const secretOf = async (): Promise<string | undefined> =>
    runtime.standIn && (await runtime.current()).mode === 'sandbox'
      ? runtime.standIn.credentials.webhookSecret
      : resolveWebhookSecret(deps.config, deps.db);

  // An encapsulated scope: the raw bytes, which the signature covers, reach this route only.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_req, body, done) =>
      done(null, body),
    );
    scope.post(
      WEBHOOK_PATH,
      {
        config: { csrf: false, rateLimit: RATE_LIMITS.webhook },
        schema: {
          tags: ['zoom'],
          summary: 'Zoom event notifications (signed with the webhook secret token)',
          response: { 200: WebhookAnswer, ...errorResponses(400, 401), 503: ApiErrorBody },
        },
      },
      async (request) => {
        const secret = await secretOf();
        if (!secret)
          throw new AppError(
            'UNAVAILABLE',
            'Zoom notifications are not set up on this server: enter the webhook secret token in the Zoom settings.',
          );
        const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const check = verifyZoomSignature({
          secret,
          timestamp: header(request, 'x-zm-request-timestamp'),
          signature: header(request, 'x-zm-signature'),
          rawBody,
          now: deps.clock(),
        });
        if (!check.ok) {
          request.log.warn({ reason: check.reason }, 'Zoom notification refused');
          throw new Unauthenticated(check.message);
        }
        const envelope = parseEnvelope(rawBody);
        if (envelope.event === 'endpoint.url_validation') {
          const plainToken = envelope.payload.plainToken;
          if (typeof plainToken !== 'string' || plainToken === '')
            throw new AppError('BAD_REQUEST', 'The url_validation challenge lacks payload.plainToken.');
          return { plainToken, encryptedToken: zoomEncryptedToken(secret, plainToken) };
        }
        if (!dispatcher.handles(envelope.event)) {
          request.log.info({ event: envelope.event }, 'Zoom notification ignored: nobody subscribed');
          return { status: 'ignored' as const };
        }
        const key = zoomDeliveryKey(envelope.event, envelope.event_ts, envelope.payload);
        const accepted = await deps.db.transaction(async (tx) => {
          const inserted = await tx
            .insert(zoomWebhookDeliveries)
            .values({ key, event: envelope.event, receivedAt: deps.clock() })
            .onConflictDoNothing()
            .returning({ key: zoomWebhookDeliveries.key });
          if (inserted.length === 0) return false;
          // In the same transaction: the job exists exactly when the delivery counts as received.
          await enqueueJob(
            tx,
            job,
            { key, event: envelope.event, eventTs: envelope.event_ts, payload: envelope.payload },
            { jobKey: `zoom-webhook:${key}` },
          );
          return true;
        });
        request.log.info({ event: envelope.event, accepted }, 'Zoom notification received');
        return { status: accepted ? ('accepted' as const) : ('duplicate' as const) };
      },
    );
  });
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseEnvelope(rawBody: Buffer): z.output<typeof Envelope> {
  let json: unknown;
  try {
    // Zoom's texts (topics, names) are stored and logged: made well formed here, once.
    json = parseWellFormedJson(rawBody.toString('utf8'));
  } catch {
    throw new AppError('BAD_REQUEST', 'The notification body is not JSON.');
  }
  if (nestsDeeperThan(json))
    throw new AppError('BAD_REQUEST', `The notification nests deeper than ${MAX_JSON_DEPTH} levels.`);
  const parsed = Envelope.safeParse(json);
  if (!parsed.success)
    throw new AppError('BAD_REQUEST', 'The notification is not a Zoom event {event, payload}.');
  return parsed.data;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
