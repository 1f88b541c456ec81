import type { Actor } from '../context.ts';
import { authorize, requireMfaSatisfied } from './index.ts';

/** Platform administration: the outbox, user list and the whole audit log. */
export const adminPolicy = {
  /**
   * Reading the whole access log: platform admin, always with a second factor (NEN 7513).
   * A platform admin always needs the second factor, so requireMfaSatisfied demands it.
   */
  assertReadAuditLog(actor: Actor): void {
    requireMfaSatisfied(actor);
    authorize(actor.isPlatformAdmin);
  },
  assertReadOutbox(actor: Actor): void {
    requireMfaSatisfied(actor);
    authorize(actor.isPlatformAdmin);
  },
  assertManageUsers(actor: Actor): void {
    requireMfaSatisfied(actor);
    authorize(actor.isPlatformAdmin);
  },
};
