import { z } from 'zod';
import { NOTIFICATION_KINDS } from './notifications.ts';
import { paged } from './paging.ts';

/** One in-app notification as the API sends it; the web writes its text from kind and params. */
export const NotificationSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  clientId: z.string().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  /** The person no longer has access to the circle it is about: names and link are left out. */
  accessEnded: z.boolean(),
});
export type NotificationItem = z.infer<typeof NotificationSchema>;

/** A page of notifications, newest first, with the number of unread ones (all pages). */
export const NotificationPageSchema = paged(NotificationSchema).extend({ unread: z.number() });
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

/** Marks the given notifications read, or all of the user's when `ids` is left out. */
export const MarkReadInput = z.strictObject({ ids: z.array(z.uuid({ message: 'invalid_id' })).min(1).max(200).optional() });

/** The user's choice for the daily e-mail with unread notifications. */
export const DigestSettingInput = z.strictObject({ enabled: z.boolean() });
export const DigestSettingSchema = z.object({ enabled: z.boolean() });
