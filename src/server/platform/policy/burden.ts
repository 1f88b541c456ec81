import type { Actor } from '../context.ts';
import { AppError } from '../errors.ts';
import { authorize, requireMfaSatisfied } from './index.ts';
import { assertClientAccess, type ClientAccessFacts } from './client.ts';

/** Members of a circle who give informal care and so can take a burden check. */
export const INFORMAL_KINDS: readonly string[] = ['caregiver', 'relative', 'friend', 'neighbour'];

/** Roles in an organisation that work with signals. */
export const SIGNAL_ROLES: readonly string[] = ['professional', 'coordinator', 'org_admin'];

/** Who takes or reads a caregiver's checks: the caregiver, or a professional of the client. */
export type CheckAccess = { mode: 'self'; organisationId: null } | { mode: 'professional'; organisationId: string };

/**
 * The organisation through which the actor works with this client at full access or more.
 * Looked up from the organisations themselves, not from `viaOrganisation`, because a
 * professional can also be on the client's map as a member.
 */
export function professionalOrganisation(f: ClientAccessFacts): string | null {
  return f.organisations.find((o) => o.level === 'full' || o.level === 'manage')?.organisationId ?? null;
}

/**
 * Burden results belong to the caregiver: only they see all of theirs. A professional of the
 * client (full access through their organisation) takes checks in a conversation and sees
 * the results the caregiver shared. Other members of the circle, whatever their level, see
 * none (403); people outside the circle get 404.
 */
export const burdenPolicy = {
  assertReadInstruments(actor: Actor): void {
    requireMfaSatisfied(actor);
  },
  assertImportInstrument(actor: Actor): void {
    requireMfaSatisfied(actor);
    authorize(actor.isPlatformAdmin, 'instrument_import_admin_only');
  },
  checkAccess(actor: Actor, f: ClientAccessFacts | null, memberId: string): CheckAccess {
    assertClientAccess(actor, f, 'agenda');
    if (f.member?.id === memberId) return { mode: 'self', organisationId: null };
    const organisationId = professionalOrganisation(f);
    if (organisationId) return { mode: 'professional', organisationId };
    throw new AppError('forbidden', 'results_caregiver_only');
  },
  /** Things only the caregiver decides: sharing, schedules. */
  assertSelf(access: CheckAccess): void {
    authorize(access.mode === 'self', 'caregiver_self_only');
  },
  assertSignalStaff(actor: Actor, organisationId: string): void {
    requireMfaSatisfied(actor);
    authorize(
      actor.memberships.some((m) => m.organisationId === organisationId && SIGNAL_ROLES.includes(m.role)),
      'signals_staff_only',
    );
  },
};
