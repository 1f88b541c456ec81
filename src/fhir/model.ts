import type { AccessLevel, ConsentDecision, Decider, MemberKind, OrganisationKind, Sector } from '../common/codes.ts';
import type { Answers, Instrument, Score } from '../domain/burden.ts';

/**
 * The plain facts the mapping functions turn into FHIR. The server fills these from its rows;
 * the mappers never see a database row, so they stay pure and unit-testable.
 */

/** A client (FHIR Patient). */
export interface ClientFacts {
  id: string;
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD or null. */
  birthDate: string | null;
  /** Only when the caller may see it (clientPolicy.canSeeBsn); null otherwise. */
  bsn: string | null;
  municipalityCode: string;
  municipalityName: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A member of the circle (RelatedPerson, or Practitioner + PractitionerRole). */
export interface MemberFacts {
  id: string;
  clientId: string;
  kind: MemberKind;
  isMainCaregiver: boolean;
  isRepresentative: boolean;
  givenName: string;
  familyName: string;
  /** The primary role (COD472), as the app shows and edits it; always one of roleCodes. */
  roleCode: string | null;
  /** The primary family relationship; always one of relationshipCodes. */
  relationshipCode: string | null;
  /** Every role as stored, in order: COD472 two-digit codes and the extra roles 100002–100004. */
  roleCodes: string[];
  /** Every RelatieCodelijst code as stored, in order. */
  relationshipCodes: string[];
  /** YYYY-MM-DD: since when the person is part of the circle. */
  since: string | null;
  email: string | null;
  phone: string | null;
  organisationId: string | null;
  organisationName: string | null;
  jobTitle: string | null;
}

/** An organisation (Organization). */
export interface OrganisationFacts {
  id: string;
  name: string;
  kind: OrganisationKind;
  sector: Sector | null;
  municipalityCode: string | null;
  municipalityName: string | null;
}

/** One consent decision (Consent). */
export interface ConsentFacts {
  id: string;
  clientId: string;
  /** The member the decision is about, with the kind that decides its FHIR type; `active` false once they left. */
  member: { id: string; kind: MemberKind; name: string; active: boolean } | null;
  organisation: { id: string; name: string } | null;
  decision: ConsentDecision;
  accessLevel: AccessLevel | null;
  /** Inclusive end date (YYYY-MM-DD) or null. */
  validUntil: string | null;
  decidedAs: Decider;
  /** The circle member who recorded it, when that person is (still) a member. */
  recordedByMember: { id: string; kind: MemberKind; name: string } | null;
  recordedByName: string | null;
  createdAt: Date;
  /** The newest decision for its member or organisation. */
  current: boolean;
}

/**
 * A completed burden check (QuestionnaireResponse + Observation). The instrument and its
 * stored Questionnaire are those of the exact version that was answered.
 */
export interface BurdenResultFacts {
  /** The response id: QuestionnaireResponse and Observation share it. */
  id: string;
  clientId: string;
  /** The caregiver (a RelatedPerson). */
  memberId: string;
  /** The stored Questionnaire of the answered version (for its url, version, code and item tree). */
  questionnaire: Record<string, unknown>;
  instrument: Instrument;
  answers: Answers;
  score: Score;
  completedAt: Date;
  /** Who took the check with the caregiver, when a professional did; null for a self-check. */
  administeredBy: {
    /** Their PractitionerRole in this circle, when they are on the map. */
    practitionerRoleId: string | null;
    name: string | null;
    organisationId: string | null;
    organisationName: string | null;
  } | null;
}
