import type { Circle, Consent } from '../../../common/circle-schemas.ts';
import type { Decider } from '../../../common/codes.ts';
import type { Level } from '../../platform/policy/client.ts';
import type { ClientAccessFacts } from '../../platform/policy/client.ts';
import type { ClientRow, ConsentRow, LinkRow, MemberRow } from './queries.ts';

const RANK: Record<Level, number> = { none: 0, agenda: 1, full: 2, manage: 3 };

/**
 * The circle as the actor may see it. With agenda-only access: names and kinds, nothing of
 * the map details, contact details, care situation or organisations.
 */
export function presentCircle(input: {
  client: ClientRow;
  members: MemberRow[];
  links: LinkRow[];
  level: Level;
  facts: ClientAccessFacts;
  canDecide: boolean;
  canSeeBsn: boolean;
  actorUserId: string;
}): Circle {
  const full = RANK[input.level] >= RANK.full;
  const c = input.client;
  return {
    client: {
      id: c.id,
      givenName: c.given_name,
      familyName: c.family_name,
      municipalityCode: c.tenant_key,
      municipalityName: c.municipality_name,
      birthDate: full ? c.birth_date : null,
      careSituation: full ? c.care_situation : null,
      careNeeds: full ? c.care_needs : [],
      bsn: full && input.canSeeBsn ? c.bsn : null,
      decider: c.decider,
      hasAccount: c.user_id !== null,
    },
    myAccess: { level: input.level === 'none' ? 'agenda' : input.level, canDecide: input.canDecide, isClient: input.facts.isClient, memberId: input.facts.member?.id ?? null },
    members: input.members.map((m) => presentMember(m, full, input.actorUserId)),
    organisations: full
      ? input.links.map((l) => ({
          organisationId: l.organisation_id,
          name: l.organisation_name,
          kind: l.organisation_kind,
          sector: l.sector,
          accessLevel: l.access_level,
          accessUntil: l.access_until,
          since: l.created_at.toISOString(),
        }))
      : [],
  };
}

export function presentMember(m: MemberRow, full: boolean, actorUserId: string): Circle['members'][number] {
  return {
    id: m.id,
    kind: m.kind as Circle['members'][number]['kind'],
    givenName: m.given_name,
    familyName: m.family_name,
    isMainCaregiver: m.is_main_caregiver,
    hasAccount: m.has_account,
    isMe: m.user_id === actorUserId,
    details: full
      ? {
          isRepresentative: m.is_representative,
          roleCode: m.role_code,
          relationshipCode: m.relationship_code,
          closeness: m.closeness,
          tie: m.tie,
          helpKinds: m.help_kinds,
          hoursPerWeek: m.hours_per_week === null ? null : Number(m.hours_per_week),
          availability: m.availability,
          since: m.since,
          email: m.email,
          phone: m.phone,
          organisationId: m.organisation_id,
          organisationName: m.organisation_name,
          jobTitle: m.job_title,
          accessLevel: m.access_level,
          accessUntil: m.access_until,
        }
      : null,
  };
}

export function presentConsent(r: ConsentRow): Consent {
  return {
    id: r.id,
    memberId: r.member_id,
    memberName: r.member_name,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    decision: r.decision,
    accessLevel: r.access_level,
    validUntil: r.valid_until,
    decidedAs: r.decided_as as Decider,
    recordedBy: r.recorded_by_name,
    createdAt: r.created_at.toISOString(),
    current: r.current,
  };
}
