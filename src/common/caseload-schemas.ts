import { z } from 'zod';

/** The professional's caseload and contact moments: query values and answer schemas, shared by server and web. */

/** Filters of the caseload list (`filter=`), each a "caregiver in view" indicator that is missing. */
export const CASELOAD_FILTERS = ['no_caregiver', 'no_map', 'no_recent_scan', 'no_recent_contact'] as const;
export type CaseloadFilter = (typeof CASELOAD_FILTERS)[number];
/** Orders of the caseload list (`sort=`). */
export const CASELOAD_SORTS = ['name', 'last_contact', 'last_scan', 'members'] as const;
export type CaseloadSort = (typeof CASELOAD_SORTS)[number];

/** A client in the caseload with the "caregiver in view" indicators. */
export const CaseloadItemSchema = z.object({
  clientId: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string().nullable(),
  municipalityName: z.string(),
  memberCount: z.number(),
  indicators: z.object({
    caregiverRegistered: z.boolean(),
    mainCaregiver: z.string().nullable(),
    mapMade: z.boolean(),
    lastScanAt: z.string().nullable(),
    daysSinceContact: z.number().nullable(),
  }),
});
export type CaseloadItem = z.infer<typeof CaseloadItemSchema>;

/** The answer of inviting the networks of several clients at once. */
export const NetworksInvitedSchema = z.object({ invited: z.number(), skipped: z.number() });
export type NetworksInvited = z.infer<typeof NetworksInvitedSchema>;

/** Kinds of contact moment with a caregiver. */
export const CONTACT_KINDS = ['how_are_you', 'conversation'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** A contact moment with a caregiver. */
export const ContactItemSchema = z.object({ id: z.string(), kind: z.string(), note: z.string().nullable(), occurredAt: z.string(), member: z.string().nullable(), professional: z.string().nullable(), organisation: z.string().nullable() });
export type ContactItem = z.infer<typeof ContactItemSchema>;
