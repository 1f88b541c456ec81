import type { MemberKind } from '../../../common/codes.ts';
import type { ClientFacts, ConsentFacts, MemberFacts, OrganisationFacts } from '../../../fhir/model.ts';
import type { ClientRow, MemberRow } from '../circles/queries.ts';
import type { OrganisationRow } from '../organisations/queries.ts';
import type { ConsentDecisionRow } from './queries.ts';

/** Rows → the plain facts the FHIR mappers (src/fhir) take. The BSN only when the caller may see it. */
export function clientFacts(row: ClientRow, canSeeBsn: boolean): ClientFacts {
  return {
    id: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    birthDate: row.birth_date,
    bsn: canSeeBsn ? row.bsn : null,
    municipalityCode: row.tenant_key,
    municipalityName: row.municipality_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Every role and relationship code of a member (circle_members.role_codes / relationship_codes). */
export interface MemberCodes {
  roleCodes: string[];
  relationshipCodes: string[];
}

/** A member row → MemberFacts, with all its codes when loaded (else only the primary ones). */
export function memberFacts(row: MemberRow, codes?: MemberCodes): MemberFacts {
  return {
    id: row.id,
    clientId: row.client_id,
    kind: row.kind as MemberKind,
    isMainCaregiver: row.is_main_caregiver,
    isRepresentative: row.is_representative,
    givenName: row.given_name,
    familyName: row.family_name,
    roleCode: row.role_code,
    relationshipCode: row.relationship_code,
    roleCodes: codes?.roleCodes ?? (row.role_code ? [row.role_code] : []),
    relationshipCodes: codes?.relationshipCodes ?? (row.relationship_code ? [row.relationship_code] : []),
    since: row.since,
    email: row.email,
    phone: row.phone,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    jobTitle: row.job_title,
  };
}

/** An organisation row → OrganisationFacts. */
export function organisationFacts(row: OrganisationRow): OrganisationFacts {
  return { id: row.id, name: row.name, kind: row.kind, sector: row.sector, municipalityCode: row.municipality_code, municipalityName: row.municipality_name };
}

/** A consent-decision row → ConsentFacts. */
export function consentFacts(row: ConsentDecisionRow): ConsentFacts {
  return {
    id: row.id,
    clientId: row.client_id,
    member: row.member_id && row.member_kind ? { id: row.member_id, kind: row.member_kind, name: row.member_name ?? '', active: row.member_active } : null,
    organisation: row.organisation_id ? { id: row.organisation_id, name: row.organisation_name ?? '' } : null,
    decision: row.decision,
    accessLevel: row.access_level,
    validUntil: row.valid_until,
    decidedAs: row.decided_as,
    recordedByMember: row.recorder_member_id && row.recorder_member_kind ? { id: row.recorder_member_id, kind: row.recorder_member_kind, name: row.recorder_member_name ?? '' } : null,
    recordedByName: row.recorded_by_name,
    createdAt: row.created_at,
    current: row.current,
  };
}
