import type { AccessLevel, Decider } from '../../../common/codes.ts';
import type { ErrorCode } from '../../../common/errors.ts';
import type { Msg } from '../../../common/messages/index.ts';
import type { Actor } from '../context.ts';
import { AppError } from '../errors.ts';
import { requireMfaSatisfied } from './index.ts';

/** Facts about one actor and one client, loaded before any decision (see circles/queries.ts). */
export interface ClientAccessFacts {
  clientId: string;
  tenantKey: string;
  decider: Decider;
  /** The actor is the client (their own account). */
  isClient: boolean;
  /** The client has an account of their own (and so can record decisions themselves). */
  clientHasAccount: boolean;
  /** The actor's active membership of the circle, with its current consent. */
  member: {
    id: string;
    kind: string;
    isMainCaregiver: boolean;
    isRepresentative: boolean;
    /** Level from the newest consent decision, null when denied, expired or none. */
    level: AccessLevel | null;
  } | null;
  /** Organisations of the actor (as professional) with an active link and a permitting consent. */
  organisations: { organisationId: string; level: AccessLevel }[];
}

export type Level = 'none' | AccessLevel;
const RANK: Record<Level, number> = { none: 0, agenda: 1, full: 2, manage: 3 };
const maxLevel = (a: Level, b: Level): Level => (RANK[a] >= RANK[b] ? a : b);

/**
 * Who may see and do what in a client's circle. The client (or their legal representative,
 * or the main caregiver when the client cannot decide) decides per member and per
 * organisation; everything else follows from those decisions.
 */
export const clientPolicy = {
  /** True when the actor takes consent decisions for this client. */
  canDecide(f: ClientAccessFacts): boolean {
    if (f.isClient) return f.decider === 'client';
    // A client who decides but has no account tells their decisions to the main caregiver or
    // to the organisation managing their circle, who record them as the client's decisions.
    if (f.decider === 'client' && !f.clientHasAccount) {
      return Boolean(f.member?.isMainCaregiver) || f.organisations.some((o) => o.level === 'manage');
    }
    if (!f.member) return false;
    if (f.decider === 'representative') return f.member.isRepresentative;
    if (f.decider === 'main_caregiver') return f.member.isMainCaregiver;
    return false;
  },

  /** The actor's effective level in this circle. */
  level(f: ClientAccessFacts): Level {
    let level: Level = 'none';
    if (f.isClient || clientPolicy.canDecide(f)) level = 'manage';
    if (f.member?.level) level = maxLevel(level, f.member.level);
    for (const o of f.organisations) level = maxLevel(level, o.level);
    return level;
  },

  /** True when the actor has at least `needed` in this circle (no facts: no access at all). */
  reaches(f: ClientAccessFacts | null, needed: AccessLevel): f is ClientAccessFacts {
    return f !== null && RANK[clientPolicy.level(f)] >= RANK[needed];
  },

  /**
   * The organisation through which the actor works with this client (for the access log and
   * for professional-only actions such as contact moments), if any. A professional who is
   * also on the client's map still acts through their organisation.
   */
  viaOrganisation(f: ClientAccessFacts): string | null {
    if (f.isClient) return null;
    return f.organisations[0]?.organisationId ?? null;
  },

  /** Professionals see BSNs of their clients; the client and the decider see their own. */
  canSeeBsn(f: ClientAccessFacts): boolean {
    return f.organisations.length > 0 || f.isClient || clientPolicy.canDecide(f);
  },
};

/** What a use case needs of the actor: a level in the circle, or to be the one who decides. */
export type Need = AccessLevel | 'decide';

/**
 * A refusal by the client policy. It is an ordinary AppError for the caller (same code,
 * status and message), and it says which client and what was needed, so the refused
 * attempt can be written to the access log (NEN 7513). `logged` is set once it is.
 */
export class ClientAccessRefused extends AppError {
  readonly needed: Need;
  readonly facts: ClientAccessFacts | null;
  logged = false;

  constructor(code: ErrorCode, detail: Msg | undefined, needed: Need, facts: ClientAccessFacts | null) {
    super(code, detail);
    this.needed = needed;
    this.facts = facts;
  }
}

/**
 * Throws unless the actor has at least `needed` in the client's circle. Someone without any
 * access gets 404 (the client's existence is not revealed); too little access gets 403.
 */
export function assertClientAccess(actor: Actor, f: ClientAccessFacts | null, needed: AccessLevel): asserts f is ClientAccessFacts {
  assertMfa(actor, f, needed);
  if (!f) throw new ClientAccessRefused('not_found', undefined, needed, null);
  const level = clientPolicy.level(f);
  if (level === 'none') throw new ClientAccessRefused('not_found', undefined, needed, f);
  if (RANK[level] < RANK[needed]) throw new ClientAccessRefused('forbidden', 'circle_level_too_low', needed, f);
}

/** Throws unless the actor takes consent decisions for this client. */
export function assertCanDecide(actor: Actor, f: ClientAccessFacts | null): asserts f is ClientAccessFacts {
  assertClientAccess(actor, f, 'agenda');
  if (!clientPolicy.canDecide(f)) throw new ClientAccessRefused('forbidden', 'decider_only', 'decide', f);
}

/** Throws unless the actor has what a use case needs: a level, or the decision. */
export function assertNeed(actor: Actor, f: ClientAccessFacts | null, need: Need): asserts f is ClientAccessFacts {
  if (need === 'decide') assertCanDecide(actor, f);
  else assertClientAccess(actor, f, need);
}

