import { z } from 'zod';
import { AGREEMENT_NOTES_MAX, AGREEMENT_STATUSES, AGREEMENT_TEXT_MAX, BOUNDARY_STEPS, TASK_CATEGORIES, TASK_RISKS } from './agreements.ts';
import { RecurrenceSchema } from './recurrence.ts';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => {
  if (!isoDate.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const DateText = z.string({ message: 'agreement_date_invalid' }).refine(validDate, { message: 'agreement_date_invalid' });
const Text = (max: number, key: 'agreement_text_too_long' | 'agreement_notes_too_long') => z.string().trim().max(max, { message: key });

const AgreementFields = {
  taskCode: z.string().max(60, { message: 'agreement_task_unknown' }).nullable().optional(),
  taskText: Text(AGREEMENT_TEXT_MAX, 'agreement_text_too_long').nullable().optional(),
  memberUserId: z.uuid({ message: 'agreement_member_not_in_circle' }).nullable().optional(),
  memberName: Text(AGREEMENT_TEXT_MAX, 'agreement_text_too_long').nullable().optional(),
  recurrence: RecurrenceSchema.nullable().optional(),
  since: DateText.nullable().optional(),
  until: DateText.nullable().optional(),
  reviewDate: DateText.nullable().optional(),
  notes: Text(AGREEMENT_NOTES_MAX, 'agreement_notes_too_long').nullable().optional(),
};

/** A new agreement: a task (catalogue code or free text) and who does it (a circle person, or a name). */
export const AgreementInput = z
  .strictObject(AgreementFields)
  .refine((a) => Boolean(a.taskCode || a.taskText), { message: 'agreement_task_missing', path: ['taskCode'] })
  .refine((a) => Boolean(a.memberUserId || a.memberName), { message: 'agreement_member_missing', path: ['memberUserId'] })
  .refine((a) => !(a.since && a.until && a.until < a.since), { message: 'agreement_until_before_since', path: ['until'] });
export type AgreementInputType = z.infer<typeof AgreementInput>;

/** A change of an agreement: only the fields sent change. */
export const AgreementPatch = z
  .strictObject(AgreementFields)
  .refine((a) => !(a.since && a.until && a.until < a.since), { message: 'agreement_until_before_since', path: ['until'] });
export type AgreementPatchType = z.infer<typeof AgreementPatch>;

/** A boundary step recorded by a professional of a linked organisation. */
export const BoundaryStepInput = z.strictObject({
  step: z.enum(BOUNDARY_STEPS, { message: 'agreement_step_invalid' }),
  /** For `instruction`: who gave it (a name), and on which day (default today). */
  by: Text(AGREEMENT_TEXT_MAX, 'agreement_text_too_long').optional(),
  on: DateText.optional(),
  /** For `signoff`: the review date set with the sign-off (when the agreement has none yet). */
  reviewDate: DateText.optional(),
});
export type BoundaryStepInputType = z.infer<typeof BoundaryStepInput>;

/** Marking an agreement reviewed: the next review date. */
export const ReviewInput = z.strictObject({ nextReviewDate: z.string({ message: 'agreement_review_date_missing' }).refine(validDate, { message: 'agreement_date_invalid' }) });

export const TaskRiskSchema = z.enum(TASK_RISKS);
export const CatalogueTaskSchema = z.object({ code: z.string(), category: z.enum(TASK_CATEGORIES), risk: TaskRiskSchema, defaultRisk: TaskRiskSchema, label: z.object({ nl: z.string(), en: z.string() }) });

/** An organisation's own risk marks (beyond or instead of the catalogue default). */
export const ReservedTasksInput = z.strictObject({ tasks: z.array(z.strictObject({ code: z.string().max(60), risk: TaskRiskSchema })).max(500) });
export const ReservedTasksSchema = z.object({ items: z.array(CatalogueTaskSchema) });

const Reason = z.object({ key: z.string(), text: z.string() });
export const AgreementSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  taskCode: z.string().nullable(),
  task: z.string(),
  risk: TaskRiskSchema,
  member: z.object({ userId: z.string().nullable(), name: z.string() }),
  recurrence: RecurrenceSchema.nullable(),
  frequency: z.string(),
  since: z.string().nullable(),
  until: z.string().nullable(),
  reviewDate: z.string().nullable(),
  reviewDue: z.boolean(),
  notes: z.string().nullable(),
  status: z.enum(AGREEMENT_STATUSES),
  /** Plain-language reasons why the agreement is not yet allowed (empty otherwise). */
  reasons: z.array(Reason),
  boundary: z.object({
    instruction: z.object({ by: z.string(), on: z.string(), recordedBy: z.string().nullable() }).nullable(),
    competence: z.object({ by: z.string().nullable(), at: z.string() }).nullable(),
    signoff: z.object({ by: z.string().nullable(), at: z.string() }).nullable(),
  }),
  updatedAt: z.string(),
});
export type Agreement = z.infer<typeof AgreementSchema>;

export const ReviewItemSchema = z.object({ clientId: z.string(), clientName: z.string(), agreementId: z.string(), task: z.string(), member: z.string(), reviewDate: z.string() });
export type ReviewItem = z.infer<typeof ReviewItemSchema>;
