import { stricterRisk, type TaskRisk } from '../../../common/agreements.ts';
import type { AgreementInputType, AgreementPatchType, BoundaryStepInputType } from '../../../common/agreements-schemas.ts';
import type { Queryable } from '../../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, Origin, Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { notify } from '../../platform/notifications.ts';
import { ClientAccessRefused, clientPolicy, type ClientAccessFacts } from '../../platform/policy/client.ts';
import { organisationPolicy } from '../../platform/policy/organisation.ts';
import { accessFacts, clientAccess, clientAudit, today, withRefusalsLogged } from '../circles/access.ts';
import { taskCatalogue, taskLabel } from './catalogue.ts';
import * as q from './queries.ts';

const RESOURCE = 'agreement';

/** Full level reads every agreement; agenda level (volunteers) only the ones where they are the member. */
const memberFilter = (actor: Actor, f: ClientAccessFacts): string | null => {
  const level = clientPolicy.level(f);
  return level === 'full' || level === 'manage' ? null : actor.userId;
};

/** A professional of an organisation linked to the client (with a permitting consent). */
const isLinkedProfessional = (f: ClientAccessFacts): boolean => f.organisations.length > 0;

/**
 * The risk of a task in this circle: the catalogue default, overruled by the marks of the
 * linked organisations (the strictest mark wins when several organisations marked it).
 * Free text has no catalogue risk.
 */
export async function taskRisk(db: Queryable, clientId: string, taskCode: string | null): Promise<TaskRisk> {
  if (!taskCode) return 'none';
  const base = taskCatalogue().get(taskCode)?.risk ?? 'none';
  const marks = await q.organisationRisks(db, await q.linkedOrganisationIds(db, clientId), taskCode);
  return marks.length === 0 ? base : marks.reduce(stricterRisk, 'none');
}

export async function agreementsLister(services: Services, actor: Actor, input: { clientId: string }, origin: Origin) {
  const f = await clientAccess(services, actor, origin, input.clientId, 'agenda', { action: 'read', resourceType: RESOURCE });
  const rows = await q.listAgreements(services.db, input.clientId, memberFilter(actor, f));
  await audit(services.db, { actor }, origin, clientAudit(f, 'read', RESOURCE, null, { count: rows.length }));
  return rows;
}

export async function agreementReader(services: Services, actor: Actor, input: { clientId: string; agreementId: string }, origin: Origin) {
  const f = await clientAccess(services, actor, origin, input.clientId, 'agenda', { action: 'read', resourceType: RESOURCE, resourceId: input.agreementId });
  const row = await q.findAgreement(services.db, input.clientId, input.agreementId, memberFilter(actor, f));
  if (!row) throw new AppError('not_found');
  await audit(services.db, { actor }, origin, clientAudit(f, 'read', RESOURCE, row.id));
  return row;
}

async function checkTaskAndMember(tx: Queryable, clientId: string, a: { taskCode: string | null; memberUserId: string | null }) {
  if (a.taskCode && !taskCatalogue().has(a.taskCode)) throw new AppError('validation_failed', 'agreement_task_unknown', [{ path: 'taskCode', message: 'agreement_task_unknown' }]);
  if (a.memberUserId && !(await q.isCirclePerson(tx, clientId, a.memberUserId)))
    throw new AppError('validation_failed', 'agreement_member_not_in_circle', [{ path: 'memberUserId', message: 'agreement_member_not_in_circle' }]);
}

/** Tells the linked professionals that a risky or reserved task waits for their steps. */
async function notifySignoffNeeded(tx: Queryable, f: ClientAccessFacts, actor: Actor, agreementId: string, task: string) {
  const pros = (await q.linkedProfessionals(tx, f.clientId)).filter((u) => u !== actor.userId);
  if (pros.length === 0) return;
  const name = await q.clientName(tx, f.clientId);
  const params: Record<string, string> = { title: task };
  if (name) params.clientName = name;
  // No page for an agreement yet (its web part is still to come): the notification has no link.
  const link = null;
  await notify(tx, pros.map((userId) => ({ userId, kind: 'signoff_needed' as const, client: { id: f.clientId, tenantKey: f.tenantKey }, params, link, dedupeKey: `signoff_needed:${agreementId}` })));
}

