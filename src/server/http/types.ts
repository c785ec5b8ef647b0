import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type pg from 'pg';
import type { Config } from '../config';
import type { Db } from '../db/client';
import type { JobRegistry } from '../jobs/jobs';
import type { Mailer } from '../mail/mailer';

/** The Fastify instance every feature registers its routes on: zod schemas type requests and replies. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression<RawServerDefault>,
  RawReplyDefaultExpression<RawServerDefault>,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export type Clock = () => Date;

/** What features are built from; tests pass fakes of the clock and real everything else. */
export interface AppDeps {
  config: Config;
  db: Db;
  pool: pg.Pool;
  clock: Clock;
  /** Features define their background jobs here while registering. */
  jobs: JobRegistry;
  mailer: Mailer;
}
