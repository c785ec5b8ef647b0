// /_sandbox/*: test controls over HTTP, for the standalone sandbox and end-to-end tests. They exist
// only when testControls is on; otherwise these paths answer 404 like any unknown path.
import type { FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ControlError } from './controls';
import type { SandboxState } from './state';
import { userSeedSchema } from './user-store';

const faultSchema = z.object({
  method: z.string().min(1).optional(),
  path: z.string().min(1).optional(),
  times: z.number().int().positive().optional(),
  status: z.number().int().min(100).max(599).optional(),
  body: z.unknown().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  delayMs: z.number().int().min(0).max(600_000).optional(),
  dropConnection: z.boolean().optional(),
});

const idParams = z.object({ id: z.string().regex(/^\d+$/) });

const webhookSchema = z.object({
  url: z.url(),
  secretToken: z.string().min(1),
  retryDelaysMs: z.array(z.number().int().min(0)).optional(),
  timeoutMs: z.number().int().positive().optional(),
  events: z.array(z.string()).optional(),
});

/** Fastify's own errors (validation, bad JSON) carry a 4xx statusCode; anything else is ours: 500. */
function statusOf(err: unknown): number {
  if (typeof err === 'object' && err !== null && 'statusCode' in err && typeof err.statusCode === 'number') {
    return err.statusCode < 500 ? err.statusCode : 500;
  }
  return 500;
}

export function registerControlRoutes(parent: FastifyInstance, state: SandboxState): void {
  parent.register(
    async (plain) => {
      const app = plain.withTypeProvider<ZodTypeProvider>();
      app.setValidatorCompiler(validatorCompiler);
      app.setSerializerCompiler(serializerCompiler);
      // The sandbox reads Zoom bodies as raw text; controls take plain JSON.
      app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
        try {
          done(null, body === '' ? undefined : JSON.parse(String(body)));
        } catch {
          done(new ControlError(400, 'Body is not valid JSON'), undefined);
        }
      });
      app.setErrorHandler((err, request, reply) => {
        if (err instanceof ControlError) return reply.code(err.statusCode).send({ error: err.message });
        const status = statusOf(err);
        if (status >= 500) request.log.error({ err }, 'Zoom sandbox control failed');
        return reply.code(status).send({ error: err instanceof Error ? err.message : String(err) });
      });

      app.get('/state', async () => ({
        clockOffsetMs: state.clock.offset,
        now: state.clock.now().toISOString(),
        users: state.users.all().length,
        meetings: state.meetings.all().length,
        tokenRequests: state.tokenRequestCount,
        faults: state.faults.list(),
        withheldScopes: [...state.withheldScopes],
        webhookConfigured: state.webhooks.configured,
      }));

      app.post('/reset', async (_request, reply) => {
        state.reset();
        return reply.code(204).send();
      });

      app.post(
        '/users',
        { schema: { body: z.union([userSeedSchema, z.array(userSeedSchema)]) } },
        async (request, reply) => {
          const seeds = Array.isArray(request.body) ? request.body : [request.body];
          try {
            const users = seeds.map((seed) => state.addUser(seed));
            return reply.code(201).send({ users: users.map((u) => ({ id: u.id, email: u.email })) });
          } catch (err) {
            throw new ControlError(409, err instanceof Error ? err.message : String(err));
          }
        },
      );

      app.post('/faults', { schema: { body: faultSchema } }, async (request, reply) => {
        const fault = state.injectFault(request.body);
        return reply.code(201).send({ id: fault.id });
      });

      app.delete('/faults', async (_request, reply) => {
        state.clearFaults();
        return reply.code(204).send();
      });

      app.post('/tokens/expire', async (_request, reply) => {
        state.expireTokens();
        return reply.code(204).send();
      });

      app.post('/tokens/revoke', async (_request, reply) => {
        state.revokeTokens();
        return reply.code(204).send();
      });

      app.put(
        '/scopes/withheld',
        { schema: { body: z.object({ scopes: z.array(z.string()) }) } },
        async (request) => {
          state.withholdScopes(request.body.scopes);
          return { scopes: [...state.withheldScopes] };
        },
      );

      app.post('/meetings/:id/start', { schema: { params: idParams } }, async (request) => ({
        status: state.startMeeting(request.params.id).status,
      }));

      app.post('/meetings/:id/end', { schema: { params: idParams } }, async (request) => ({
        status: state.endMeeting(request.params.id).status,
      }));

      app.post('/meetings/:id/convert-to-webinar', { schema: { params: idParams } }, async (request) => {
        const record = state.convertToWebinar(request.params.id);
        return { id: record.id, type: record.type };
      });

      app.delete('/meetings/:id', { schema: { params: idParams } }, async (request, reply) => {
        state.deleteMeetingOnZoom(request.params.id);
        return reply.code(204).send();
      });

      app.put('/clock', { schema: { body: z.object({ offsetMs: z.number().int() }) } }, async (request) => {
        state.setClockOffset(request.body.offsetMs);
        return { offsetMs: state.clock.offset, now: state.clock.now().toISOString() };
      });

      app.post(
        '/clock/advance',
        { schema: { body: z.object({ ms: z.number().int() }) } },
        async (request) => {
          state.advanceClock(request.body.ms);
          return { offsetMs: state.clock.offset, now: state.clock.now().toISOString() };
        },
      );

      app.get('/requests', async () => ({ requests: state.requests.entries }));

      app.delete('/requests', async (_request, reply) => {
        state.requests.clear();
        return reply.code(204).send();
      });

      app.get('/webhooks', async () => ({ deliveries: state.webhooks.deliveries }));

      app.put('/webhooks/config', { schema: { body: webhookSchema } }, async (request, reply) => {
        state.configureWebhook(request.body);
        return reply.code(204).send();
      });

      app.post('/webhooks/validate', async () => state.validateWebhookUrl());
    },
    { prefix: '/_sandbox' },
  );
}
