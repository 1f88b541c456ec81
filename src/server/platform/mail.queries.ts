import type { Queryable } from '../../db/types.ts';

/** The SQL of the `outbox` table (delivery is in mail.ts; the admin module reads the outbox for its page). */

export interface OutboxMessage {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
}

export async function insertOutboxMessage(db: Queryable, mail: { to: string; subject: string; text: string }): Promise<void> {
  await db.query('insert into outbox (to_address, subject, body_text) values ($1, $2, $3)', [mail.to, mail.subject, mail.text]);
}

/**
 * Claims a batch of unsent messages with fewer than `maxAttempts` attempts: rows locked by
 * another instance are skipped, and a claim expires after two minutes so a crashed
 * instance's batch is retried.
 */
export async function claimOutboxBatch(db: Queryable, maxAttempts: number): Promise<OutboxMessage[]> {
  const { rows } = await db.query<OutboxMessage>(
    `update outbox set locked_until = now() + interval '2 minutes', attempts = attempts + 1
     where id in (select id from outbox
                  where sent_at is null and attempts < $1 and (locked_until is null or locked_until < now())
                  order by created_at limit 20 for update skip locked)
     returning id, to_address, subject, body_text`,
    [maxAttempts],
  );
  return rows;
}

export async function markOutboxSent(db: Queryable, id: string): Promise<void> {
  await db.query('update outbox set sent_at = now(), locked_until = null, last_error = null where id = $1', [id]);
}

export async function markOutboxFailed(db: Queryable, id: string, error: string): Promise<void> {
  await db.query('update outbox set locked_until = null, last_error = $2 where id = $1', [id, error]);
}
