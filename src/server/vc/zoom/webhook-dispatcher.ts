// Verified Zoom notifications, handed to whoever subscribed to their event (the provider: meeting.updated
// → refresh, meeting.deleted → mark deleted, meeting.started/ended → live badge). Handlers run in a
// background job after the webhook has been answered.
import type { Db } from '../../db/client';
import type { Clock } from '../../http/types';
import type { JobLog } from '../../jobs/jobs';
import type { ZoomMeetingId } from './zoom-schemas';

export interface ZoomWebhookEvent {
  /** e.g. "meeting.deleted". */
  event: string;
  /** Zoom's event_ts: epoch milliseconds. */
  eventTs: number | undefined;
  /**
   * `payload.object.id` as a meeting or webinar id: Zoom sends a number in created/updated/deleted and a
   * string in started/ended/participant events (zoom_api.md §4, "Payload quirks"); compare with sameZoomId.
   */
  meetingId: ZoomMeetingId | undefined;
  /** `payload.object` (for *.updated only the changed fields and the id; `payload.old_object` has the rest). */
  object: Record<string, unknown> | undefined;
  payload: Record<string, unknown>;
  /** The de-duplication key: the same for every retry of one notification. */
  deliveryKey: string;
}

export interface ZoomWebhookContext {
  db: Db;
  clock: Clock;
  log: JobLog;
  /** 1 on the first run; a handler that failed is run again (with all others of the event) up to 10 times. */
  attempt: number;
}

/**
 * Handlers must be idempotent: when one fails, the job retries and every handler of the event runs again.
 * An unknown meeting is not an error: ignore it (Zoom notifies about meetings made outside Convene).
 */
export type ZoomWebhookHandler = (event: ZoomWebhookEvent, ctx: ZoomWebhookContext) => Promise<void>;

export class ZoomWebhookDispatcher {
  private readonly handlers = new Map<string, ZoomWebhookHandler[]>();

  /** Subscribes to one event name; returns the unsubscribe function. */
  on(event: string, handler: ZoomWebhookHandler): () => void {
    const list = this.handlers.get(event) ?? [];
    list.push(handler);
    this.handlers.set(event, list);
    return () => {
      const current = this.handlers.get(event) ?? [];
      this.handlers.set(
        event,
        current.filter((h) => h !== handler),
      );
    };
  }

  /** Notifications nobody subscribed to are answered 200 and dropped without a job. */
  handles(event: string): boolean {
    return (this.handlers.get(event)?.length ?? 0) > 0;
  }

  /** Runs every handler of the event in turn; if any failed, throws (after running the others). */
  async dispatch(event: ZoomWebhookEvent, ctx: ZoomWebhookContext): Promise<void> {
    const errors: unknown[] = [];
    for (const handler of [...(this.handlers.get(event.event) ?? [])]) {
      try {
        await handler(event, ctx);
      } catch (err) {
        errors.push(err);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1)
      throw new AggregateError(errors, `${errors.length} handlers of ${event.event} failed`);
  }
}
