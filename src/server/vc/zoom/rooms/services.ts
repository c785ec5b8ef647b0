// What the Zoom provider needs beyond ProviderDeps: the Zoom client of the credentials in force, the mailer,
// the module's runtime and its own jobs. The registry builds the provider before the Zoom feature exists,
// so the feature binds these once it is registered (index.ts); until then the provider is disabled.
import { z } from 'zod';
import type { Config } from '../../../config';
import type { JobDefinition } from '../../../jobs/jobs';
import type { Mailer } from '../../../mail/mailer';
import type { Vc } from '../../context';
import type { VcProvider } from '../../provider';
import type { ZoomClient } from '../client';
import type { ZoomRuntime } from '../runtime';
import type { ZoomProviderSettings } from '../settings';

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

export interface ZoomServices {
  config: Config;
  client(): Promise<ZoomClient>;
  mailer: Mailer;
  runtime: ZoomRuntime;
  vc: Vc;
  jobs: {
    /** Kept for sweeps queued before creates recorded their intent (the module's vc.sweepCreate now). */
    sweepLostCreate: JobDefinition<SweepPayload>;
  };
}

/** Per provider instance: the services once bound, and the settings last read (for pure displayInfo). */
export interface ZoomProviderState {
  services: ZoomServices | undefined;
  /** The admin's settings as last read by isEnabled (which the module awaits before any displayInfo). */
  settings: ZoomProviderSettings | undefined;
}

const states = new WeakMap<VcProvider, ZoomProviderState>();

export function registerProviderState(provider: VcProvider, state: ZoomProviderState): void {
  states.set(provider, state);
}

export function providerStateOf(provider: VcProvider): ZoomProviderState | undefined {
  return states.get(provider);
}

export function requireServices(state: ZoomProviderState): ZoomServices {
  if (!state.services) throw new Error('the Zoom provider is used before the Zoom feature was registered');
  return state.services;
}
