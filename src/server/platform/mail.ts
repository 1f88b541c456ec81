import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Queryable } from '../../db/types.ts';
import * as q from './mail.queries.ts';

/** Outgoing mail through the `outbox` table (its SQL is in mail.queries.ts). */

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
    const claimed = await q.claimOutboxBatch(db, MAX_ATTEMPTS);
    let sent = 0;
    for (const row of claimed) {
      try {
        await transport.sendMail({ from: options.from, to: row.to_address, subject: row.subject, text: row.body_text });
        await q.markOutboxSent(db, row.id);
        sent++;
      } catch (error) {
        await q.markOutboxFailed(db, row.id, (error as Error).message.slice(0, 500));
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
      await q.insertOutboxMessage(target, mail);
    },
    deliverPending,
    stop() {
      if (timer) clearTimeout(timer);
      transport?.close();
    },
  };
}
