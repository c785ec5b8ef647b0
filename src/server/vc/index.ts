// The videoconference module: rooms at providers, linked to events, contributions and session blocks.
// It knows providers only through VcProvider; the providers are given by the app
// (src/server/vc-providers.ts), so that this folder never names one.
import type { App, AppDeps } from '../http/types';
import { registerVcCloneStep } from './clone';
import type { Vc } from './context';
import { registerVcDisplay } from './display';
import { defineVcJobs } from './jobs';
import { registerJoinRoute } from './join';
import { subscribeToEventHooks } from './lifecycle';
import type { VcProvider } from './provider';
import { ProviderRegistry } from './registry';
import { registerVcRoutes } from './routes';

export type { Vc } from './context';
export type { VcProvider } from './provider';

declare module 'fastify' {
  interface FastifyInstance {
    /** The videoconference module of this app (its providers, jobs and services' dependencies). */
    vc: Vc;
  }
}

/** Builds this app's providers, once, from what the app has (its dependencies and other features' decorations). */
export type BuildProviders = (app: App, deps: AppDeps) => VcProvider[];

/**
 * The feature, for src/server/app.ts's FEATURES, with this server's providers. It needs the events feature
 * registered before it (it subscribes to its hooks), and decorates the app with `vc`.
 */
export function vcFeature(buildProviders: BuildProviders): (app: App, deps: AppDeps) => void {
  return (app, deps) => {
    if (!app.hasDecorator('eventExtensions'))
      throw new Error('the videoconference module needs the events feature registered before it');
    let vc: Vc | undefined;
    const jobs = defineVcJobs(deps.jobs, () => {
      if (!vc) throw new Error('videoconference jobs ran before the module was built');
      return vc;
    });
    vc = {
      config: deps.config,
      db: deps.db,
      clock: deps.clock,
      providers: new ProviderRegistry(buildProviders(app, deps)),
      jobs,
      log: app.log.child({ module: 'vc' }),
      step: async () => undefined,
    };
    app.decorate('vc', vc);
    const { hooks, cloneSteps, displays } = app.eventExtensions;
    subscribeToEventHooks(vc, hooks);
    registerVcCloneStep(vc, cloneSteps);
    registerVcDisplay(vc, displays);
    registerVcRoutes(app, vc);
    registerJoinRoute(app, vc);
    for (const provider of vc.providers.all()) provider.registerRoutes?.(app);
  };
}
