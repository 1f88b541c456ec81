import { z } from 'zod';

/** Answer schemas of platform administration (outbox, users, access log), shared by server and web. */

/** A mail in the outbox (the demo's mailbox when there is no SMTP). */
export const OutboxMailSchema = z.object({ id: z.string(), to: z.string(), subject: z.string(), text: z.string(), createdAt: z.string(), sentAt: z.string().nullable(), lastError: z.string().nullable() });
export type OutboxMail = z.infer<typeof OutboxMailSchema>;

/** A user in the platform's user list. */
export const UserItemSchema = z.object({ id: z.string(), email: z.string(), displayName: z.string(), personas: z.array(z.string()), isPlatformAdmin: z.boolean(), emailVerified: z.boolean(), twoFactor: z.boolean(), createdAt: z.string() });
export type UserItem = z.infer<typeof UserItemSchema>;

/** A line of the access log (NEN 7513). */
export const AuditItemSchema = z.object({
  id: z.number(),
  occurredAt: z.string(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  clientId: z.string().nullable(),
  userId: z.string().nullable(),
  userDisplay: z.string().nullable(),
  onBehalfOfUserId: z.string().nullable(),
  organisationId: z.string().nullable(),
  accessPoint: z.string().nullable(),
  sourceSystem: z.string(),
  outcome: z.string(),
  emergency: z.boolean(),
});
export type AuditItem = z.infer<typeof AuditItemSchema>;
