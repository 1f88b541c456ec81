import type { Recurrence } from '../../../common/recurrence.ts';
import type { TaskRisk } from '../../../common/agreements.ts';
import type { Queryable } from '../../../db/types.ts';
import { anyRow, insertedId } from '../../platform/rows.ts';

export interface AgreementRow {
  id: string;
  client_id: string;
  task_code: string | null;
  task_text: string | null;
  member_user_id: string | null;
  member_name: string | null;
  member_display_name: string | null;
  recurrence: Recurrence | null;
  since: string | null;
  until: string | null;
  review_date: string | null;
  notes: string | null;
  risk: TaskRisk;
  instruction_by: string | null;
  instruction_on: string | null;
  instruction_recorded_by_name: string | null;
  competence_by_name: string | null;
  competence_at: Date | null;
  signoff_by_name: string | null;
  signoff_at: Date | null;
  updated_at: Date;
}

const SELECT = `select a.id, a.client_id, a.task_code, a.task_text, a.member_user_id, a.member_name, mu.display_name as member_display_name,
    a.recurrence, a.since::text as since, a.until::text as until, a.review_date::text as review_date, a.notes, a.risk,
    a.instruction_by, a.instruction_on::text as instruction_on, iu.display_name as instruction_recorded_by_name,
    cu.display_name as competence_by_name, a.competence_at, su.display_name as signoff_by_name, a.signoff_at, a.updated_at
  from agreements a
  left join users mu on mu.id = a.member_user_id
  left join users iu on iu.id = a.instruction_recorded_by
  left join users cu on cu.id = a.competence_by
  left join users su on su.id = a.signoff_by`;

/** The client's agreements; with `memberUserId` only those where that user is the member. */
export async function listAgreements(db: Queryable, clientId: string, memberUserId: string | null): Promise<AgreementRow[]> {
  const { rows } = await db.query<AgreementRow>(`${SELECT} where a.client_id = $1 and ($2::uuid is null or a.member_user_id = $2::uuid) order by a.created_at, a.id limit 500`, [clientId, memberUserId]);
  return rows;
}

export async function findAgreement(db: Queryable, clientId: string, agreementId: string, memberUserId: string | null, forUpdate = false): Promise<AgreementRow | null> {
  const { rows } = await db.query<AgreementRow>(
    `${SELECT} where a.client_id = $1 and a.id = $2 and ($3::uuid is null or a.member_user_id = $3::uuid)${forUpdate ? ' for update of a' : ''}`,
    [clientId, agreementId, memberUserId],
  );
  return rows[0] ?? null;
}

export interface NewAgreement {
  clientId: string;
  tenantKey: string;
  taskCode: string | null;
  taskText: string | null;
  memberUserId: string | null;
  memberName: string | null;
  recurrence: Recurrence | null;
  since: string | null;
  until: string | null;
  reviewDate: string | null;
  notes: string | null;
  risk: TaskRisk;
  createdBy: string | null;
}

export async function insertAgreement(db: Queryable, a: NewAgreement): Promise<string> {
  return insertedId(
    db,
    `insert into agreements (client_id, tenant_key, task_code, task_text, member_user_id, member_name, recurrence, since, until, review_date, notes, risk, created_by)
     values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::date, $9::date, $10::date, $11, $12, $13) returning id`,
    [a.clientId, a.tenantKey, a.taskCode, a.taskText, a.memberUserId, a.memberName, a.recurrence ? JSON.stringify(a.recurrence) : null, a.since, a.until, a.reviewDate, a.notes, a.risk, a.createdBy],
  );
}

/** Replaces the changeable fields; when the task or member changes, the boundary steps start over. */
export async function updateAgreement(db: Queryable, clientId: string, id: string, a: Omit<NewAgreement, 'clientId' | 'tenantKey' | 'createdBy'>, resetSteps: boolean): Promise<void> {
  await db.query(
    `update agreements set task_code = $3, task_text = $4, member_user_id = $5, member_name = $6, recurrence = $7::jsonb, since = $8::date, until = $9::date,
       review_date = $10::date, notes = $11, risk = $12, updated_at = now()
       ${resetSteps ? ', instruction_by = null, instruction_on = null, instruction_recorded_by = null, competence_by = null, competence_at = null, signoff_by = null, signoff_at = null' : ''}
     where client_id = $1 and id = $2`,
    [clientId, id, a.taskCode, a.taskText, a.memberUserId, a.memberName, a.recurrence ? JSON.stringify(a.recurrence) : null, a.since, a.until, a.reviewDate, a.notes, a.risk],
  );
}

export async function deleteAgreement(db: Queryable, clientId: string, id: string): Promise<boolean> {
  return anyRow(db, 'delete from agreements where client_id = $1 and id = $2 returning id', [clientId, id]);
}

export async function recordInstruction(db: Queryable, id: string, s: { by: string; on: string; recordedBy: string }): Promise<void> {
  await db.query('update agreements set instruction_by = $2, instruction_on = $3::date, instruction_recorded_by = $4, updated_at = now() where id = $1', [id, s.by, s.on, s.recordedBy]);
}
export async function recordCompetence(db: Queryable, id: string, by: string): Promise<void> {
  await db.query('update agreements set competence_by = $2, competence_at = now(), updated_at = now() where id = $1', [id, by]);
}
export async function recordSignoff(db: Queryable, id: string, by: string, reviewDate: string | null): Promise<void> {
  await db.query('update agreements set signoff_by = $2, signoff_at = now(), review_date = coalesce($3::date, review_date), updated_at = now() where id = $1', [id, by, reviewDate]);
}
export async function recordReview(db: Queryable, id: string, by: string, nextReviewDate: string): Promise<void> {
  await db.query('update agreements set reviewed_by = $2, reviewed_at = now(), review_date = $3::date, updated_at = now() where id = $1', [id, by, nextReviewDate]);
}

