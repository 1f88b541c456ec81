import type { Msg } from '../../../common/messages/index.ts';
import type { Actor, ActorMembership } from '../context.ts';
import { AppError } from '../errors.ts';
import { authorize, requireMfaSatisfied } from './index.ts';

/** The organisations in which the actor works as a professional (the ones that may see clients). */
export function professionalOrgIds(actor: Actor): string[] {
  return actor.memberships.filter((m) => m.role === 'professional').map((m) => m.organisationId);
}

/** True when the actor works as a professional in the organisation. */
export function isProfessionalOf(actor: Actor, organisationId: string): boolean {
  return actor.memberships.some((m) => m.organisationId === organisationId && m.role === 'professional');
}

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
  /** The organisations the actor may list: null for all (platform admin), else their own. */
  readableIds(actor: Actor): string[] | null {
    return actor.isPlatformAdmin ? null : [...new Set(actor.memberships.map((m) => m.organisationId))];
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

  /**
   * Work that only a professional of the organisation does (its caseload, registering one
   * of its clients): second factor passed, else 403 with `detail`.
   */
  assertProfessional(actor: Actor, organisationId: string, detail: Msg): void {
    requireMfaSatisfied(actor);
    authorize(isProfessionalOf(actor, organisationId), detail);
  },

  /**
   * The organisation a professional links to a circle with an organisation invitation code:
   * the one asked for, else their first as professional; 403 unless they are a professional
   * there.
   */
  linkingOrganisation(actor: Actor, requested: string | undefined): string {
    const organisationId = requested ?? actor.memberships.find((m) => m.role === 'professional')?.organisationId;
    if (organisationId === undefined || !isProfessionalOf(actor, organisationId)) throw new AppError('forbidden', 'link_professional_only');
    return organisationId;
  },

  /**
   * Importing a circle from a record system (FHIR transaction): a professional of a care
   * provider (who therefore passed the second factor). Returns those memberships.
   */
  assertMayImport(actor: Actor): ActorMembership[] {
    requireMfaSatisfied(actor);
    const mine = actor.memberships.filter((m) => m.role === 'professional' && m.organisationKind === 'care_provider');
    authorize(mine.length > 0, 'import_professional_only');
    return mine;
  },

  /**
   * The care provider an import is for, among `mine` (from assertMayImport): the one the
   * record system names (403 when the actor is no professional there), else the only one;
   * null when the actor works at several and none was named.
   */
  importingOrganisation(mine: readonly ActorMembership[], named: string | null | undefined): ActorMembership | null {
    if (named) {
      const organisation = mine.find((m) => m.organisationId === named);
      if (!organisation) throw new AppError('forbidden', 'not_professional_of_organisation');
      return organisation;
    }
    return mine.length === 1 ? (mine[0] ?? null) : null;
  },
};
