import type { FastifyRequest } from 'fastify';
import { requireUser } from '../../auth/guards';
import type { SessionUser } from '../../auth/sessions';
import { ErrorResponse } from '../../http/schemas';
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

/** Error answers of routes anyone may call (401 only for `logged_in` events). */
export const READ_ERRORS = { 401: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse } as const;

/** Error answers of management routes. */
export const MANAGE_ERRORS = {
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
} as const;