/** A new agreement (full level). A risky or reserved task is "not yet allowed" until the steps are recorded. */
export async function agreementAdder(services: Services, actor: Actor, input: { clientId: string } & AgreementInputType, origin: Origin): Promise<string> {
  const attempt = { action: 'create', resourceType: RESOURCE };
  const f = await clientAccess(services, actor, origin, input.clientId, 'full', attempt);
  return withRefusalsLogged(services, actor, origin, input.clientId, attempt, () =>
    services.db.transaction(async (tx) => {
      const a = {
        taskCode: input.taskCode || null,
        taskText: input.taskText || null,
        memberUserId: input.memberUserId ?? null,
        memberName: input.memberName || null,
        recurrence: input.recurrence ?? null,
        since: input.since ?? null,
        until: input.until ?? null,
        reviewDate: input.reviewDate ?? null,
        notes: input.notes || null,
      };
      await checkTaskAndMember(tx, input.clientId, a);
      const risk = await taskRisk(tx, input.clientId, a.taskCode);
      const id = await q.insertAgreement(tx, { ...a, clientId: input.clientId, tenantKey: f.tenantKey, risk, createdBy: actor.userId });
      await audit(tx, { actor }, origin, clientAudit(f, 'create', RESOURCE, id, { risk }));
      if (risk !== 'none') await notifySignoffNeeded(tx, f, actor, id, taskLabel(a.taskCode, a.taskText, 'nl'));
      return id;
    }),
  );
}

/** Changes an agreement (full level). A new task or member starts the boundary steps over. */
export async function agreementChanger(services: Services, actor: Actor, input: { clientId: string; agreementId: string; patch: AgreementPatchType }, origin: Origin): Promise<void> {
  const attempt = { action: 'update', resourceType: RESOURCE, resourceId: input.agreementId };
  const f = await clientAccess(services, actor, origin, input.clientId, 'full', attempt);
  await withRefusalsLogged(services, actor, origin, input.clientId, attempt, () =>
    services.db.transaction(async (tx) => {
      const row = await q.findAgreement(tx, input.clientId, input.agreementId, null, true);
      if (!row) throw new AppError('not_found');
      const p = input.patch;
      const pick = <T>(v: T | undefined, old: T): T => (v === undefined ? old : v);
      const next = {
        taskCode: pick(p.taskCode, row.task_code) || null,
        taskText: pick(p.taskText, row.task_text) || null,
        memberUserId: pick(p.memberUserId, row.member_user_id),
        memberName: pick(p.memberName, row.member_name) || null,
        recurrence: pick(p.recurrence, row.recurrence),
        since: pick(p.since, row.since),
        until: pick(p.until, row.until),
        reviewDate: pick(p.reviewDate, row.review_date),
        notes: pick(p.notes, row.notes) || null,
      };
      if (!next.taskCode && !next.taskText) throw new AppError('validation_failed', 'agreement_task_missing', [{ path: 'taskCode', message: 'agreement_task_missing' }]);
      if (!next.memberUserId && !next.memberName) throw new AppError('validation_failed', 'agreement_member_missing', [{ path: 'memberUserId', message: 'agreement_member_missing' }]);
      if (next.since && next.until && next.until < next.since) throw new AppError('validation_failed', 'agreement_until_before_since', [{ path: 'until', message: 'agreement_until_before_since' }]);
      await checkTaskAndMember(tx, input.clientId, next);
      const risk = await taskRisk(tx, input.clientId, next.taskCode);
      const reset = next.taskCode !== row.task_code || next.taskText !== row.task_text || next.memberUserId !== row.member_user_id || next.memberName !== row.member_name || risk !== row.risk;
      await q.updateAgreement(tx, input.clientId, input.agreementId, { ...next, risk }, reset);
      await audit(tx, { actor }, origin, clientAudit(f, 'update', RESOURCE, input.agreementId, { fields: Object.keys(p), stepsReset: reset }));
      if (reset && risk !== 'none') await notifySignoffNeeded(tx, f, actor, input.agreementId, taskLabel(next.taskCode, next.taskText, 'nl'));
    }),
  );
}

export async function agreementDeleter(services: Services, actor: Actor, input: { clientId: string; agreementId: string }, origin: Origin): Promise<void> {
  const attempt = { action: 'delete', resourceType: RESOURCE, resourceId: input.agreementId };
  const f = await clientAccess(services, actor, origin, input.clientId, 'full', attempt);
  await services.db.transaction(async (tx) => {
    if (!(await q.deleteAgreement(tx, input.clientId, input.agreementId))) throw new AppError('not_found');
    await audit(tx, { actor }, origin, clientAudit(f, 'delete', RESOURCE, input.agreementId));
  });
}

