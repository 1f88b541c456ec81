import type { Queryable } from '../../../db/types.ts';
import { anyRow, insertedId } from '../../platform/rows.ts';

export type Audience = 'circle' | 'private';

export interface ThreadRow {
  id: string;
  client_id: string;
  tenant_key: string;
  subject: string;
  audience: Audience;
  created_at: Date;
  last_message_at: Date;
  message_count: number;
  unread_count: number;
  participants: { user_id: string; name: string }[];
}

export interface MessageRow {
  id: string;
  body: string;
  author_user_id: string | null;
  author_name: string | null;
  created_at: Date;
}

/** Threads of a client that the user is in (circle threads, or private ones with the user as participant), newest first. */
const THREAD_SELECT = `select t.id, t.client_id, t.tenant_key, t.subject, t.audience, t.created_at, t.last_message_at,
    (select count(*)::int from thread_messages m where m.thread_id = t.id) as message_count,
    (select count(*)::int from thread_messages m where m.thread_id = t.id
       and (m.author_user_id is distinct from $2::uuid)
       and m.created_at > coalesce((select r.last_read_at from thread_reads r where r.thread_id = t.id and r.user_id = $2::uuid), '-infinity'::timestamptz)) as unread_count,
    coalesce((select json_agg(json_build_object('user_id', p.user_id, 'name', u.display_name) order by u.display_name)
       from thread_participants p join users u on u.id = p.user_id where p.thread_id = t.id), '[]'::json) as participants
  from threads t
  where t.client_id = $1 and (t.audience = 'circle' or exists (select 1 from thread_participants p where p.thread_id = t.id and p.user_id = $2::uuid))`;

export async function listThreads(db: Queryable, clientId: string, userId: string): Promise<ThreadRow[]> {
  const { rows } = await db.query<ThreadRow>(`${THREAD_SELECT} order by t.last_message_at desc, t.id limit 200`, [clientId, userId]);
  return rows;
}

/** One thread, only when the user is in it. */
export async function findThread(db: Queryable, clientId: string, userId: string, threadId: string): Promise<ThreadRow | null> {
  const { rows } = await db.query<ThreadRow>(`${THREAD_SELECT} and t.id = $3`, [clientId, userId, threadId]);
  return rows[0] ?? null;
}

export async function listMessages(db: Queryable, threadId: string): Promise<MessageRow[]> {
  const { rows } = await db.query<MessageRow>(
    `select m.id, m.body, m.author_user_id, u.display_name as author_name, m.created_at
     from thread_messages m left join users u on u.id = m.author_user_id where m.thread_id = $1 order by m.created_at, m.id limit 1000`,
    [threadId],
  );
  return rows;
}

export async function insertThread(db: Queryable, t: { clientId: string; tenantKey: string; subject: string; audience: Audience; createdBy: string; at: Date }): Promise<string> {
  return insertedId(
    db,
    `insert into threads (client_id, tenant_key, subject, audience, created_by, created_at, last_message_at) values ($1, $2, $3, $4, $5, $6, $6) returning id`,
    [t.clientId, t.tenantKey, t.subject, t.audience, t.createdBy, t.at],
  );
}

export async function insertParticipants(db: Queryable, p: { threadId: string; clientId: string; tenantKey: string; userIds: readonly string[] }): Promise<void> {
  await db.query(
    `insert into thread_participants (thread_id, client_id, tenant_key, user_id) select $1, $2, $3, u from unnest($4::uuid[]) as u on conflict do nothing`,
    [p.threadId, p.clientId, p.tenantKey, [...new Set(p.userIds)]],
  );
}

export async function insertMessage(db: Queryable, m: { threadId: string; clientId: string; tenantKey: string; authorUserId: string; body: string; at: Date }): Promise<string> {
  const id = await insertedId(
    db,
    `insert into thread_messages (thread_id, client_id, tenant_key, author_user_id, body, created_at) values ($1, $2, $3, $4, $5, $6) returning id`,
    [m.threadId, m.clientId, m.tenantKey, m.authorUserId, m.body, m.at],
  );
  await db.query(`update threads set last_message_at = greatest(last_message_at, $2) where id = $1`, [m.threadId, m.at]);
  return id;
}

/** Sets the user's read marker of a thread (never backwards). */
export async function markRead(db: Queryable, r: { threadId: string; clientId: string; tenantKey: string; userId: string; at: Date }): Promise<void> {
  await db.query(
    `insert into thread_reads (thread_id, client_id, tenant_key, user_id, last_read_at) values ($1, $2, $3, $4, $5)
     on conflict (thread_id, user_id) do update set last_read_at = greatest(thread_reads.last_read_at, excluded.last_read_at)`,
    [r.threadId, r.clientId, r.tenantKey, r.userId, r.at],
  );
}


/** Demo seed: users by e-mail address. */
export async function usersByEmail(db: Queryable, emails: readonly string[]): Promise<{ id: string; email: string }[]> {
  const { rows } = await db.query<{ id: string; email: string }>('select id, email from users where email = any($1::text[])', [[...emails]]);
  return rows;
}

/** Demo seed: the client whose own account has this e-mail address. */
export async function clientOfUser(db: Queryable, email: string): Promise<{ id: string; tenant_key: string } | null> {
  const { rows } = await db.query<{ id: string; tenant_key: string }>('select c.id, c.tenant_key from clients c join users u on u.id = c.user_id where u.email = $1', [email]);
  return rows[0] ?? null;
}

/** Demo seed: true when the client already has threads. */
export async function hasThreads(db: Queryable, clientId: string): Promise<boolean> {
  return anyRow(db, 'select 1 from threads where client_id = $1 limit 1', [clientId]);
}

/** Opening a thread also reads the user's notifications about its messages (the menu count goes down). */
export async function readThreadNotifications(db: Queryable, r: { userId: string; clientId: string; threadId: string; at: Date }): Promise<void> {
  await db.query(
    `update notifications set read_at = $4 where user_id = $1 and client_id = $2 and kind = 'thread_message' and params->>'threadId' = $3 and read_at is null`,
    [r.userId, r.clientId, r.threadId, r.at],
  );
}
