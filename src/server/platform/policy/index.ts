import type { Actor, ActorMembership } from '../context.ts';
import { STAFF_ROLES } from '../../../common/codes.ts';
import type { Msg } from '../../../common/messages/index.ts';
import { AppError } from '../errors.ts';

/**
 * Access policy, one module per resource (this folder). Every use case calls one of these
 * as its first statement; SQL helpers never decide access.
 */

/**
 * True when a user with these memberships must use two-factor authentication: platform admins
 * and staff (STAFF_ROLES), who see data of other people's clients.
 */
export function mfaRequiredFor(isPlatformAdmin: boolean, memberships: Pick<ActorMembership, 'role'>[]): boolean {
  return isPlatformAdmin || memberships.some((m) => STAFF_ROLES.includes(m.role));
}

/** Throws `not_authenticated` when there is no actor; narrows the type otherwise. */
export function requireActor(actor: Actor | null | undefined): asserts actor is Actor {
  if (!actor) throw new AppError('not_authenticated');
}

/**
 * Throws unless the actor may use data routes: a user whose role needs 2FA must have set it
 * up and passed it in this session.
 */
export function requireMfaSatisfied(actor: Actor): void {
  if (!actor.mfaRequired) return;
  if (!actor.totpEnabled) throw new AppError('mfa_setup_required');
  if (!actor.mfaVerified) throw new AppError('mfa_required');
}

/** Throws `forbidden` when the condition is false. */
export function authorize(allowed: boolean, detail?: Msg): void {
  if (!allowed) throw new AppError('forbidden', detail);
}