/** A boundary step: only a professional of a linked organisation records instruction, competence or sign-off. */
export async function boundaryRecorder(services: Services, actor: Actor, input: { clientId: string; agreementId: string } & BoundaryStepInputType, origin: Origin): Promise<void> {
  const attempt = { action: 'update', resourceType: RESOURCE, resourceId: input.agreementId };
  const f = await clientAccess(services, actor, origin, input.clientId, 'full', attempt);
  await withRefusalsLogged(services, actor, origin, input.clientId, attempt, () =>
    services.db.transaction(async (tx) => {
      if (!isLinkedProfessional(f)) throw new ClientAccessRefused('forbidden', 'agreement_professional_only', 'full', f);
      const row = await q.findAgreement(tx, input.clientId, input.agreementId, null, true);
      if (!row) throw new AppError('not_found');
      if (row.risk === 'none') throw new AppError('conflict', 'agreement_no_risk');
      if (input.step === 'instruction') {
        const by = input.by?.trim() || actor.displayName;
        await q.recordInstruction(tx, row.id, { by, on: input.on ?? today(services), recordedBy: actor.userId });
      } else if (input.step === 'competence') {
        await q.recordCompetence(tx, row.id, actor.userId);
      } else {
        await q.recordSignoff(tx, row.id, actor.userId, input.reviewDate ?? null);
      }
      await audit(tx, { actor }, origin, clientAudit(f, 'update', RESOURCE, row.id, { step: input.step }));
    }),
  );
}

/** Marks an agreement reviewed with the next review date (full level: the main caregiver or a linked professional). */
export async function reviewRecorder(services: Services, actor: Actor, input: { clientId: string; agreementId: string; nextReviewDate: string }, origin: Origin): Promise<void> {
  const attempt = { action: 'update', resourceType: RESOURCE, resourceId: input.agreementId };
  const f = await clientAccess(services, actor, origin, input.clientId, 'full', attempt);
  if (input.nextReviewDate <= today(services)) throw new AppError('validation_failed', 'agreement_review_date_past', [{ path: 'nextReviewDate', message: 'agreement_review_date_past' }]);
  await services.db.transaction(async (tx) => {
    const row = await q.findAgreement(tx, input.clientId, input.agreementId, null, true);
    if (!row) throw new AppError('not_found');
    await q.recordReview(tx, row.id, actor.userId, input.nextReviewDate);
    await audit(tx, { actor }, origin, clientAudit(f, 'update', RESOURCE, row.id, { reviewed: true }));
  });
}

/**
 * The review work of the actor: agreements past their review date in the circles where they are
 * the main caregiver (manage level) or a professional of a linked organisation. Each circle's
 * level is checked again by the policy, and every circle read is audited.
 */
export async function myReviews(services: Services, actor: Actor, origin: Origin) {
  const rows = await q.dueReviews(services.db, actor.userId, today(services));
  const out: q.ReviewRow[] = [];
  for (const clientId of [...new Set(rows.map((r) => r.client_id))]) {
    const f = await accessFacts(services, actor, clientId);
    if (!f) continue;
    const level = clientPolicy.level(f);
    const mine = rows.filter((r) => r.client_id === clientId);
    if (level === 'manage' || (level === 'full' && isLinkedProfessional(f))) {
      out.push(...mine);
      await audit(services.db, { actor }, origin, clientAudit(f, 'read', RESOURCE, null, { reviews: mine.length }));
    }
  }
  return out;
}

/** An organisation's task list with its own marks (anyone of the organisation reads it). */
export async function reservedTasksReader(services: Services, actor: Actor, input: { organisationId: string }) {
  organisationPolicy.assertRead(actor, input.organisationId);
  const marks = new Map((await q.organisationRiskList(services.db, input.organisationId)).map((m) => [m.task_code, m.risk]));
  return [...taskCatalogue().values()].map((t) => ({ code: t.code, category: t.category, defaultRisk: t.risk, risk: marks.get(t.code) ?? t.risk, label: { nl: t.nl, en: t.en } }));
}

/** Replaces an organisation's own marks (an organisation admin). Marks equal to the default are not stored. */
export async function reservedTasksSetter(services: Services, actor: Actor, input: { organisationId: string; tasks: { code: string; risk: TaskRisk }[] }, origin: Origin): Promise<void> {
  organisationPolicy.assertManageStaff(actor, input.organisationId);
  const catalogue = taskCatalogue();
  const unknown = input.tasks.findIndex((t) => !catalogue.has(t.code));
  if (unknown >= 0) throw new AppError('validation_failed', 'agreement_task_unknown', [{ path: `tasks.${unknown}.code`, message: 'agreement_task_unknown' }]);
  const marks = input.tasks.filter((t) => catalogue.get(t.code)?.risk !== t.risk);
  await services.db.transaction(async (tx) => {
    await q.replaceOrganisationRisks(tx, input.organisationId, marks, actor.userId);
    await audit(tx, { actor }, origin, { action: 'update', resourceType: 'organisation_task_risks', resourceId: input.organisationId, organisationId: input.organisationId, detail: { marks: marks.length } });
  });
}
