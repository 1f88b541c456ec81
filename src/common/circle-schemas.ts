import { z } from 'zod';
import { ACCESS_LEVELS, CARE_NEEDS, CLOSENESS, CONSENT_DECISIONS, DECIDERS, HELP_KINDS, INVITATION_STATUSES, MEMBER_KINDS, RELATIONSHIP_CODES, ROLE_CODES, TIES } from './codes.ts';
import type { MessageKey } from './messages/index.ts';
import { MunicipalityCode } from './schemas.ts';

/**
 * Request and answer schemas of the care circle API (circles, members, consent, invitations,
 * notes, access log), shared by server and web. Custom messages are keys of
 * ./messages/circles.ts, rendered in the reader's language.
 */

const IsoDate = z.iso.date({ message: 'date_format' });

/** Today's date in the Netherlands (YYYY-MM-DD), when the value is checked. */
export function dutchToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A date that has already come: a birth date, or since when someone helps. */
const PastDate = (message: MessageKey) => IsoDate.refine((d) => d <= dutchToday(), { message });
const BirthDate = PastDate('birth_date_in_future');
const SinceDate = PastDate('since_in_future');
const Name = z.string().trim().min(1, { message: 'name_missing' }).max(100);
const OptionalText = (max: number) => z.string().trim().max(max).nullish();
const Bsn = z
  .string()
  .regex(/^\d{9}$/, { message: 'bsn_format' })
  .refine(elfProef, { message: 'bsn_elfproef' });

/** The Dutch "elfproef" for a BSN. */
export function elfProef(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false;
  const digits = [...bsn].map(Number);
  const sum = digits.slice(0, 8).reduce((acc, d, i) => acc + d * (9 - i), 0) - (digits[8] as number);
  return sum % 11 === 0 && sum !== 0;
}

/** An enum of the codes of a labelled code list (./codes.ts). */
const codesOf = <T extends Record<string, unknown>>(list: T) => z.enum(Object.keys(list) as [keyof T & string, ...(keyof T & string)[]]);

export const AccessLevel = z.enum(ACCESS_LEVELS);
export const MemberKind = z.enum(MEMBER_KINDS);
export const RoleCode = codesOf(ROLE_CODES);
export const RelationshipCode = codesOf(RELATIONSHIP_CODES);
export const HelpKind = codesOf(HELP_KINDS);
export const CareNeed = codesOf(CARE_NEEDS);
export const Decider = z.enum(DECIDERS);
export const ConsentDecision = z.enum(CONSENT_DECISIONS);

export const ClientFieldsInput = z.strictObject({
  givenName: Name,
  familyName: Name,
  birthDate: BirthDate.nullish(),
  municipalityCode: MunicipalityCode,
  careSituation: OptionalText(1000),
  careNeeds: z.array(CareNeed).max(8).default([]),
});

export const StartCircleInput = z.strictObject({
  client: ClientFieldsInput,
  me: z
    .strictObject({
      relationshipCode: RelationshipCode.nullish(),
      roleCode: RoleCode.nullish(),
      helpKinds: z.array(HelpKind).max(9).default([]),
      hoursPerWeek: z.number().min(0).max(168).nullish(),
      since: SinceDate.nullish(),
    })
    .default({ helpKinds: [] }),
  clientCanDecide: z.boolean(),
});

export const RegisterClientInput = z.strictObject({
  organisationId: z.uuid(),
  client: ClientFieldsInput.extend({ bsn: Bsn.nullish() }),
  clientCanDecide: z.boolean(),
});

export const UpdateClientInput = z.strictObject({
  givenName: Name.optional(),
  familyName: Name.optional(),
  birthDate: BirthDate.nullish(),
  careSituation: OptionalText(1000),
  careNeeds: z.array(CareNeed).max(8).optional(),
  bsn: Bsn.nullish(),
});

const memberShape = {
  kind: MemberKind,
  isMainCaregiver: z.boolean().optional(),
  isRepresentative: z.boolean().optional(),
  givenName: Name,
  familyName: z.string().trim().max(100).optional(),
  roleCode: RoleCode.nullish(),
  relationshipCode: RelationshipCode.nullish(),
  closeness: z.enum(CLOSENESS).optional(),
  tie: z.enum(TIES).optional(),
  helpKinds: z.array(HelpKind).max(9).optional(),
  hoursPerWeek: z.number().min(0).max(168).nullish(),
  availability: OptionalText(300),
  since: SinceDate.nullish(),
  email: z.string().trim().toLowerCase().email({ message: 'email_invalid' }).max(254).nullish(),
  phone: z.string().trim().regex(/^[+0-9 ()-]{6,20}$/, { message: 'phone_invalid' }).nullish(),
  organisationId: z.uuid().nullish(),
  organisationName: OptionalText(200),
  jobTitle: OptionalText(100),
};

export const AddMemberInput = z
  .strictObject({ ...memberShape, accessLevel: AccessLevel.optional() })
  .refine((m) => !m.isMainCaregiver || m.kind === 'caregiver', { message: 'main_caregiver_must_be_caregiver', path: ['isMainCaregiver'] });

