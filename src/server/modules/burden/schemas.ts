import { z } from 'zod';
import { SIGNAL_ACTION_KINDS } from '../../../common/burden.ts';
import { SignalStatus } from '../../../common/burden-schemas.ts';

/** Request schemas of the burden API; the answer schemas are shared with the web (src/common/burden-schemas.ts). */

export const InstrumentKey = z.string().regex(/^[A-Za-z0-9.-]{1,64}$/, { message: 'instrument_key_invalid' });
export { SignalStatus };
export const SignalActionKind = z.enum(SIGNAL_ACTION_KINDS);
const AnswerValue = z.union([z.string().max(100), z.number().int()]);

// ---- requests

export const StartCheckInput = z.strictObject({
  instrument: InstrumentKey,
  /** Professional only: the check is step 3 of this MantelScan. */
  mantelscanId: z.uuid().nullish(),
});
export const SaveDraftInput = z.strictObject({
  /** linkId → option code or number; null clears an answer. */
  answers: z.record(z.string().max(64), AnswerValue.nullable()).optional(),
  /** The question the caregiver is at, to resume there. */
  currentLinkId: z.string().max(64).nullish(),
});
export const CompleteCheckInput = z.strictObject({
  answers: z.record(z.string().max(64), AnswerValue.nullable()).optional(),
  /** Self-check only: the caregiver's consent that the client's professional(s) see the result. */
  shareWithProfessional: z.boolean().optional(),
});
export const SharingInput = z.strictObject({ shared: z.boolean() });
export const ScheduleInput = z
  .strictObject({ intervalMonths: z.number().int().min(1).max(12).optional(), enabled: z.boolean().optional() })
  .refine((v) => v.intervalMonths !== undefined || v.enabled !== undefined, { message: 'schedule_change_empty' });
export const ImportInstrumentInput = z.strictObject({ questionnaire: z.record(z.string(), z.unknown()) });
export const SignalStatusInput = z.strictObject({ status: SignalStatus, note: z.string().trim().max(2000).nullish() });
export const SignalActionInput = z.strictObject({
  kind: SignalActionKind,
  note: z.string().trim().max(2000).nullish(),
  occurredAt: z.iso.datetime({ offset: true }).nullish(),
});
export const AssigneeInput = z.strictObject({ userId: z.uuid().nullable() });
