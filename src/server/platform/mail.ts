import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Queryable } from '../../db/types.ts';

/**
 * Outgoing mail through the `outbox` table. This platform module is its own queries layer:
 * the outbox SQL lives here (the admin module only reads the outbox for its page).
 */

/** A plain-text e-mail. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Mail goes through the outbox table: a use case writes the message in its own transaction
 * (so a change and its mail commit or fail together). With SMTP configured a delivery loop
 * sends pending messages; without it they stay in the outbox, readable by an administrator.
 */
export interface Mailer {
  enqueue(db: Queryable, mail: Mail): Promise<void>;
  /** Delivers pending messages now; returns how many were sent. No-op without SMTP. */
  deliverPending(): Promise<number>;
  readonly smtp: boolean;
  stop(): void;
}

const MAX_ATTEMPTS = 8;

export function createMailer(db: Db, options: { smtpUrl?: string; from: string; log?: FastifyBaseLogger; pollMs?: number }): Mailer {
  const transport: Transporter | null = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  let timer: NodeJS.Timeout | undefined;

  const deliverPending = async (): Promise<number> => {
    if (!transport) return 0;
    // Claim a batch: rows locked by another instance are skipped, and a claim expires after
    // two minutes so a crashed instance's batch is retried.
    const claimed = await db.query<{ id: string; to_address: string; subject: string; body_text: string }>(
      `update outbox set locked_until = now() + interval '2 minutes', attempts = attempts + 1
       where id in (select id from outbox
                    where sent_at is null and attempts < $1 and (locked_until is null or locked_until < now())
                    order by created_at limit 20 for update skip locked)
       returning id, to_address, subject, body_text`,
      [MAX_ATTEMPTS],
    );
    let sent = 0;
    for (const row of claimed.rows) {
      try {
        await transport.sendMail({ from: options.from, to: row.to_address, subject: row.subject, text: row.body_text });
        await db.query('update outbox set sent_at = now(), locked_until = null, last_error = null where id = $1', [row.id]);
        sent++;
      } catch (error) {
        await db.query('update outbox set locked_until = null, last_error = $2 where id = $1', [row.id, (error as Error).message.slice(0, 500)]);
        options.log?.warn({ outboxId: row.id }, 'mail delivery failed');
      }
    }
    return sent;
  };

  if (transport && options.pollMs) {
    const tick = () => {
      deliverPending()
        .catch((error: Error) => options.log?.error({ err: error }, 'mail delivery loop failed'))
        .finally(() => {
          timer = setTimeout(tick, options.pollMs);
          timer.unref();
        });
    };
    timer = setTimeout(tick, options.pollMs);
    timer.unref();
  }

  return {
    smtp: transport !== null,
    async enqueue(target, mail) {
      await target.query('insert into outbox (to_address, subject, body_text) values ($1, $2, $3)', [mail.to, mail.subject, mail.text]);
    },
    deliverPending,
    stop() {
      if (timer) clearTimeout(timer);
      transport?.close();
    },
  };
}
