import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createMailer } from '../../src/server/platform/mail.ts';
import type { Services } from '../../src/server/platform/context.ts';
import type { Db } from '../../src/db/types.ts';
import { openTestDb, type Engine } from './engines.ts';
import { hashPassword } from '../../src/server/platform/passwords.ts';
import { insertUser } from '../../src/server/modules/accounts/queries.ts';

/** A test app on a fresh database, with a movable clock. */
export interface TestApp {
  app: FastifyInstance;
  services: Services;
  db: Db;
  /** Moves the clock forward. */
  advance(ms: number): void;
  close(): Promise<void>;
}

export async function createTestApp(engine: Engine, db?: Db, env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const database = db ?? (await openTestDb(engine));
  let offset = 0;
  const config = loadConfig({ MK_DEMO: 'false', MK_DATA_DIR: '/nonexistent', MK_WEB_DIR: '/nonexistent', ...env });
  const services: Services = { db: database, config, mailer: createMailer(database, { from: config.mailFrom }), now: () => new Date(Date.now() + offset) };
  const app = await buildApp(services);
  await app.ready();
  return {
    app,
    services,
    db: database,
    advance(ms) {
      offset += ms;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** The session cookie from a login response, ready for a `cookie` header. */
export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'mk_session');
  if (!cookie) throw new Error(`no session cookie (status ${response.statusCode}: ${response.body})`);
  return `mk_session=${cookie.value}`;
}

/** The newest outbox mail to an address. */
export async function lastMailTo(db: Db, to: string): Promise<{ subject: string; body_text: string } | undefined> {
  const { rows } = await db.query<{ subject: string; body_text: string }>('select subject, body_text from outbox where to_address = $1 order by created_at desc limit 1', [to]);
  return rows[0];
}

/** Pulls the token out of a link in a mail body. */
export function tokenFromMail(body: string): string {
  const match = /token=([A-Za-z0-9_-]+)/.exec(body);
  if (!match?.[1]) throw new Error(`no token in mail: ${body}`);
  return match[1];
}

/** TOTP secret of test accounts that use two-step login. */
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

/** A verified test account with a password, optionally with TOTP on and as platform admin. */
export async function createTestUser(
  db: Db,
  input: { email: string; password: string; displayName?: string; totp?: boolean; admin?: boolean; personas?: string[] },
): Promise<string> {
  const id = await insertUser(db, {
    email: input.email,
    displayName: input.displayName ?? input.email.split('@')[0] ?? input.email,
    passwordHash: await hashPassword(input.password),
    personas: input.personas ?? [],
    locale: 'nl',
    municipalityCode: null,
    verified: true,
    isPlatformAdmin: input.admin,
  });
  if (input.totp) await db.query('update users set totp_secret = $2, totp_enabled_at = now() where id = $1', [id, TEST_TOTP_SECRET]);
  return id;
}
