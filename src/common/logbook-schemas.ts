import { z } from 'zod';
import { AttachmentSchema } from './attachments-schemas.ts';
import { LOGBOOK_BODY_MAX, LOGBOOK_VISIBILITIES } from './logbook.ts';

export const LogbookVisibility = z.enum(LOGBOOK_VISIBILITIES);

/** A new logbook entry. */
export const LogbookEntryInput = z.strictObject({
  body: z.string().trim().min(1, { message: 'logbook_body_missing' }).max(LOGBOOK_BODY_MAX, { message: 'logbook_body_too_long' }),
  visibility: LogbookVisibility,
});
export type LogbookEntryInputType = z.infer<typeof LogbookEntryInput>;

/** One logbook entry as a reader may see it. */
export const LogbookEntrySchema = z.object({
  id: z.string(),
  body: z.string(),
  visibility: LogbookVisibility,
  author: z.string().nullable(),
  /** True when the reader wrote it (and so may delete it). */
  mine: z.boolean(),
  createdAt: z.string(),
  /** Files attached to the entry (see modules/attachments). */
  attachments: z.array(AttachmentSchema),
});
export type LogbookEntry = z.infer<typeof LogbookEntrySchema>;
