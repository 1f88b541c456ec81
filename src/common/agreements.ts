/** Agreements on who does what in a circle, and the boundaries of caregiver tasks (issue 16). Pure rules, shared by server and web. */
import type { MessageKey } from './messages/index.ts';

export const TASK_RISKS = ['none', 'risky', 'reserved'] as const;
export type TaskRisk = (typeof TASK_RISKS)[number];
export const TASK_CATEGORIES = ['personal_care', 'household', 'transport', 'emotional_support', 'administration', 'medication', 'nursing_acts', 'supervision'] as const;
export type TaskCategory = (typeof TASK_CATEGORIES)[number];
export const BOUNDARY_STEPS = ['instruction', 'competence', 'signoff'] as const;
export type BoundaryStep = (typeof BOUNDARY_STEPS)[number];
export const AGREEMENT_STATUSES = ['active', 'not_allowed', 'ended'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const AGREEMENT_TEXT_MAX = 200;
export const AGREEMENT_NOTES_MAX = 2000;

const RISK_RANK: Record<TaskRisk, number> = { none: 0, risky: 1, reserved: 2 };
/** The stricter of two risks. */
export const stricterRisk = (a: TaskRisk, b: TaskRisk): TaskRisk => (RISK_RANK[a] >= RISK_RANK[b] ? a : b);

export interface BoundaryFacts {
  risk: TaskRisk;
  instructionBy: string | null;
  instructionOn: string | null;
  competenceAt: string | null;
  signoffAt: string | null;
  reviewDate: string | null;
  until: string | null;
}

/**
 * What is still missing before an informal caregiver or volunteer may do a risky or reserved
 * task: instruction (by whom, when), competence confirmed by a professional, a sign-off by a
 * professional, and a review date. Empty when nothing is missing. Message keys, so the web
 * shows them in plain language.
 */
export function missingSteps(b: BoundaryFacts): MessageKey[] {
  if (b.risk === 'none') return [];
  const missing: MessageKey[] = [];
  if (!b.instructionBy || !b.instructionOn) missing.push('agreement_missing_instruction');
  if (!b.competenceAt) missing.push('agreement_missing_competence');
  if (!b.signoffAt) missing.push('agreement_missing_signoff');
  if (!b.reviewDate) missing.push('agreement_missing_review_date');
  return missing;
}

/** The status of an agreement on a day (YYYY-MM-DD). */
export function agreementStatus(b: BoundaryFacts, today: string): AgreementStatus {
  if (b.until && b.until < today) return 'ended';
  return missingSteps(b).length > 0 ? 'not_allowed' : 'active';
}