export const UpdateMemberInput = z.strictObject(Object.fromEntries(Object.entries(memberShape).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof memberShape]: z.ZodOptional<(typeof memberShape)[K]> });

export const ConsentInput = z
  .strictObject({
    memberId: z.uuid().optional(),
    organisationId: z.uuid().optional(),
    decision: ConsentDecision,
    accessLevel: AccessLevel.optional(),
    validUntil: IsoDate.nullish(),
  })
  .refine((c) => Boolean(c.memberId) !== Boolean(c.organisationId), { message: 'consent_one_subject', path: ['memberId'] });

export const DeciderInput = z.strictObject({ decider: Decider });
export const LinkOrganisationInput = z.strictObject({ organisationId: z.uuid(), accessLevel: AccessLevel.default('full'), validUntil: IsoDate.nullish() });
export const NoteInput = z.strictObject({ body: z.string().trim().min(1, { message: 'note_missing' }).max(5000) });

export const MemberSchema = z.object({
  id: z.string(),
  kind: MemberKind,
  givenName: z.string(),
  familyName: z.string(),
  isMainCaregiver: z.boolean(),
  hasAccount: z.boolean(),
  isMe: z.boolean(),
  /** Only with full access: */
  details: z
    .object({
      isRepresentative: z.boolean(),
      roleCode: z.string().nullable(),
      relationshipCode: z.string().nullable(),
      closeness: z.enum(CLOSENESS),
      tie: z.enum(TIES),
      helpKinds: z.array(z.string()),
      hoursPerWeek: z.number().nullable(),
      availability: z.string().nullable(),
      since: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      organisationId: z.string().nullable(),
      organisationName: z.string().nullable(),
      jobTitle: z.string().nullable(),
      accessLevel: AccessLevel.nullable(),
      accessUntil: z.string().nullable(),
    })
    .nullable(),
});

export const CircleSchema = z.object({
  client: z.object({
    id: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    municipalityCode: z.string(),
    municipalityName: z.string(),
    /** Only with full access: */
    birthDate: z.string().nullable(),
    careSituation: z.string().nullable(),
    careNeeds: z.array(z.string()),
    bsn: z.string().nullable(),
    decider: Decider,
    hasAccount: z.boolean(),
  }),
  myAccess: z.object({ level: AccessLevel, canDecide: z.boolean(), isClient: z.boolean(), memberId: z.string().nullable() }),
  members: z.array(MemberSchema),
  organisations: z.array(z.object({ organisationId: z.string(), name: z.string(), kind: z.string(), sector: z.string().nullable(), accessLevel: AccessLevel.nullable(), accessUntil: z.string().nullable(), since: z.string() })),
});
export type Circle = z.infer<typeof CircleSchema>;

export const ConsentSchema = z.object({
  id: z.string(),
  memberId: z.string().nullable(),
  memberName: z.string().nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  decision: ConsentDecision,
  accessLevel: AccessLevel.nullable(),
  validUntil: z.string().nullable(),
  decidedAs: Decider,
  recordedBy: z.string().nullable(),
  createdAt: z.string(),
  current: z.boolean(),
});
export type Consent = z.infer<typeof ConsentSchema>;

/** A circle I am in, as client or member. */
export const CircleListItemSchema = z.object({ clientId: z.string(), givenName: z.string(), familyName: z.string(), municipalityName: z.string(), isClient: z.boolean(), memberKind: z.string().nullable(), isMainCaregiver: z.boolean(), memberCount: z.number() });
export type CircleListItem = z.infer<typeof CircleListItemSchema>;

export const NoteSchema = z.object({ id: z.string(), body: z.string(), author: z.string().nullable(), createdAt: z.string() });
export type Note = z.infer<typeof NoteSchema>;

/** A line of the client's own access log: who looked at the data. */
export const AccessLogLineSchema = z.object({ occurredAt: z.string(), action: z.string(), resourceType: z.string(), user: z.string().nullable(), organisation: z.string().nullable(), sourceSystem: z.string(), outcome: z.string() });
export type AccessLogLine = z.infer<typeof AccessLogLineSchema>;

/** An invitation into a circle, for a member or for an organisation. */
export const CircleInvitationSchema = z.object({ id: z.string(), memberId: z.string().nullable(), memberName: z.string().nullable(), forOrganisation: z.boolean(), email: z.string().nullable(), status: z.enum(INVITATION_STATUSES), expiresAt: z.string(), createdAt: z.string(), createdBy: z.string().nullable() });
export type CircleInvitation = z.infer<typeof CircleInvitationSchema>;

/** A circle invitation code just made (shown once). */
export const IssuedCodeSchema = z.object({ id: z.string(), code: z.string(), expiresAt: z.string() });
export type IssuedCode = z.infer<typeof IssuedCodeSchema>;

/** What the person invited sees before accepting a circle invitation. */
export const CircleInvitationPreviewSchema = z.object({ clientGivenName: z.string(), invitedBy: z.string().nullable(), forOrganisation: z.boolean(), memberName: z.string().nullable(), expiresAt: z.string() });
export type CircleInvitationPreview = z.infer<typeof CircleInvitationPreviewSchema>;
