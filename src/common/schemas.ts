import { z } from 'zod';

/**
 * Request and response schemas shared by server (validation, OpenAPI) and web (forms).
 * Request objects are strict: an unknown field is a client error, not silently dropped.
 */

export const Email = z.string().trim().toLowerCase().max(254).email({ message: 'email_invalid' });
/** Length and commonness are checked on the server, with a clear message. */
export const Password = z.string().min(1, { message: 'password_missing' }).max(200);
export const Locale = z.enum(['nl', 'en']);
export const MunicipalityCode = z.string().regex(/^GM\d{4}$/, { message: 'municipality_code_format' });
export const DisplayName = z.string().trim().min(1, { message: 'display_name_missing' }).max(100);

export const RegisterInput = z.strictObject({
  email: Email,
  password: Password,
  displayName: DisplayName,
  persona: z.enum(['caregiver', 'volunteer']),
  municipalityCode: MunicipalityCode.nullish(),
  locale: Locale.default('nl'),
});

export const LoginInput = z.strictObject({
  email: Email,
  password: Password,
  totp: z.string().trim().max(20).optional(),
});

export const TokenInput = z.strictObject({ token: z.string().min(10).max(200) });
export const EmailInput = z.strictObject({ email: Email });
export const ResetPasswordInput = z.strictObject({ token: z.string().min(10).max(200), password: Password });
export const ChangePasswordInput = z.strictObject({ currentPassword: Password, newPassword: Password });
export const ProfileInput = z.strictObject({ displayName: DisplayName.optional(), locale: Locale.optional() });
export const TotpCodeInput = z.strictObject({ code: z.string().trim().min(6).max(10) });

export const OrganisationKind = z.enum(['care_provider', 'welfare', 'volunteer', 'municipality', 'programme_office']);
export const Sector = z.enum(['elderly_care', 'disability_care', 'mental_health', 'hospital_rehabilitation', 'home_care', 'primary_care']);
export const MembershipRole = z.enum(['professional', 'coordinator', 'policy', 'org_admin', 'volunteer']);

export const MembershipSchema = z.object({
  organisationId: z.string(),
  organisationName: z.string(),
  organisationKind: z.string(),
  role: MembershipRole,
});

export const MeSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  locale: Locale,
  personas: z.array(z.string()),
  municipalityCode: z.string().nullable(),
  isPlatformAdmin: z.boolean(),
  memberships: z.array(MembershipSchema),
  mfa: z.object({ required: z.boolean(), enabled: z.boolean(), verified: z.boolean(), recoveryCodesLeft: z.number() }),
});
export type Me = z.infer<typeof MeSchema>;

export const OrganisationInput = z
  .strictObject({
    name: z.string().trim().min(2).max(200),
    kind: OrganisationKind,
    sector: Sector.nullish(),
    municipalityCode: MunicipalityCode.nullish(),
    region: z.string().trim().max(100).nullish(),
  })
  .refine((o) => (o.kind === 'care_provider') === Boolean(o.sector), { message: 'sector_only_for_care_providers', path: ['sector'] })
  .refine((o) => o.kind !== 'municipality' || Boolean(o.municipalityCode), { message: 'municipality_needs_code', path: ['municipalityCode'] });

export const OrganisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: OrganisationKind,
  sector: Sector.nullable(),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  region: z.string().nullable(),
  createdAt: z.string(),
});

export const InvitationInput = z.strictObject({ email: Email, role: MembershipRole, jobTitle: z.string().trim().max(100).nullish() });
export const AcceptInvitationInput = z.strictObject({
  token: z.string().min(10).max(200),
  displayName: DisplayName.optional(),
  password: Password.optional(),
});

export const PageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

/** A page of results: the list plus what a pager needs. */
export const paged = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), page: z.number(), pageSize: z.number(), total: z.number() });
