import type { FastifyRequest } from 'fastify';
import { Forbidden, Unauthenticated } from '../errors';
import type { SessionUser } from './sessions';

export function requireUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw new Unauthenticated();
  return request.user;
}

export function requireAdmin(request: FastifyRequest): SessionUser {
  const user = requireUser(request);
  if (!user.isAdmin) throw new Forbidden('Only administrators may do this.');
  return user;
}