/** The organisations actively linked to the client. */
export async function linkedOrganisationIds(db: Queryable, clientId: string): Promise<string[]> {
  const { rows } = await db.query<{ organisation_id: string }>('select organisation_id from client_organisation_links where client_id = $1 and ended_at is null', [clientId]);
  return rows.map((r) => r.organisation_id);
}

/** The professionals of the organisations actively linked to the client. */
export async function linkedProfessionals(db: Queryable, clientId: string): Promise<string[]> {
  const { rows } = await db.query<{ user_id: string }>(
    `select distinct ms.user_id from client_organisation_links l join memberships ms on ms.organisation_id = l.organisation_id and ms.role = 'professional'
     where l.client_id = $1 and l.ended_at is null`,
    [clientId],
  );
  return rows.map((r) => r.user_id);
}

/** The risk marks of these organisations for one code. */
export async function organisationRisks(db: Queryable, organisationIds: readonly string[], code: string): Promise<TaskRisk[]> {
  const { rows } = await db.query<{ risk: TaskRisk }>('select risk from organisation_task_risks where organisation_id = any($1::uuid[]) and task_code = $2', [[...organisationIds], code]);
  return rows.map((r) => r.risk);
}

/** One organisation's own risk marks. */
export async function organisationRiskList(db: Queryable, organisationId: string): Promise<{ task_code: string; risk: TaskRisk }[]> {
  const { rows } = await db.query<{ task_code: string; risk: TaskRisk }>('select task_code, risk from organisation_task_risks where organisation_id = $1 order by task_code', [organisationId]);
  return rows;
}

/** Replaces one organisation's own risk marks. */
export async function replaceOrganisationRisks(db: Queryable, organisationId: string, marks: readonly { code: string; risk: TaskRisk }[], by: string): Promise<void> {
  await db.query('delete from organisation_task_risks where organisation_id = $1', [organisationId]);
  for (const m of marks) {
    await db.query('insert into organisation_task_risks (organisation_id, task_code, risk, updated_by) values ($1, $2, $3, $4)', [organisationId, m.code, m.risk, by]);
  }
}

/** True when the user is a person around the client (the client, an active member or a linked professional). */
export async function isCirclePerson(db: Queryable, clientId: string, userId: string): Promise<boolean> {
  return anyRow(
    db,
    `select 1 where exists (select 1 from clients c where c.id = $1 and c.user_id = $2)
       or exists (select 1 from circle_members m where m.client_id = $1 and m.user_id = $2 and m.left_at is null)`,
    [clientId, userId],
  );
}

export interface ReviewRow {
  client_id: string;
  client_name: string;
  agreement_id: string;
  task_code: string | null;
  task_text: string | null;
  member: string | null;
  review_date: string;
}

/**
 * Agreements due for review (review date on or before today) in the circles where the user is
 * the main caregiver or a professional of a linked organisation. The caller checks the level.
 */
export async function dueReviews(db: Queryable, userId: string, today: string): Promise<ReviewRow[]> {
  const { rows } = await db.query<ReviewRow>(
    `select a.client_id, c.given_name || ' ' || c.family_name as client_name, a.id as agreement_id, a.task_code, a.task_text,
       coalesce(mu.display_name, a.member_name) as member, a.review_date::text as review_date
     from agreements a join clients c on c.id = a.client_id left join users mu on mu.id = a.member_user_id
     where a.review_date <= $2::date and (a.until is null or a.until >= $2::date)
       and (exists (select 1 from circle_members m where m.client_id = a.client_id and m.user_id = $1 and m.left_at is null and m.is_main_caregiver)
         or exists (select 1 from client_organisation_links l join memberships ms on ms.organisation_id = l.organisation_id and ms.role = 'professional'
                    where l.client_id = a.client_id and l.ended_at is null and ms.user_id = $1))
     order by a.review_date, a.id limit 200`,
    [userId, today],
  );
  return rows;
}

/** The client's name, for notification texts. */
export async function clientName(db: Queryable, clientId: string): Promise<string | null> {
  const { rows } = await db.query<{ name: string }>(`select given_name || ' ' || family_name as name from clients where id = $1`, [clientId]);
  return rows[0]?.name ?? null;
}

/** Demo seed: true when the client already has agreements. */
export async function hasAgreements(db: Queryable, clientId: string): Promise<boolean> {
  return anyRow(db, 'select 1 from agreements where client_id = $1 limit 1', [clientId]);
}

/** Demo seed: the users with these e-mail addresses. */
export async function usersByEmail(db: Queryable, emails: readonly string[]): Promise<{ id: string; email: string }[]> {
  const { rows } = await db.query<{ id: string; email: string }>('select id, email from users where email = any($1::text[])', [[...emails]]);
  return rows;
}

/** Demo seed: the client whose own account has this e-mail address. */
export async function clientOfUser(db: Queryable, email: string): Promise<{ id: string; tenant_key: string } | null> {
  const { rows } = await db.query<{ id: string; tenant_key: string }>('select c.id, c.tenant_key from clients c join users u on u.id = c.user_id where u.email = $1', [email]);
  return rows[0] ?? null;
}
