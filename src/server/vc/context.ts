// What the module's services are built from, once per app: the app's dependencies, the providers and the
// module's background jobs.
import type { Config } from '../config';
import type { Db } from '../db/client';
import { NotFound, ValidationFailed } from '../errors';
import type { DbOrTx } from '../events';
import type { Clock } from '../http/types';
import type { JobDefinition, JobLog } from '../jobs/jobs';
import { newSettingsReads, type ProviderContext, type ProviderRoom, type VcProvider } from './provider';
import type { ProviderRegistry } from './registry';
import type { VcRoomRow } from './schema';

export interface VcJobs {
  /** Deletes a room at its provider until it succeeds (the room is marked for deletion first). */
  deleteRoom: JobDefinition<{ roomId: number }>;
  /** Pushes a room's stored data to its provider (after beforeLink adapted it inside a clone). */
  syncRoom: JobDefinition<{ roomId: number; linkId: number }>;
  /** Deletes at the provider what a create that never saved its room made there (see create.ts). */
  sweepCreate: JobDefinition<{ intentId: string }>;
}

export interface Vc {
  config: Config;
  db: Db;
  clock: Clock;
  providers: ProviderRegistry;
  jobs: VcJobs;
  /** For provider calls made outside a request (jobs); requests pass their own logger. */
  log: JobLog;
  /**
   * Called at each step of create and delete where a killed process would leave the database as it is. A
   * no-op here; durability tests make it never return (and end open transactions), as a kill -9 would.
   */
  step(name: VcStep): Promise<void>;
}

export type VcStep =
  | 'create:intent-saved'
  | 'create:provider-done'
  | 'create:room-inserted'
  | 'edit:provider-done'
  | 'delete:requested'
  | 'delete:claimed'
  | 'delete:provider-done'
  | 'delete:flipped';

export function providerCtx(vc: Vc, opts: { db?: DbOrTx; log?: JobLog } = {}): ProviderContext {
  return { db: opts.db ?? vc.db, clock: vc.clock, log: opts.log ?? vc.log, settings: newSettingsReads() };
}

/** The provider of a stored room, or undefined when this server no longer has it. */
export function providerOf(vc: Vc, room: { provider: string }): VcProvider | undefined {
  return vc.providers.get(room.provider);
}

/** A stored room as its provider sees it; undefined when its data no longer fits the provider's schema. */
export function toProviderRoom(
  provider: VcProvider,
  room: VcRoomRow,
  linkCount: number,
): ProviderRoom<unknown> | undefined {
  const data = provider.roomDataSchema.safeParse(room.data);
  if (!data.success) return undefined;
  return {
    id: room.id,
    name: room.name,
    status: room.status,
    data: data.data,
    createdById: room.createdById,
    linkCount,
  };
}

export function requireProviderRoom(
  provider: VcProvider,
  room: VcRoomRow,
  linkCount: number,
): ProviderRoom<unknown> {
  const parsed = toProviderRoom(provider, room, linkCount);
  if (!parsed) throw new NotFound('This videoconference');
  return parsed;
}

/** The link's data as its provider sees it (its defaults when the stored data no longer fits). */
export function linkDataOf(provider: VcProvider, data: unknown): unknown {
  const parsed = provider.linkDataSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  return provider.linkDataFromForm({ link: provider.linkFormDefaults() });
}

/** Parses a provider's form fields; problems become 422s on `<prefix>.<field>`. */
export function parseProviderFields<T>(
  schema: { safeParse(v: unknown): ZodLikeResult<T> },
  value: unknown,
  prefix: string,
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationFailed(
    result.error.issues.map((issue) => ({
      field: [prefix, ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  );
}

type ZodLikeResult<T> =
  | { success: true; data: T }
  | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } };
