import type { AccessLevel } from '../../../common/codes.ts';
import type { Actor } from '../context.ts';
import { AppError } from '../errors.ts';
import { requireMfaSatisfied } from './index.ts';

/** Facts about one actor and one client, loaded before any decision (see circles/queries.ts). */
export interface ClientAccessFacts {
  clientId: string;
  tenantKey: string;
  decider: 'client' | 'representative' | 'main_caregiver';
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

/**
 * Throws unless the actor has at least `needed` in the client's circle. Someone without any
 * access gets 404 (the client's existence is not revealed); too little access gets 403.
 */
export function assertClientAccess(actor: Actor, f: ClientAccessFacts | null, needed: AccessLevel): asserts f is ClientAccessFacts {
  requireMfaSatisfied(actor);
  if (!f) throw new AppError('not_found');
  const level = clientPolicy.level(f);
  if (level === 'none') throw new AppError('not_found');
  if (RANK[level] < RANK[needed]) throw new AppError('forbidden', 'circle_level_too_low');
}

/** Throws unless the actor takes consent decisions for this client. */
export function assertCanDecide(actor: Actor, f: ClientAccessFacts | null): asserts f is ClientAccessFacts {
  assertClientAccess(actor, f, 'agenda');
  if (!clientPolicy.canDecide(f)) {
    throw new AppError('forbidden', 'decider_only');
  }
}
