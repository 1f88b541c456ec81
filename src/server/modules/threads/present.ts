import type { ThreadDetail, ThreadSummary } from '../../../common/threads-schemas.ts';
import type { MessageRow, ThreadRow } from './queries.ts';

export function presentThread(r: ThreadRow): ThreadSummary {
  return {
    id: r.id,
    subject: r.subject,
    audience: r.audience,
    participants: r.audience === 'private' ? r.participants.map((p) => ({ userId: p.user_id, name: p.name })) : [],
    messageCount: r.message_count,
    unreadCount: r.unread_count,
    lastMessageAt: new Date(r.last_message_at).toISOString(),
  };
}

export function presentThreadDetail(r: ThreadRow, messages: MessageRow[], userId: string): ThreadDetail {
  return {
    ...presentThread(r),
    messages: messages.map((m) => ({ id: m.id, body: m.body, author: m.author_name, isMine: m.author_user_id === userId, createdAt: new Date(m.created_at).toISOString() })),
  };
}
