import { z } from 'zod';

/** Who is in a thread: everyone in the circle (agenda level or more), or a chosen set of people. */
export const THREAD_AUDIENCES = ['circle', 'private'] as const;
export const ThreadAudience = z.enum(THREAD_AUDIENCES);

export const MESSAGE_MAX = 4000;
export const SUBJECT_MAX = 200;

const Body = z.string().trim().min(1, { message: 'required' }).max(MESSAGE_MAX);

/** Start a thread with its first message. `participantUserIds` only for a private thread (the starter is always in). */
export const StartThreadInput = z.strictObject({
  subject: z.string().trim().min(1, { message: 'required' }).max(SUBJECT_MAX),
  audience: ThreadAudience,
  participantUserIds: z.array(z.uuid({ message: 'invalid_id' })).max(50).optional(),
  body: Body,
});
export type StartThreadInput = z.infer<typeof StartThreadInput>;

export const PostMessageInput = z.strictObject({ body: Body });

export const ThreadPersonSchema = z.object({ userId: z.string(), name: z.string() });

export const ThreadSummarySchema = z.object({
  id: z.string(),
  subject: z.string(),
  audience: ThreadAudience,
  /** Chosen participants of a private thread (empty for a circle thread). */
  participants: z.array(ThreadPersonSchema),
  messageCount: z.number().int(),
  unreadCount: z.number().int(),
  lastMessageAt: z.string(),
});
export type ThreadSummary = z.infer<typeof ThreadSummarySchema>;

export const ThreadMessageSchema = z.object({
  id: z.string(),
  body: z.string(),
  author: z.string().nullable(),
  isMine: z.boolean(),
  createdAt: z.string(),
});

export const ThreadDetailSchema = ThreadSummarySchema.extend({ messages: z.array(ThreadMessageSchema) });
export type ThreadDetail = z.infer<typeof ThreadDetailSchema>;
