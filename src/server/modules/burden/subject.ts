import type { Queryable } from '../../../db/types.ts';
import { isInformalKind } from '../../../common/burden.ts';
import type { Actor, Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { burdenPolicy, type CheckAccess } from '../../platform/policy/burden.ts';
import type { ClientAccessFacts } from '../../platform/policy/client.ts';
import { accessFacts, today } from '../circles/access.ts';
import { findMember, type MemberRow } from '../circles/queries.ts';
import type { ResponseRow } from './checks.queries.ts';

/**
 * The caregiver a use case is about, shared by checks, overview and schedules: who the
 * actor is to them (burdenPolicy.checkAccess), what the actor may see of their checks, and
 * how the access-log line names them.
 */
export interface Subject {
  f: ClientAccessFacts;
  access: CheckAccess;
  member: MemberRow;
}

/** Access first, then the caregiver the check is about. */
export async function subjectOf(services: Services, actor: Actor, clientId: string, memberId: string, db: Queryable = services.db): Promise<Subject> {
  const f = await accessFacts(services, actor, clientId, db);
  const access = burdenPolicy.checkAccess(actor, f, memberId);
  const member = await findMember(db, clientId, memberId, today(services));
  if (!member || !f) throw new AppError('not_found');
  return { f, access, member };
}

/** Only informal caregivers take a burden check. */
export function assertInformal(member: MemberRow): void {
  if (!isInformalKind(member.kind)) {
    throw new AppError('validation_failed', 'check_for_informal_only', [{ path: '/memberId' }]);
  }
}

/**
 * What the actor may see of a check: the caregiver sees all their results and continues their
 * own drafts; a professional sees shared results (a check taken with a professional is
 * shared) and continues drafts of their own organisation.
 */
export function visibleTo(access: CheckAccess, row: Pick<ResponseRow, 'status' | 'mode' | 'organisation_id' | 'shared_with_professional'>): boolean {
  if (row.status === 'in_progress') return burdenPolicy.ownsDraft(access, { mode: row.mode, organisationId: row.organisation_id });
  return access.mode === 'self' || row.shared_with_professional;
}

/**
 * How a caller names the record in its access-log line. The FHIR API passes the FHIR type it
 * serves (QuestionnaireResponse, Observation), so one request still writes one line.
 */
export interface AuditAs {
  resourceType?: string;
}

/** The access-log entry of a use case on the subject's checks. */
export const subjectAudit = (s: Subject, action: string, resourceId: string | null, detail?: Record<string, unknown>, as: AuditAs = {}) => ({
  action,
  resourceType: as.resourceType ?? 'burden_response',
  resourceId,
  clientId: s.f.clientId,
  tenantKey: s.f.tenantKey,
  organisationId: s.access.organisationId,
  detail,
});
