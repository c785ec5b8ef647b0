/*
 * Clone steps: how a module copies its own data when an event is cloned (Indico's `get_cloners` signal).
 * A module registers one step with its app's `app.eventExtensions.cloneSteps`; `GET /api/events/:id/clone-options` lists it beside the core options and
 * `POST /api/events/:id/clone` runs it, when its option is on, after the core copy and in the same
 * transaction. A step that throws aborts the whole clone.
 */
import type { Actor, DbOrTx } from './db-types';
import type { CloneIdMaps } from './hooks';
import type { EventRow } from './schema';

/** The options of the events feature itself; module steps may read them from `options`. */
export const CORE_CLONE_OPTIONS = [
  { id: 'timetable', label: 'Timetable: sessions, session blocks and contributions', defaultOn: true },
  { id: 'managers', label: 'Managers', defaultOn: true },
  { id: 'protection', label: 'Protection mode and allowed users', defaultOn: true },
] as const;

export type CoreCloneOption = (typeof CORE_CLONE_OPTIONS)[number]['id'];

export interface CloneStepContext {
  tx: DbOrTx;
  source: EventRow;
  /** The new event, already inserted. */
  event: EventRow;
  /** Old → new ids of the copied timetable (empty unless `options.timetable`). */
  idMaps: CloneIdMaps;
  /** Every option's value, core and module ones: e.g. copy contribution links only if options.timetable. */
  options: Record<string, boolean>;
  actor: NonNullable<Actor>;
  at: Date;
  /** New start minus old start, in milliseconds: shift anything time-bound by it. */
  shiftMs: number;
}

/** What a step tells the person who cloned (e.g. "Room X was not linked: …"); it is also in the new event's log. */
export interface CloneStepResult {
  notices: string[];
}

export interface CloneStep {
  /** Unique, stable: the key of `options` in the clone request ('vc'). */
  id: string;
  label: string;
  defaultOn: boolean;
  /** Whether the option makes sense for this event (e.g. it has rooms); unavailable options are refused. */
  isAvailable(ctx: { db: DbOrTx; source: EventRow }): boolean | Promise<boolean>;
  run(ctx: CloneStepContext): Promise<CloneStepResult | undefined>;
}

/** The clone steps of one app, in registration order. */
export class CloneSteps {
  private readonly steps = new Map<string, CloneStep>();

  /** Registers (or replaces) a step by id; returns the function that removes it. */
  register(step: CloneStep): () => void {
    if (CORE_CLONE_OPTIONS.some((o) => o.id === step.id)) {
      throw new Error(`clone step id "${step.id}" is reserved for the events feature`);
    }
    this.steps.set(step.id, step);
    return () => {
      if (this.steps.get(step.id) === step) this.steps.delete(step.id);
    };
  }

  /** The registered module steps, in registration order. */
  all(): CloneStep[] {
    return [...this.steps.values()];
  }
}
