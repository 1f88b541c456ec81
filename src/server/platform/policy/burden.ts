import { isSignalRole, type CheckMode, type CheckStatus, type SignalRoute } from '../../../common/burden.ts';
import type { Actor } from '../context.ts';
import { AppError } from '../errors.ts';
import { authorize, requireMfaSatisfied } from './index.ts';
import { assertClientAccess, ClientAccessRefused, professionalOrganisation, type ClientAccessFacts } from './client.ts';

/** What the draft policy needs to know of a check: how it was started. */
export interface DraftFacts {
  mode: CheckMode;
  organisationId: string | null;
}

/** What the signal policy needs to know of one signal (loaded with it). */
export interface SignalFacts {
  organisationId: string | null;
  /** professional: at a care organisation through its link with the client; else the support centre or the municipality. */
  routedTo: SignalRoute;
  /** The client's current decision on the receiving organisation is a deny. */
  clientDeniedOrganisation: boolean;
}

/**
 * The client facts as far as they come through one organisation: its link and consent only,
 * not the actor's own place in the circle (a staff member who is also a relative of the
 * client does not bring that access into the organisation's work).
 */
export function throughOrganisation(f: ClientAccessFacts, organisationId: string): ClientAccessFacts {
  return { ...f, isClient: false, member: null, organisations: f.organisations.filter((o) => o.organisationId === organisationId) };
}

/** Who takes or reads a caregiver's checks: the caregiver, or a professional of the client. */
export type CheckAccess = { mode: 'self'; organisationId: null } | { mode: 'professional'; organisationId: string };

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
  /**
   * Only the one who started a draft continues it: the caregiver her own self-check, a
   * professional a check in a conversation started through the same organisation.
   */
  ownsDraft(access: CheckAccess, draft: DraftFacts): boolean {
    return access.mode === draft.mode && (draft.mode === 'self' || draft.organisationId === access.organisationId);
  },
  /** Throws unless the draft is still open (409) and the actor's to continue (403). */
  assertOwnDraft(access: CheckAccess, draft: DraftFacts & { status: CheckStatus }): void {
    if (draft.status !== 'in_progress') throw new AppError('conflict', 'check_completed_locked');
    if (!burdenPolicy.ownsDraft(access, draft)) throw new AppError('forbidden', 'check_not_yours');
  },
  /** Things only the caregiver decides: sharing, schedules. */
  assertSelf(access: CheckAccess): void {
    authorize(access.mode === 'self', 'caregiver_self_only');
  },
  /** The organisation's professionals, coordinators and admins work with its signals (any other role: 403). */
  assertSignalStaff(actor: Actor, organisationId: string): void {
    requireMfaSatisfied(actor);
    authorize(
      actor.memberships.some((m) => m.organisationId === organisationId && isSignalRole(m.role)),
      'signals_staff_only',
    );
  },
};

/**
 * Every use of one signal (read, list entry, action, status, assignee), after
 * assertSignalStaff. A signal at a care organisation is client data reached through the
 * organisation's link: it needs, like the circle routes, an active link and a permitting
 * consent of full access (the level at which a professional sees shared results); when
 * the client ends the link or denies the organisation it is gone at once (404). A signal
 * at the support centre or the municipality is the caregiver's own route to help and shows
 * no client; it stops too when the client has refused that organisation. `f` holds the
 * facts of the signal's client loaded for this organisation.
 */
export function assertSignalAccess(actor: Actor, signal: SignalFacts, f: ClientAccessFacts | null): asserts f is ClientAccessFacts {
  if (!signal.organisationId || !f) throw new ClientAccessRefused('not_found', undefined, 'full', f);
  if (signal.routedTo === 'professional') {
    assertClientAccess(actor, throughOrganisation(f, signal.organisationId), 'full');
    return;
  }
  if (signal.clientDeniedOrganisation) throw new ClientAccessRefused('not_found', undefined, 'agenda', f);
}
