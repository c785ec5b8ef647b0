// What other modules extend the events feature with, one set per app: the hooks they subscribe to, the clone
// steps and the display extensions they register. The events feature builds it and decorates the app with
// it (`app.eventExtensions`), so two apps in one process never share a subscriber.
import type { AppDeps } from '../http/types';
import { CloneSteps } from './clone-steps';
import { DisplayExtensions } from './display-extensions';
import { EventHooks } from './hooks';

export interface EventExtensions {
  hooks: EventHooks;
  cloneSteps: CloneSteps;
  displays: DisplayExtensions;
}

/** What the events feature's routes are built from: the app's dependencies and its extensions. */
export type EventsDeps = AppDeps & { extensions: EventExtensions };

export function createEventExtensions(): EventExtensions {
  return { hooks: new EventHooks(), cloneSteps: new CloneSteps(), displays: new DisplayExtensions() };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Set by the events feature; other features subscribe and register through it. */
    eventExtensions: EventExtensions;
  }
}
