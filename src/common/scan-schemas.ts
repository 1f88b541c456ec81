import { z } from 'zod';

/** Answer schemas of the MantelScan, shared by server and web. */

/** A person in the network snapshot stored when a scan is completed. */
export const SnapshotMemberSchema = z.object({ id: z.string(), name: z.string(), kind: z.string(), closeness: z.string(), tie: z.string(), hoursPerWeek: z.number().nullable(), helpKinds: z.array(z.string()), relationshipCode: z.string().nullable() });
export type SnapshotMember = z.infer<typeof SnapshotMemberSchema>;

/** An agreement made in the advice step. */
export const AgreementSchema = z.object({ text: z.string(), owner: z.string().nullable(), due: z.string().nullable() });
export type Agreement = z.infer<typeof AgreementSchema>;

export const ScanSchema = z.object({
  id: z.string(),
  status: z.enum(['draft', 'completed']),
  step: z.string(),
  caregiverMemberId: z.string().nullable(),
  caregiverName: z.string().nullable(),
  conductedBy: z.string().nullable(),
  organisation: z.string().nullable(),
  answers: z.record(z.string(), z.string()),
  advice: z.string().nullable(),
  agreements: z.array(AgreementSchema),
  snapshot: z.array(SnapshotMemberSchema).nullable(),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
});
export type Scan = z.infer<typeof ScanSchema>;

/** The steps and situation questions of the conversation. */
export const ScanQuestionsSchema = z.object({ steps: z.array(z.string()), questions: z.array(z.object({ id: z.string(), nl: z.string(), en: z.string() })) });
export type ScanQuestions = z.infer<typeof ScanQuestionsSchema>;

/** Two completed scans side by side: who joined, left or changed, and the hours of care. */
export const ScanComparisonSchema = z.object({
  before: ScanSchema,
  after: ScanSchema,
  joined: z.array(SnapshotMemberSchema),
  left: z.array(SnapshotMemberSchema),
  changed: z.array(z.object({ id: z.string(), name: z.string(), changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })) })),
  hours: z.object({ before: z.number(), after: z.number(), change: z.number() }),
  caregiverHours: z.object({ before: z.number().nullable(), after: z.number().nullable() }),
});
export type ScanComparison = z.infer<typeof ScanComparisonSchema>;
