import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildApp, type AppOptions } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createMailer } from '../../src/server/platform/mail.ts';
import type { Services } from '../../src/server/platform/context.ts';
import type { Db } from '../../src/db/types.ts';
import { openTestDb, type Engine } from './engines.ts';
import { hashPassword } from '../../src/server/platform/passwords.ts';
import { insertUser } from '../../src/server/modules/accounts/queries.ts';
import { currentTotp, TOTP_STEP_MS, totpStep } from '../../src/server/platform/totp.ts';

/** A test app on a fresh database, with a movable clock. */
export interface TestApp {
  app: FastifyInstance;
  services: Services;
  db: Db;
  /** Moves the clock forward. */
  advance(ms: number): void;
  close(): Promise<void>;
}

export async function createTestApp(engine: Engine, db?: Db, env: NodeJS.ProcessEnv = {}, appOptions: AppOptions = {}): Promise<TestApp> {
  const database = db ?? (await openTestDb(engine));
  let offset = 0;
  const config = loadConfig({ MK_DEMO: 'false', MK_DATA_DIR: '/nonexistent', MK_WEB_DIR: '/nonexistent', ...env });
  const services: Services = { db: database, config, mailer: createMailer(database, { from: config.mailFrom }), now: () => new Date(Date.now() + offset) };
  const app = await buildApp(services, appOptions);
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

/**
 * Starts something before the tests of the enclosing suite and stops it after them (vitest's
 * beforeAll/afterAll). The answer stands for what was started: read its fields in hooks and
 * tests, not while the suite is declared. Further beforeAll hooks of the suite run after it.
 */
export function useForSuite<T extends object>(start: () => Promise<T>, stop: (started: T) => Promise<void>): T {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
  });
  afterAll(async () => {
    if (started) await stop(started);
  });
  return new Proxy({} as T, {
    get(_, key) {
      if (!started) throw new Error(`read ${String(key)} in a hook or test: it is started in beforeAll`);
      const value: unknown = Reflect.get(started, key);
      return typeof value === 'function' ? value.bind(started) : value;
    },
  });
}

/** A test app (see createTestApp) for the tests of the enclosing suite: `useTestApp(engine)`. */
export function useTestApp(engine: Engine, env?: NodeJS.ProcessEnv): TestApp;
/** The same for an app made another way, e.g. `useTestApp(() => createFhirTestApp(engine))`. */
export function useTestApp(start: () => Promise<TestApp>): TestApp;
export function useTestApp(from: Engine | (() => Promise<TestApp>), env?: NodeJS.ProcessEnv): TestApp {
  return useForSuite(typeof from === 'function' ? from : () => createTestApp(from, undefined, env), (t) => t.close());
}

/** A fresh migrated database (see openTestDb) for the tests of the enclosing suite. */
export function useTestDb(engine: Engine): Db {
  return useForSuite(() => openTestDb(engine), (db) => db.close());
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

/**
 * A TOTP code that the server accepts now for a user with 2FA on, made with the test clock.
 * The server accepts a code once per 30 s step (replay protection) and also accepts the
 * next step's code (clock drift). So: the current step's code when it is unused; else the
 * next step's code; only when that one is used too does the test clock move forward (to the
 * step before the next unused one).
 */
export async function totpFor(t: TestApp, email: string): Promise<string> {
  const { rows } = await t.db.query<{ totp_secret: string | null; totp_last_step: number | null }>('select totp_secret, totp_last_step from users where lower(email) = lower($1)', [email]);
  const user = rows[0];
  if (!user?.totp_secret) throw new Error(`no TOTP secret for ${email}`);
  const now = t.services.now();
  const last = user.totp_last_step;
  if (last === null || last < totpStep(now)) return currentTotp(user.totp_secret, now);
  if (last > totpStep(now)) t.advance(last * TOTP_STEP_MS - now.getTime() + 1);
  return currentTotp(user.totp_secret, new Date((last + 1) * TOTP_STEP_MS));
}

/**
 * Logs in through the API and returns the response; for an account with 2FA on it sends a
 * fresh TOTP code (see totpFor) unless `totp` is given. Use sessionCookie() on the result.
 */
export async function login(t: TestApp, email: string, password: string, options: { totp?: string } = {}): Promise<LightMyRequestResponse> {
  const { rows } = await t.db.query<{ totp: boolean }>('select totp_enabled_at is not null as totp from users where lower(email) = lower($1)', [email]);
  const totp = options.totp ?? (rows[0]?.totp ? await totpFor(t, email) : undefined);
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password, ...(totp ? { totp } : {}) } });
}

/**
 * Test accounts by key: `<key>@example.nl` with one password, made verified with
 * createTestUser; `users` holds their ids and `cookies` their session cookies once logged in
 * (with a fresh TOTP code for an account with 2FA, see login()).
 */
export function testAccounts(t: TestApp, password: string) {
  const users: Record<string, string> = {};
  const cookies: Record<string, string> = {};
  const email = (key: string) => `${key}@example.nl`;
  return {
    users,
    cookies,
    async create(key: string, options: { totp?: boolean; admin?: boolean; displayName?: string } = {}): Promise<string> {
      const id = await createTestUser(t.db, { email: email(key), displayName: options.displayName ?? key, password, totp: options.totp, admin: options.admin });
      users[key] = id;
      return id;
    },
    async login(key: string): Promise<void> {
      cookies[key] = sessionCookie(await login(t, email(key), password));
    },
  };
}

/**
 * Starts a circle through the API (the caller becomes its first member) and adds people to it,
 * each answered 201. Answers the client's id, the starter's member id and the others' by key.
 */
export async function createTestCircle(
  as: ReturnType<typeof requestsAs>,
  start: object,
  add: Record<string, object> = {},
): Promise<{ clientId: string; starter: string; members: Record<string, string> }> {
  const started = await as.post('/api/circles', start);
  expect(started.statusCode, started.body).toBe(201);
  const clientId: string = started.json().client.id;
  const members: Record<string, string> = {};
  for (const [key, body] of Object.entries(add)) {
    const res = await as.post(`/api/circles/${clientId}/members`, body);
    expect(res.statusCode, `${key}: ${res.body}`).toBe(201);
    members[key] = res.json().id;
  }
  return { clientId, starter: started.json().myAccess.memberId, members };
}

/** Requests to a test app as the holder of a session cookie (or with no cookie). */
export function requestsAs(app: FastifyInstance, cookie: string | undefined) {
  const headers = cookie ? { cookie } : {};
  return {
    get: (url: string) => app.inject({ url, headers }),
    post: (url: string, payload: object) => app.inject({ method: 'POST', url, payload, headers }),
    patch: (url: string, payload: object) => app.inject({ method: 'PATCH', url, payload, headers }),
    put: (url: string, payload: object) => app.inject({ method: 'PUT', url, payload, headers }),
    del: (url: string) => app.inject({ method: 'DELETE', url, headers }),
  };
}
