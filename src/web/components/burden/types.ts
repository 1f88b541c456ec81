import type { z } from 'zod';
// Type-only: the shapes of the burden API as the server declares them (nothing of the server
// ends up in the web bundle). They can move to src/common/ together with the schemas.
import type {
  CheckSchema,
  CircleBurdenSchema,
  InstrumentSummarySchema,
  ItemSchema,
  MyBurdenSchema,
  ResultSchema,
  ScheduleSchema,
  SignalDetailSchema,
  SignalSchema,
  TrendSchema,
} from '../../../server/modules/burden/schemas.ts';

export type Instrument = z.infer<typeof InstrumentSummarySchema>;
export type Item = z.infer<typeof ItemSchema>;
export type Check = z.infer<typeof CheckSchema>;
export type CheckResult = z.infer<typeof ResultSchema>;
export type Trend = z.infer<typeof TrendSchema>;
export type TrendSeries = Trend['series'][number];
export type TrendPoint = TrendSeries['points'][number];
export type Band = TrendSeries['instrument']['bands'][number];
export type Schedule = z.infer<typeof ScheduleSchema>;
export type MyBurden = z.infer<typeof MyBurdenSchema>;
export type MyCircle = MyBurden['circles'][number];
export type CircleBurden = z.infer<typeof CircleBurdenSchema>;
export type Latest = MyCircle['latest'][number];
export type Signal = z.infer<typeof SignalSchema>;
export type SignalDetail = z.infer<typeof SignalDetailSchema>;
export type SignalStatus = Signal['status'];
export type Answer = string | number;

export const SIGNAL_STATUSES = ['open', 'contacted', 'plan_agreed', 'closed'] as const satisfies readonly SignalStatus[];
export const ACTION_KINDS = ['conversation', 'respite', 'volunteer_help', 'referral', 'agreements_changed'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** The moves the server allows (signals.ts): one step forward, or closed early with a reason. */
export const NEXT_STATUSES: Record<SignalStatus, SignalStatus[]> = {
  open: ['contacted', 'closed'],
  contacted: ['plan_agreed', 'closed'],
  plan_agreed: ['closed'],
  closed: [],
};

/** Members of a circle who give informal care (the server's INFORMAL_KINDS). */
export const INFORMAL_KINDS: readonly string[] = ['caregiver', 'relative', 'friend', 'neighbour'];

/** Roles in an organisation that work with signals (the server's SIGNAL_ROLES). */
export const SIGNAL_ROLES: readonly string[] = ['professional', 'coordinator', 'org_admin'];
