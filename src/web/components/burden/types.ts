import type { z } from 'zod';
import {
  INFORMAL_KINDS as INFORMAL,
  NEXT_SIGNAL_STATUSES,
  SIGNAL_ACTION_KINDS,
  SIGNAL_ROLES as ROLES,
  SIGNAL_STATUSES as STATUSES,
  type SignalActionKind,
} from '../../../common/burden.ts';
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
} from '../../../common/burden-schemas.ts';

// The shapes of the burden API: `z.infer` of the answer schemas the server declares them with.
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

export const SIGNAL_STATUSES = STATUSES;
export const ACTION_KINDS = SIGNAL_ACTION_KINDS;
export type ActionKind = SignalActionKind;

/** The moves the server allows: one step forward, or closed early with a reason. */
export const NEXT_STATUSES = NEXT_SIGNAL_STATUSES;

/** Members of a circle who give informal care (and so can take a check). */
export const INFORMAL_KINDS: readonly string[] = INFORMAL;

/** Roles in an organisation that work with signals. */
export const SIGNAL_ROLES: readonly string[] = ROLES;
