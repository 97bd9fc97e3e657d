/**
 * Who may do what with notifications. Everyone reads the messages addressed to them and to their
 * departments (another's is a 404); only a user (not an API token) has read state and settings;
 * webhook endpoints and failed deliveries are the administrator's (route permission user:admin).
 */
import type { Authenticated } from '../caller';
import type { Actor } from '../http';
import { AppError } from '../errors';

export type Acting = Authenticated;
export type ActingUser = Extract<Actor, { kind: 'user' }>;

/** The caller as a user; 403 for an API token. */
export function requireUser(actor: Acting): ActingUser {
  if (actor.kind !== 'user')
    throw new AppError(403, 'Forbidden', 'Only a logged-in user has notification settings and read state.');
  return actor;
}
