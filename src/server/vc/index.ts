// The videoconference module: rooms at providers, linked to events, contributions and session blocks.
// It knows providers only through VcProvider; the list of providers is given by the app
// (src/server/vc-providers.ts), so that this folder never names one.
import type { App, AppDeps } from '../http/types';
import { registerVcCloneStep } from './clone';
import type { Vc } from './context';
import { registerVcDisplay } from './display';
import { defineVcJobs } from './jobs';
import { registerJoinRoute } from './join';
import { subscribeToEventHooks } from './lifecycle';
import type { ProviderFactory } from './provider';
import { ProviderRegistry } from './registry';
import { registerVcRoutes } from './routes';

export type { ProviderFactory, VcProvider } from './provider';

const byApp = new WeakMap<object, Vc>();

/** The module's runtime of an app (tests reach the providers' controls through it). */
export function vcOf(app: object): Vc {
  const vc = byApp.get(app);
  if (!vc) throw new Error('the videoconference module is not registered on this app');
  return vc;
}

/** The feature, for src/server/app.ts's FEATURES, with this server's providers. */
export function vcFeature(factories: ProviderFactory[]): (app: App, deps: AppDeps) => void {
  return (app, deps) => {
    let vc: Vc | undefined;
    const jobs = defineVcJobs(deps.jobs, () => {
      if (!vc) throw new Error('videoconference jobs ran before the module was built');
      return vc;
    });
    vc = {
      config: deps.config,
      db: deps.db,
      clock: deps.clock,
      providers: new ProviderRegistry(factories, { config: deps.config, db: deps.db, clock: deps.clock }),
      jobs,
      log: app.log.child({ module: 'vc' }),
      step: async () => undefined,
    };
    byApp.set(app, vc);
    // Hooks, the clone step and the display extension are process-wide (keyed by owner): the app built last
    // in a process wins, which is the only app in production.
    subscribeToEventHooks(vc);
    registerVcCloneStep(vc);
    registerVcDisplay(vc);
    registerVcRoutes(app, vc);
    registerJoinRoute(app, vc);
    for (const provider of vc.providers.all()) provider.registerRoutes?.(app);
  };
}
