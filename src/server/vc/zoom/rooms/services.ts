// What the Zoom provider is built from (ZoomProviderDeps, given whole to createZoomProvider) and what its
// functions share (ZoomServices); the rooms' routes, webhooks and jobs also use the module (ZoomRoomsFeature).
import { z } from 'zod';
import type { Config } from '../../../config';
import type { Db } from '../../../db/client';
import type { Mailer } from '../../../mail/mailer';
import type { Vc } from '../../context';
import type { ZoomClient } from '../client';
import type { ZoomRuntime } from '../runtime';

/** What finds a create's meeting at Zoom: meetings created in [from, to] with this topic and unknown here. */
export const SweepPayload = z.object({
  hostEmail: z.string(),
  topic: z.string(),
  kind: z.enum(['meeting', 'webinar']),
  /** ISO times. */
  from: z.string(),
  to: z.string(),
});
export type SweepPayload = z.infer<typeof SweepPayload>;

/** Everything the Zoom provider needs, given when it is built. Settings are read through each call's ctx. */
export interface ZoomProviderDeps {
  config: Config;
  db: Db;
  mailer: Mailer;
  /** How this server reaches Zoom (real Zoom, or the stand-in the process entry mounted). */
  runtime: ZoomRuntime;
  /** The Zoom client of the credentials in force. */
  client(): Promise<ZoomClient>;
}

export type ZoomServices = ZoomProviderDeps;

/** The Zoom rooms' routes, webhooks and jobs: the provider's services and the module they act in. */
export interface ZoomRoomsFeature extends ZoomServices {
  vc: Vc;
}
