/**
 * The subset of FHIR R4 (4.0.1) types that Mantelkring produces and reads. Hand-written on
 * purpose: the full generated type package would be a runtime dependency for a few
 * interfaces. Field names and cardinalities follow hl7.org/fhir/R4; only what we use is here.
 */

/** A coded value. */
export interface Coding {
  system?: string;
  version?: string;
  code?: string;
  display?: string;
}

/** A concept: codings that mean the same, and/or text. */
export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

/** An extension (only the value types we use). */
export interface Extension {
  url: string;
  extension?: Extension[];
  valueCode?: string;
  valueString?: string;
  valueInteger?: number;
  valueBoolean?: boolean;
  valueCodeableConcept?: CodeableConcept;
  valueReference?: Reference;
}

/** The extension holder of a primitive value (`_given`, `_family`). */
export interface PrimitiveElement {
  id?: string;
  extension?: Extension[];
}

/** A reference to another resource, or only a display. */
export interface Reference {
  reference?: string;
  type?: string;
  identifier?: Identifier;
  display?: string;
}

/** A time span; `end` includes the whole of a date-only value. */
export interface Period {
  start?: string;
  end?: string;
}

/** A business identifier such as the BSN. */
export interface Identifier {
  use?: 'usual' | 'official' | 'temp' | 'secondary' | 'old';
  system?: string;
  value?: string;
}

/** A person's name; `_given`/`_family` hold the extensions of the primitives. */
export interface HumanName {
  use?: 'usual' | 'official' | 'temp' | 'nickname' | 'anonymous' | 'old' | 'maiden';
  text?: string;
  family?: string;
  _family?: PrimitiveElement;
  given?: string[];
  _given?: (PrimitiveElement | null)[];
  prefix?: string[];
  suffix?: string[];
}

/** A phone number or e-mail address. */
export interface ContactPoint {
  system?: 'phone' | 'fax' | 'email' | 'pager' | 'url' | 'sms' | 'other';
  value?: string;
  use?: 'home' | 'work' | 'temp' | 'old' | 'mobile';
  rank?: number;
}

/** An address; we fill only `district` (the municipality). */
export interface Address {
  use?: 'home' | 'work' | 'temp' | 'old' | 'billing';
  type?: 'postal' | 'physical' | 'both';
  text?: string;
  line?: string[];
  city?: string;
  district?: string;
  state?: string;
  postalCode?: string;
  country?: string;
}

/** Resource metadata: claimed profiles and last change. */
export interface Meta {
  versionId?: string;
  lastUpdated?: string;
  source?: string;
  profile?: string[];
}

/** Human-readable narrative (not produced by Mantelkring). */
export interface Narrative {
  status: 'generated' | 'extensions' | 'additional' | 'empty';
  div: string;
}

/** What every resource has. */
export interface ResourceBase {
  resourceType: string;
  id?: string;
  meta?: Meta;
  implicitRules?: string;
  language?: string;
  text?: Narrative;
  extension?: Extension[];
  modifierExtension?: Extension[];
}

/** R4 Patient: a client. */
export interface Patient extends ResourceBase {
  resourceType: 'Patient';
  identifier?: Identifier[];
  active?: boolean;
  name?: HumanName[];
  telecom?: ContactPoint[];
  gender?: 'male' | 'female' | 'other' | 'unknown';
  birthDate?: string;
  address?: Address[];
}

/** R4 RelatedPerson: an informal member of one circle. */
export interface RelatedPerson extends ResourceBase {
  resourceType: 'RelatedPerson';
  identifier?: Identifier[];
  active?: boolean;
  patient: Reference;
  relationship?: CodeableConcept[];
  name?: HumanName[];
  telecom?: ContactPoint[];
  period?: Period;
}

/** R4 Practitioner: a volunteer or professional. */
export interface Practitioner extends ResourceBase {
  resourceType: 'Practitioner';
  identifier?: Identifier[];
  active?: boolean;
  name?: HumanName[];
  telecom?: ContactPoint[];
}

/** R4 PractitionerRole: a volunteer or professional in one circle. */
export interface PractitionerRole extends ResourceBase {
  resourceType: 'PractitionerRole';
  identifier?: Identifier[];
  active?: boolean;
  period?: Period;
  practitioner?: Reference;
  organization?: Reference;
  code?: CodeableConcept[];
  specialty?: CodeableConcept[];
  telecom?: ContactPoint[];
}

/** R4 Organization. */
export interface Organization extends ResourceBase {
  resourceType: 'Organization';
  identifier?: Identifier[];
  active?: boolean;
  type?: CodeableConcept[];
  name?: string;
  address?: Address[];
}

