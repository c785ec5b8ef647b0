/*
 * Hooks: how other features react to what happens to events without the events feature importing them
 * (Indico's vc module subscribes to the host's signals the same way; the host never imports vc).
 *
 * Contract
 * - Each app has its own hooks (`app.eventExtensions.hooks`, built by the events feature): two apps in one
 *   process never see each other's handlers.
 * - Subscribe with `hooks.on(hook, owner, handler)`. `owner` names the subscriber ('vc', 'vc:reschedule');
 *   subscribing again with the same owner replaces the handler, so a feature subscribing twice never runs
 *   twice. The returned function unsubscribes.
 * - Handlers run in subscription order, awaited one after the other, INSIDE the transaction that made the
 *   change: `payload.tx` is that transaction. Write with it, so your rows change atomically with ours
 *   (e.g. re-link a room from a deleted contribution to its event).
 * - A handler that throws aborts the transaction: the change is rolled back and the request fails with
 *   the handler's error (an AppError keeps its status; anything else is a 500). Throw only to veto.
 * - Never call outside services (Zoom) from a handler: the transaction may still roll back, and it holds
 *   row locks meanwhile. Enqueue a job instead, `enqueueJob(payload.tx, job, …)` (src/server/jobs/jobs.ts):
 *   it exists exactly when the change commits.
 * - Rows in payloads are as they are after the change (deleted rows carry `deletedAt`); `before` holds
 *   the old values where a hook is about a change. Deletions are soft: rows stay, referenced ids stay valid.
 * - Handlers should not query per row: payloads carry id lists so one query can serve a batch.
 */
import type { Actor, DbOrTx } from './db-types';
import type { BlockRow, ContributionRow, EventRow, SessionRow } from './schema';

interface HookBase {
  tx: DbOrTx;
  actor: Actor;
  /** The time of the change (the app's clock). */
  at: Date;
  /** The event the change happened in (for eventCloned: the new event). */
  event: EventRow;
}

/** Old id → new id of everything the timetable clone copied (empty maps when it was not cloned). */
export interface CloneIdMaps {
  sessions: Map<number, number>;
  blocks: Map<number, number>;
  contributions: Map<number, number>;
}

export interface EventHookPayloads {
  /** The event was soft-deleted. Its timetable rows are left as they are. */
  eventDeleted: HookBase;
  /** A session was deleted; `sessionBlockDeleted` has already fired for each of `blockIds`. */
  sessionDeleted: HookBase & { session: SessionRow; blockIds: number[] };
  /**
   * A session block was deleted (alone, or with its session). Its contributions were unscheduled first:
   * `contributionUnscheduled` has fired for them.
   */
  sessionBlockDeleted: HookBase & { block: BlockRow; reason: 'deleted' | 'sessionDeleted' };
  contributionDeleted: HookBase & { contribution: ContributionRow };
  /** Contributions lost their start (and their block): edited to unscheduled, or their block went away. */
  contributionUnscheduled: HookBase & {
    contributions: Array<{
      contribution: ContributionRow;
      before: { startAt: Date; blockId: number | null };
    }>;
    reason: 'edited' | 'blockDeleted';
  };
  /**
   * The event's start or end changed. When the manager chose to shift the timetable, `shiftMs` is the
   * start's delta and `shifted` lists every block and contribution moved by it (the per-item *TimesChanged
   * hooks do not fire for those); otherwise shiftMs is 0 and the lists are empty.
   */
  eventTimesChanged: HookBase & {
    before: { startAt: Date; endAt: Date };
    shiftMs: number;
    shifted: { blockIds: number[]; contributionIds: number[] };
  };
  /**
   * A block moved or was resized. Moving a block moves its contributions by the same delta:
   * `movedContributionIds` lists them (contributionTimesChanged does not fire for those).
   */
  blockTimesChanged: HookBase & {
    block: BlockRow;
    before: { startAt: Date; durationMinutes: number };
    movedContributionIds: number[];
  };
  /** A contribution was scheduled, moved or resized (before.startAt is null when it was unscheduled). */
  contributionTimesChanged: HookBase & {
    contribution: ContributionRow;
    before: { startAt: Date | null; durationMinutes: number };
  };
  /** After every clone step ran. `event` is the new event, `source` the one cloned. */
  eventCloned: HookBase & { source: EventRow; idMaps: CloneIdMaps; options: Record<string, boolean> };
}

export type EventHookName = keyof EventHookPayloads;
export type EventHookHandler<K extends EventHookName> = (
  payload: EventHookPayloads[K],
) => void | Promise<void>;

/** The hooks of one app: its subscribers, by hook and owner. */
export class EventHooks {
  private readonly handlers: { [K in EventHookName]: Map<string, EventHookHandler<K>> } = {
    eventDeleted: new Map(),
    sessionDeleted: new Map(),
    sessionBlockDeleted: new Map(),
    contributionDeleted: new Map(),
    contributionUnscheduled: new Map(),
    eventTimesChanged: new Map(),
    blockTimesChanged: new Map(),
    contributionTimesChanged: new Map(),
    eventCloned: new Map(),
  };

  /** Subscribes `owner` to `hook` (replacing its previous handler); returns the unsubscribe function. */
  on<K extends EventHookName>(hook: K, owner: string, handler: EventHookHandler<K>): () => void {
    const map = this.handlers[hook] as Map<string, EventHookHandler<K>>;
    map.set(owner, handler);
    return () => {
      if (map.get(owner) === handler) map.delete(owner);
    };
  }

  /** Runs the hook's handlers in order inside the caller's transaction; the first error propagates. */
  async emit<K extends EventHookName>(hook: K, payload: EventHookPayloads[K]): Promise<void> {
    const map = this.handlers[hook] as Map<string, EventHookHandler<K>>;
    for (const handler of [...map.values()]) await handler(payload);
  }
}
