// The events feature: events, their timetable, managers, protection, cloning, deletion and log.
// Other modules use the public API below; they never reach into the other files.
import type { App, AppDeps } from '../http/types';
import { createEventExtensions } from './extensions';
import { registerEventRoutes } from './routes/event-routes';
import { registerManagementRoutes } from './routes/management-routes';
import { registerTimetableRoutes } from './routes/timetable-routes';

export type { CloneStep, CloneStepContext, CloneStepResult, CloneSteps } from './clone-steps';
export { CORE_CLONE_OPTIONS } from './clone-steps';
export type { Actor, DbOrTx, Viewer } from './db-types';
export type { DisplayExtension, DisplayExtensionContext, DisplayExtensions } from './display-extensions';
export type { EventExtensions } from './extensions';
export type { CloneIdMaps, EventHookName, EventHookPayloads, EventHooks } from './hooks';
export type { EventLogInput } from './log';
export { changedFields, writeEventLog, writeEventLogs } from './log';
export type { EventAccess } from './permissions';
export {
  assertCanManageEvent,
  canManageEvent,
  isManagerSql,
  loadEventAccess,
  loadEventForViewer,
  visibleEventsWhere,
} from './permissions';
export type { BlockRow, ContributionRow, EventRow, SessionRow } from './schema';
/** The tables, for other modules' reads and joins (they write through this feature's services only). */
export { contributions, eventManagers, eventSessions, events, sessionBlocks } from './schema';
export { addMinutes, dayIn } from './time';
export { assertVersion, lockEvent } from './write-helpers';

/** Decorates the app with its extension points (`app.eventExtensions`) before other features use them. */
export function registerEventsFeature(app: App, deps: AppDeps): void {
  const extensions = createEventExtensions();
  app.decorate('eventExtensions', extensions);
  const featureDeps = { ...deps, extensions };
  registerEventRoutes(app, featureDeps);
  registerTimetableRoutes(app, featureDeps);
  registerManagementRoutes(app, featureDeps);
}
