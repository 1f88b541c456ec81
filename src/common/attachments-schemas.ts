import { z } from 'zod';

/** One attachment of a logbook entry, as a reader of the entry sees it (without the bytes). */
export const AttachmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  /** True when the reader uploaded it (and so may delete it). */
  mine: z.boolean(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;
