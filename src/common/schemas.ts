import { z } from 'zod';
import { INVITATION_STATUSES, MEMBERSHIP_ROLES, ORGANISATION_KINDS, SECTORS } from './codes.ts';

/**
 * Request and answer schemas of accounts, organisations and reference data, shared by server
 * (validation, OpenAPI) and web (forms, and answer types by `z.infer`), plus the fields other
 * schema files build on. Request objects are strict: an unknown field is a client error, not
 * silently dropped. Circles are in ./circle-schemas.ts, paging in ./paging.ts.
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

export const OrganisationKind = z.enum(ORGANISATION_KINDS);
export const Sector = z.enum(SECTORS);
export const MembershipRole = z.enum(MEMBERSHIP_ROLES);

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
export type Organisation = z.infer<typeof OrganisationSchema>;

export const InvitationInput = z.strictObject({ email: Email, role: MembershipRole, jobTitle: z.string().trim().max(100).nullish() });
export const AcceptInvitationInput = z.strictObject({
  token: z.string().min(10).max(200),
  displayName: DisplayName.optional(),
  password: Password.optional(),
});

/** The answer to a request that starts something by mail (registering, a reset link). */
export const AcceptedSchema = z.object({ status: z.literal('accepted'), message: z.string() });

/** A session in the user's own session list. */
export const SessionSchema = z.object({ id: z.string(), createdAt: z.string(), lastSeenAt: z.string(), userAgent: z.string().nullable(), ip: z.string().nullable(), current: z.boolean() });
export type Session = z.infer<typeof SessionSchema>;

/** The start of a TOTP set-up: the secret, as text, as otpauth URI and as QR code (SVG). */
export const TotpSetupSchema = z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() });
export type TotpSetup = z.infer<typeof TotpSetupSchema>;
export const RecoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodesSchema>;

/** A personal API token; the token itself is only in the answer that makes it. */
export const ApiTokenSchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), expiresAt: z.string() });
export type ApiToken = z.infer<typeof ApiTokenSchema>;
export const ApiTokenCreatedSchema = ApiTokenSchema.extend({ token: z.string() });

/** A staff member of an organisation. */
export const StaffMemberSchema = z.object({ userId: z.string(), displayName: z.string(), email: z.string(), role: z.string(), jobTitle: z.string().nullable(), since: z.string(), twoFactor: z.boolean() });
export type StaffMember = z.infer<typeof StaffMemberSchema>;

/** An invitation to join an organisation's staff. */
export const StaffInvitationSchema = z.object({ id: z.string(), email: z.string(), role: z.string(), jobTitle: z.string().nullable(), status: z.enum(INVITATION_STATUSES), expiresAt: z.string(), createdAt: z.string() });
export type StaffInvitation = z.infer<typeof StaffInvitationSchema>;

/** What the person invited sees before accepting a staff invitation. */
export const StaffInvitationPreviewSchema = z.object({ organisationName: z.string(), role: MembershipRole, email: z.string(), accountExists: z.boolean(), expiresAt: z.string() });
export type StaffInvitationPreview = z.infer<typeof StaffInvitationPreviewSchema>;
export const StaffInvitationAcceptedSchema = z.object({ organisationId: z.string(), createdAccount: z.boolean() });
export type StaffInvitationAccepted = z.infer<typeof StaffInvitationAcceptedSchema>;

/** A Dutch municipality with its province (CBS codes). */
export const MunicipalitySchema = z.object({ code: z.string(), name: z.string(), provinceCode: z.string(), provinceName: z.string() });
export type Municipality = z.infer<typeof MunicipalitySchema>;

/** Paging moved to ./paging.ts; these stay importable from here for existing imports. */
export { PageQuery, paged } from './paging.ts';