/** One participant of a CareTeam. */
export interface CareTeamParticipant {
  role?: CodeableConcept[];
  member?: Reference;
  onBehalfOf?: Reference;
  period?: Period;
}

/** R4 CareTeam: a circle. */
export interface CareTeam extends ResourceBase {
  resourceType: 'CareTeam';
  identifier?: Identifier[];
  status?: 'proposed' | 'active' | 'suspended' | 'inactive' | 'entered-in-error';
  category?: CodeableConcept[];
  name?: string;
  subject?: Reference;
  period?: Period;
  participant?: CareTeamParticipant[];
  managingOrganization?: Reference[];
}

/** The rule of a Consent: permit or deny, for whom, what, until when. */
export interface ConsentProvision {
  type?: 'deny' | 'permit';
  period?: Period;
  actor?: { role: CodeableConcept; reference: Reference }[];
  action?: CodeableConcept[];
  code?: CodeableConcept[];
}

/** R4 Consent: one consent decision. */
export interface Consent extends ResourceBase {
  resourceType: 'Consent';
  status: 'draft' | 'proposed' | 'active' | 'rejected' | 'inactive' | 'entered-in-error';
  scope: CodeableConcept;
  category: CodeableConcept[];
  patient?: Reference;
  dateTime?: string;
  performer?: Reference[];
  organization?: Reference[];
  policyRule?: CodeableConcept;
  provision?: ConsentProvision;
}

/** A note (Observation.note). */
export interface Annotation {
  text: string;
  time?: string;
}

/** One answer of a QuestionnaireResponse item (the value types our instruments use). */
export interface QuestionnaireResponseAnswer {
  valueCoding?: Coding;
  valueInteger?: number;
}

/** One item of a QuestionnaireResponse: a group (`item`) or an answered question (`answer`). */
export interface QuestionnaireResponseItem {
  linkId: string;
  text?: string;
  answer?: QuestionnaireResponseAnswer[];
  item?: QuestionnaireResponseItem[];
}

/** R4 QuestionnaireResponse: a completed burden check. */
export interface QuestionnaireResponse extends ResourceBase {
  resourceType: 'QuestionnaireResponse';
  identifier?: Identifier;
  questionnaire?: string;
  status: 'in-progress' | 'completed' | 'amended' | 'entered-in-error' | 'stopped';
  subject?: Reference;
  authored?: string;
  author?: Reference;
  source?: Reference;
  item?: QuestionnaireResponseItem[];
}

/** R4 Observation: the total score of a completed burden check. */
export interface Observation extends ResourceBase {
  resourceType: 'Observation';
  status: 'registered' | 'preliminary' | 'final' | 'amended' | 'corrected' | 'cancelled' | 'entered-in-error' | 'unknown';
  category?: CodeableConcept[];
  code: CodeableConcept;
  subject?: Reference;
  focus?: Reference[];
  effectiveDateTime?: string;
  issued?: string;
  performer?: Reference[];
  valueInteger?: number;
  interpretation?: CodeableConcept[];
  note?: Annotation[];
  derivedFrom?: Reference[];
}

/** One error, warning or note. */
export interface OperationOutcomeIssue {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  code: string;
  details?: CodeableConcept;
  diagnostics?: string;
  expression?: string[];
}

/** R4 OperationOutcome: how errors and warnings are reported. */
export interface OperationOutcome extends ResourceBase {
  resourceType: 'OperationOutcome';
  issue: OperationOutcomeIssue[];
}

/** Every resource type Mantelkring serves. */
export type MantelkringResource = Patient | RelatedPerson | Practitioner | PractitionerRole | Organization | CareTeam | Consent | QuestionnaireResponse | Observation | OperationOutcome;

/** One entry of a Bundle (search result, transaction request or response). */
export interface BundleEntry<R extends ResourceBase = ResourceBase> {
  fullUrl?: string;
  resource?: R;
  search?: { mode?: 'match' | 'include' | 'outcome'; score?: number };
  request?: { method: string; url: string; ifNoneExist?: string; ifMatch?: string; ifNoneMatch?: string; ifModifiedSince?: string };
  response?: { status: string; location?: string; etag?: string; lastModified?: string; outcome?: OperationOutcome };
}

/** R4 Bundle. */
export interface Bundle<R extends ResourceBase = ResourceBase> extends ResourceBase {
  resourceType: 'Bundle';
  type: 'document' | 'message' | 'transaction' | 'transaction-response' | 'batch' | 'batch-response' | 'history' | 'searchset' | 'collection';
  timestamp?: string;
  total?: number;
  link?: { relation: string; url: string }[];
  entry?: BundleEntry<R>[];
}
