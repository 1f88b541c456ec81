import { agreementStatus, missingSteps } from '../../../common/agreements.ts';
import type { Agreement, ReviewItem } from '../../../common/agreements-schemas.ts';
import { renderMessage } from '../../../common/messages/index.ts';
import { describeRecurrence } from '../../../common/recurrence.ts';
import { taskLabel } from './catalogue.ts';
import type { AgreementRow, ReviewRow } from './queries.ts';
import { toCarePlan, type CarePlan } from '../../../fhir/care-plan.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** An agreement as the API shows it: its status on `today`, with plain-language reasons when not yet allowed. */
export function presentAgreement(row: AgreementRow, locale: 'nl' | 'en', today: string): Agreement {
  const facts = {
    risk: row.risk,
    instructionBy: row.instruction_by,
    instructionOn: row.instruction_on,
    competenceAt: iso(row.competence_at),
    signoffAt: iso(row.signoff_at),
    reviewDate: row.review_date,
    until: row.until,
  };
  return {
    id: row.id,
    clientId: row.client_id,
    taskCode: row.task_code,
    task: taskLabel(row.task_code, row.task_text, locale),
    risk: row.risk,
    member: { userId: row.member_user_id, name: row.member_display_name ?? row.member_name ?? '' },
    recurrence: row.recurrence,
    frequency: describeRecurrence(row.recurrence, locale),
    since: row.since,
    until: row.until,
    reviewDate: row.review_date,
    reviewDue: Boolean(row.review_date && row.review_date <= today),
    notes: row.notes,
    status: agreementStatus(facts, today),
    reasons: missingSteps(facts).map((key) => ({ key, text: renderMessage(key, locale) })),
    boundary: {
      instruction: row.instruction_by && row.instruction_on ? { by: row.instruction_by, on: row.instruction_on, recordedBy: row.instruction_recorded_by_name } : null,
      competence: row.competence_at ? { by: row.competence_by_name, at: row.competence_at.toISOString() } : null,
      signoff: row.signoff_at ? { by: row.signoff_by_name, at: row.signoff_at.toISOString() } : null,
    },
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentReview(row: ReviewRow, locale: 'nl' | 'en'): ReviewItem {
  return { clientId: row.client_id, clientName: row.client_name, agreementId: row.agreement_id, task: taskLabel(row.task_code, row.task_text, locale), member: row.member ?? '', reviewDate: row.review_date };
}

/** An agreement as FHIR CarePlan (nl-core-HelpFromOthers style); `members` maps a user id to their circle member resource. */
export function agreementCarePlan(row: AgreementRow, today: string, members: ReadonlyMap<string, { reference: string; display: string }>): CarePlan {
  const a = presentAgreement(row, 'nl', today);
  const member = row.member_user_id ? members.get(row.member_user_id) : undefined;
  return toCarePlan({
    id: a.id,
    clientId: a.clientId,
    taskCode: a.taskCode,
    task: a.task,
    recurrence: a.recurrence,
    since: a.since,
    until: a.until,
    notes: a.notes,
    status: a.status,
    reasons: a.reasons.map((r) => r.text),
    performer: member ?? { display: a.member.name },
    updatedAt: a.updatedAt,
  });
}
