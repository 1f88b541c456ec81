import { z } from 'zod';
import { ACCESS_LEVELS, CARE_NEEDS, CLOSENESS, DECIDERS, HELP_KINDS, MEMBER_KINDS, RELATIONSHIP_CODES, ROLE_CODES, TIES } from './codes.ts';
import { MunicipalityCode } from './schemas.ts';

/** Schemas of the care circle API, shared by server and web. */

const IsoDate = z.iso.date({ message: 'Gebruik een datum als 2026-01-31.' });

/** Today's date in the Netherlands (YYYY-MM-DD), when the value is checked. */
export function dutchToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A date that has already come: a birth date, or since when someone helps. */
const PastDate = (message: string) => IsoDate.refine((d) => d <= dutchToday(), { message });
const BirthDate = PastDate('Een geboortedatum kan niet in de toekomst liggen.');
const SinceDate = PastDate('Deze datum ligt in de toekomst. Vul een datum van vandaag of eerder in.');
const Name = z.string().trim().min(1, { message: 'Vul een naam in.' }).max(100);
const OptionalText = (max: number) => z.string().trim().max(max).nullish();
const Bsn = z
  .string()
  .regex(/^\d{9}$/, { message: 'Een BSN heeft 9 cijfers.' })
  .refine(elfProef, { message: 'Dit BSN klopt niet (elfproef).' });

/** The Dutch "elfproef" for a BSN. */
export function elfProef(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false;
  const digits = [...bsn].map(Number);
  const sum = digits.slice(0, 8).reduce((acc, d, i) => acc + d * (9 - i), 0) - (digits[8] as number);
  return sum % 11 === 0 && sum !== 0;
}

export const AccessLevel = z.enum(ACCESS_LEVELS);
export const MemberKind = z.enum(MEMBER_KINDS);
export const RoleCode = z.enum(Object.keys(ROLE_CODES) as [keyof typeof ROLE_CODES, ...(keyof typeof ROLE_CODES)[]]);
export const RelationshipCode = z.enum(Object.keys(RELATIONSHIP_CODES) as [keyof typeof RELATIONSHIP_CODES, ...(keyof typeof RELATIONSHIP_CODES)[]]);
export const HelpKind = z.enum(Object.keys(HELP_KINDS) as [keyof typeof HELP_KINDS, ...(keyof typeof HELP_KINDS)[]]);
export const CareNeed = z.enum(Object.keys(CARE_NEEDS) as [keyof typeof CARE_NEEDS, ...(keyof typeof CARE_NEEDS)[]]);

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
  email: z.string().trim().toLowerCase().email({ message: 'Vul een geldig e-mailadres in.' }).max(254).nullish(),
  phone: z.string().trim().regex(/^[+0-9 ()-]{6,20}$/, { message: 'Vul een geldig telefoonnummer in.' }).nullish(),
  organisationId: z.uuid().nullish(),
  organisationName: OptionalText(200),
  jobTitle: OptionalText(100),
};

export const AddMemberInput = z
  .strictObject({ ...memberShape, accessLevel: AccessLevel.optional() })
  .refine((m) => !m.isMainCaregiver || m.kind === 'caregiver', { message: 'Alleen een mantelzorger kan hoofdmantelzorger zijn.', path: ['isMainCaregiver'] });

export const UpdateMemberInput = z.strictObject(Object.fromEntries(Object.entries(memberShape).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof memberShape]: z.ZodOptional<(typeof memberShape)[K]> });

export const ConsentInput = z
  .strictObject({
    memberId: z.uuid().optional(),
    organisationId: z.uuid().optional(),
    decision: z.enum(['permit', 'deny']),
    accessLevel: AccessLevel.optional(),
    validUntil: IsoDate.nullish(),
  })
  .refine((c) => Boolean(c.memberId) !== Boolean(c.organisationId), { message: 'Kies één persoon of één organisatie.', path: ['memberId'] });

export const DeciderInput = z.strictObject({ decider: z.enum(DECIDERS) });
export const LinkOrganisationInput = z.strictObject({ organisationId: z.uuid(), accessLevel: AccessLevel.default('full'), validUntil: IsoDate.nullish() });
export const NoteInput = z.strictObject({ body: z.string().trim().min(1, { message: 'Schrijf een notitie.' }).max(5000) });

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
    decider: z.enum(DECIDERS),
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
  decision: z.enum(['permit', 'deny']),
  accessLevel: AccessLevel.nullable(),
  validUntil: z.string().nullable(),
  decidedAs: z.enum(DECIDERS),
  recordedBy: z.string().nullable(),
  createdAt: z.string(),
  current: z.boolean(),
});
