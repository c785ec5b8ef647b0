import type { FastifyRequest } from 'fastify';
import { requireUser } from '../../auth/guards';
import type { SessionUser } from '../../auth/sessions';
import type { AppDeps } from '../../http/types';
import { assertCanManageEvent, type EventAccess } from '../permissions';

/** The logged-in manager of the event (401, 404 or 403 otherwise) and the event as loaded. */
export async function managerOf(
  deps: AppDeps,
  request: FastifyRequest,
  eventId: number,
): Promise<{ user: SessionUser; access: EventAccess }> {
  const user = requireUser(request);
  const access = await assertCanManageEvent(deps.db, eventId, user);
  return { user, access };
}

export const TAGS = ['events'];
