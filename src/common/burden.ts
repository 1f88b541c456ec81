import type { z } from 'zod';
import type { MemberKind } from './circle-schemas.ts';

/**
 * The vocabulary of burden checks and overload signals, once for server and web: the Zod
 * schemas (burden-schemas.ts), the policy, the SQL (parameters, and the CHECK constraints of
 * the burden tables, which burden/vocabulary.int.test.ts holds against these lists) and the
 * web pages all use these lists.
 */

/** Members of a circle who give informal care and so can take a burden check. */
export const INFORMAL_KINDS = ['caregiver', 'relative', 'friend', 'neighbour'] as const satisfies readonly z.infer<typeof MemberKind>[];
export type InformalKind = (typeof INFORMAL_KINDS)[number];
export const isInformalKind = (kind: string): kind is InformalKind => (INFORMAL_KINDS as readonly string[]).includes(kind);

/** Roles in an organisation that work with signals. */
export const SIGNAL_ROLES = ['professional', 'coordinator', 'org_admin'] as const;
export type SignalRole = (typeof SIGNAL_ROLES)[number];
export const isSignalRole = (role: string): role is SignalRole => (SIGNAL_ROLES as readonly string[]).includes(role);

/** A check is a paused draft or a completed result. */
export const CHECK_STATUSES = ['in_progress', 'completed'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** self: the caregiver filled it in; professional: taken in a conversation by a professional. */
export const CHECK_MODES = ['self', 'professional'] as const;
export type CheckMode = (typeof CHECK_MODES)[number];

/** The FHIR status of an instrument version. */
export const INSTRUMENT_STATUSES = ['draft', 'active', 'retired'] as const;
export type InstrumentStatus = (typeof INSTRUMENT_STATUSES)[number];

/** How heavy a band is, independent of the instrument's own band codes (drives next steps). */
export const BAND_LEVELS = ['none', 'light', 'moderate', 'heavy'] as const;
export type BandLevel = (typeof BAND_LEVELS)[number];

/** Why a completed check needs follow-up. */
export const SIGNAL_REASONS = ['heavy_score', 'rise'] as const;
export type SignalReason = (typeof SIGNAL_REASONS)[number];

/** Where a signal goes: the care organisation's professional, the support centre, the municipality, or nobody. */
export const SIGNAL_ROUTES = ['professional', 'support_centre', 'municipality', 'none'] as const;
export type SignalRoute = (typeof SIGNAL_ROUTES)[number];

/** The life of a signal, in order. */
export const SIGNAL_STATUSES = ['open', 'contacted', 'plan_agreed', 'closed'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

/** The status moves a signal may make: forward one step, or closed early with a reason. */
export const NEXT_SIGNAL_STATUSES: Readonly<Record<SignalStatus, readonly SignalStatus[]>> = {
  open: ['contacted', 'closed'],
  contacted: ['plan_agreed', 'closed'],
  plan_agreed: ['closed'],
  closed: [],
};

/** Follow-up actions on a signal. */
export const SIGNAL_ACTION_KINDS = ['conversation', 'respite', 'volunteer_help', 'referral', 'agreements_changed'] as const;
export type SignalActionKind = (typeof SIGNAL_ACTION_KINDS)[number];

/** What is kept in a signal's history. */
export const SIGNAL_EVENT_KINDS = ['created', 'status', 'assigned', 'escalated', 'new_check'] as const;
export type SignalEventKind = (typeof SIGNAL_EVENT_KINDS)[number];