function assertMfa(actor: Actor, f: ClientAccessFacts | null, needed: Need): void {
  try {
    requireMfaSatisfied(actor);
  } catch (error) {
    if (error instanceof AppError) throw new ClientAccessRefused(error.code, error.detail, needed, f);
    throw error;
  }
}

// --- Changing the client's record -----------------------------------------------------------

/**
 * The access each field of the client's record needs to be changed: one level per field,
 * whatever else is in the same change. A change needs the highest level among its fields.
 */
export const CLIENT_FIELD_LEVEL = {
  givenName: 'manage',
  familyName: 'manage',
  birthDate: 'manage',
  careSituation: 'manage',
  careNeeds: 'manage',
  // The BSN also needs a professional whose organisation manages the circle (canRecordBsn).
  bsn: 'manage',
} as const satisfies Record<string, AccessLevel>;
export type ClientField = keyof typeof CLIENT_FIELD_LEVEL;

/** The level a change of these fields needs: the highest of theirs (an empty change: the lowest level of any field). */
export function levelForClientChange(fields: readonly ClientField[]): AccessLevel {
  const all: AccessLevel[] = Object.values(CLIENT_FIELD_LEVEL);
  if (fields.length === 0) return all.reduce((a, b) => (RANK[a] <= RANK[b] ? a : b));
  return fields.map((k): AccessLevel => CLIENT_FIELD_LEVEL[k]).reduce((a, b) => (RANK[a] >= RANK[b] ? a : b));
}

/** Only a professional records a BSN, and only through an organisation that manages the circle. */
function canRecordBsn(f: ClientAccessFacts): boolean {
  return f.organisations.some((o) => o.level === 'manage');
}

/** Throws unless the actor may change these fields of the client's record. */
export function assertMayChangeClient(actor: Actor, f: ClientAccessFacts | null, fields: readonly ClientField[]): asserts f is ClientAccessFacts {
  const needed = levelForClientChange(fields);
  assertClientAccess(actor, f, needed);
  if (fields.includes('bsn') && !canRecordBsn(f)) {
    throw new ClientAccessRefused('forbidden', f.organisations.length > 0 ? 'bsn_organisation_must_manage' : 'bsn_professional_only', needed, f);
  }
}

// --- Roles that carry the decision ----------------------------------------------------------

/**
 * The roles on the map that carry (or may carry) the decision on access: the main caregiver
 * decides when the client cannot, a legal representative when recorded as decider. Only the
 * current decider gives or moves them, so no one with "manage" can make themselves decider.
 */
const DECIDING_ROLES = ['isMainCaregiver', 'isRepresentative'] as const;
export type DecidingRole = (typeof DECIDING_ROLES)[number];
export type RoleChange = { role: DecidingRole; from: boolean; to: boolean };

/** The deciding roles a change sets to a value other than the current one (a new member holds none). */
export function roleChanges(current: Record<DecidingRole, boolean> | null, requested: Partial<Record<DecidingRole, boolean | undefined>>): RoleChange[] {
  const changes: RoleChange[] = [];
  for (const role of DECIDING_ROLES) {
    const to = requested[role];
    const from = current?.[role] ?? false;
    if (to !== undefined && to !== from) changes.push({ role, from, to });
  }
  return changes;
}

/** Throws unless the actor may make these role changes: none, or the actor decides. */
export function assertMayChangeRoles(actor: Actor, f: ClientAccessFacts | null, changes: readonly RoleChange[]): asserts f is ClientAccessFacts {
  assertClientAccess(actor, f, 'manage');
  if (changes.length > 0 && !clientPolicy.canDecide(f)) throw new ClientAccessRefused('forbidden', 'member_roles_decider_only', 'decide', f);
}

// --- Other client checks --------------------------------------------------------------------

/** Who looked at the data: for the client and the decider, in a session that passed the second factor (NEN 7513). */
export function assertMayReadAccessLog(actor: Actor, f: ClientAccessFacts | null): asserts f is ClientAccessFacts {
  assertClientAccess(actor, f, 'agenda');
  if (!(f.isClient || clientPolicy.canDecide(f))) throw new ClientAccessRefused('forbidden', 'access_log_decider_only', 'decide', f);
  if (!actor.mfaVerified) throw new ClientAccessRefused('mfa_required', 'access_log_needs_mfa', 'decide', f);
}

/**
 * The organisation through which the actor works with this client as a professional at
 * full access or more, if any. Looked up from the organisations themselves, not from
 * `viaOrganisation`, because a professional can also be on the client's map as a member.
 */
export function professionalOrganisation(f: ClientAccessFacts): string | null {
  return f.organisations.find((o) => o.level === 'full' || o.level === 'manage')?.organisationId ?? null;
}

/**
 * Professional work with a client at `needed` (MantelScan): returns the organisation acted
 * through; 403 with `detail` for someone who reaches the client otherwise. That 403 is a
 * plain refusal, not a ClientAccessRefused (so not written to the access log as one), as
 * it always was; assertViaOrganisation below is the logged variant.
 */
export function assertProfessionalWork(actor: Actor, f: ClientAccessFacts | null, needed: AccessLevel, detail: Msg): string {
  assertClientAccess(actor, f, needed);
  const organisationId = clientPolicy.viaOrganisation(f);
  if (!organisationId) throw new AppError('forbidden', detail);
  return organisationId;
}

/** Throws unless the actor works with this client through an organisation (professional-only actions); returns it. */
export function assertViaOrganisation(actor: Actor, f: ClientAccessFacts | null, needed: AccessLevel, detail: Msg): string {
  assertClientAccess(actor, f, needed);
  const organisationId = clientPolicy.viaOrganisation(f);
  if (!organisationId) throw new ClientAccessRefused('forbidden', detail, needed, f);
  return organisationId;
}
