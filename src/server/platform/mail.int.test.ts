import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, openTestDb } from '../../../test/support/engines.ts';
import type { Db } from '../../db/types.ts';
import { createMailer } from './mail.ts';

describeEachEngine('mail over SMTP', (engine) => {
  let db: Db;
  let server: SMTPServer;
  let port = 0;
  const received: { to: string[]; data: string }[] = [];
  let refuse = false;

  beforeAll(async () => {
    db = await openTestDb(engine);
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        stream.on('end', () => {
          if (refuse) return callback(new Error('mailbox unavailable'));
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const address = server.server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db?.close();
  });

  it('delivers outbox mail through a real SMTP server and marks it sent', async () => {
    const mailer = createMailer(db, { smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Mantelkring <noreply@test.nl>' });
    await mailer.enqueue(db, { to: 'ontvanger@example.nl', subject: 'Bevestig uw e-mailadres', text: 'Hallo, dit is een test.' });
    expect(await mailer.deliverPending()).toBe(1);
    expect(received.at(-1)?.to).toEqual(['ontvanger@example.nl']);
    expect(received.at(-1)?.data).toMatch(/Subject: Bevestig uw e-mailadres/);
    const { rows } = await db.query<{ sent_at: Date | null }>("select sent_at from outbox where to_address = 'ontvanger@example.nl'");
    expect(rows[0]?.sent_at).toBeInstanceOf(Date);
    expect(await mailer.deliverPending()).toBe(0);
    mailer.stop();
  });

  it('keeps a refused message in the outbox with the error, for a later retry', async () => {
    const mailer = createMailer(db, { smtpUrl: `smtp://127.0.0.1:${port}`, from: 'noreply@test.nl' });
    refuse = true;
    await mailer.enqueue(db, { to: 'later@example.nl', subject: 'Later', text: 'Opnieuw proberen' });
    expect(await mailer.deliverPending()).toBe(0);
    const { rows } = await db.query<{ sent_at: Date | null; last_error: string | null; attempts: number }>("select sent_at, last_error, attempts from outbox where to_address = 'later@example.nl'");
    expect(rows[0]).toMatchObject({ sent_at: null, attempts: 1 });
    expect(rows[0]?.last_error).toMatch(/mailbox unavailable/);
    refuse = false;
    expect(await mailer.deliverPending()).toBe(1);
    mailer.stop();
  });
});
