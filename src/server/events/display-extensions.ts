/*
 * Display extensions: how other modules add their data to the event, contribution and session-block pages
 * without the events feature importing them (the videoconference module adds the rooms shown there).
 * Each extension registered with the app's `app.eventExtensions.displays` loads once per response, for every
 * item on the page together (id lists, so it can answer in a fixed number of queries), and its result
 * travels under `extensions[<id>]`.
 * The extension decides what the viewer may see: the events feature passes its result through as it is.
 */
import type { SessionUser } from '../auth/sessions';
import type { DbOrTx } from './db-types';
import type { EventAccess } from './permissions';
import type { EventRow } from './schema';

export interface DisplayExtensionContext {
  db: DbOrTx;
  event: EventRow;
  viewer: SessionUser | undefined;
  access: EventAccess;
  page: 'event' | 'contribution' | 'block';
  /** The live contributions and session blocks the page shows. */
  idLists: { contributionIds: number[]; blockIds: number[] };
}

export interface DisplayExtension {
  /** Unique, stable: the key under `extensions` ('vc'). */
  id: string;
  load(ctx: DisplayExtensionContext): Promise<unknown>;
}

/** The display extensions of one app, in registration order. */
export class DisplayExtensions {
  private readonly extensions = new Map<string, DisplayExtension>();

  /** Registers (or replaces) an extension by id; returns the function that removes it. */
  register(extension: DisplayExtension): () => void {
    this.extensions.set(extension.id, extension);
    return () => {
      if (this.extensions.get(extension.id) === extension) this.extensions.delete(extension.id);
    };
  }

  /** Every extension's data for one page, one after the other (a transaction must not run two at once). */
  async load(ctx: DisplayExtensionContext): Promise<Record<string, unknown>> {
    const result: Record<string, unknown> = {};
    for (const extension of this.extensions.values()) result[extension.id] = await extension.load(ctx);
    return result;
  }
}
