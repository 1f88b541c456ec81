import type { Actor } from '../context.ts';
import { authorize, requireMfaSatisfied } from './index.ts';

/** Who may see and manage organisations and their staff. */
export const organisationPolicy = {
  /** Platform admins see every organisation; members see their own. */
  canRead(actor: Actor, organisationId: string): boolean {
    return actor.isPlatformAdmin || actor.memberships.some((m) => m.organisationId === organisationId);
  },
  /** Platform admins and the organisation's own admins manage staff. */
  canManageStaff(actor: Actor, organisationId: string): boolean {
    return actor.isPlatformAdmin || actor.memberships.some((m) => m.organisationId === organisationId && m.role === 'org_admin');
  },
  canCreate(actor: Actor): boolean {
    return actor.isPlatformAdmin;
  },
  assertRead(actor: Actor, organisationId: string): void {
    requireMfaSatisfied(actor);
    authorize(this.canRead(actor, organisationId));
  },
  assertManageStaff(actor: Actor, organisationId: string): void {
    requireMfaSatisfied(actor);
    authorize(this.canManageStaff(actor, organisationId));
  },
  assertCreate(actor: Actor): void {
    requireMfaSatisfied(actor);
    authorize(this.canCreate(actor));
  },
};
