import { beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../db/connect.ts';
import type { Db } from '../db/types.ts';
import { DEFAULT_SCHEDULES } from '../domain/burden-schedule.ts';
import { dutchDate } from '../domain/dates.ts';
import { openTestDb, TEST_PG_URL } from '../../test/support/engines.ts';
import { createTestApp, createTestUser, totpFor, useForSuite, type TestApp } from '../../test/support/harness.ts';
import { BURDEN_JOBS } from './modules/burden/jobs.ts';
import { checkReminderMail } from './modules/burden/mails.ts';
import { runBurdenReminders } from './modules/burden/reminders.ts';
import { advanceSchedule, insertScheduleIfMissing } from './modules/burden/schedules.queries.ts';
import { generateScale } from './modules/scale/generate.ts';
import type { Mailer } from './platform/mail.ts';
import type { Services } from './platform/context.ts';
import { createJobRunner, type JobDefinition, type JobRunner } from './platform/jobs.ts';
import { PLATFORM_JOBS } from './platform/maintenance.ts';
import { SESSION_COOKIE } from './platform/sessions.ts';
import { accountDelaySeconds, LOGIN_LIMITS } from './platform/throttle.ts';

/**
 * Issue 15, point 4: two app instances, each with its own connection pool, mailer, job runner
 * and instance id, listening on their own ports, against one PostgreSQL database. Sessions,
 * login throttling and the scheduled reminders behave as one system.
 */

const PASSWORD = 'Twee-servers-een-database-15';
/** Caregivers with a due check-in: several of the reminder job's batches (today 100). */
const CAREGIVERS = 300;
/** Rounds a test gives the instances to remind everyone due (a job may work in bounded batches). */
const MAX_ROUNDS = 40;
const DAY = 86_400_000;
/** The one-question check-in, monthly (as in DEFAULT_SCHEDULES). */
const CHECK_IN = { instrumentKey: 'self-rated-burden', intervalMonths: 1 };
const REMINDER_SUBJECT = checkReminderMail({ to: '', givenName: '', instrumentTitle: '', clientId: '', publicUrl: '' }).subject;
/** The reminder job as boot.ts runs it, and how often it comes round. */
const REMINDERS_JOB = BURDEN_JOBS.find((j) => j.name === 'burden-reminders');
const REMINDERS_EVERY_MS = REMINDERS_JOB?.everyMs ?? 60 * 60_000;
/** How long an instance may wait for the other to get past rows it holds locked; only a blocked instance takes this long. */
const OVERLAP_DEADLINE_MS = 30_000;

/**
 * One clock for both instances (as NTP keeps real servers in step). It stands still until a
 * test moves it, so a throttle's one-second wait cannot run out on a busy machine.
 */
const clock = {
  at: Date.now(),
  now: () => new Date(clock.at),
  advance: (ms: number) => {
    clock.at += ms;
  },
};

/** Every run of a job on either instance, in this process's monotonic time. */
const jobRuns: { job: string; instance: string; start: number; end: number }[] = [];

/** A job as given, recording when it ran and where. */
function watched(instance: string, job: JobDefinition): JobDefinition {
  return {
    ...job,
    async run(services, now) {
      const start = performance.now();
      try {
        return await job.run(services, now);
      } finally {
        jobRuns.push({ job: job.name, instance, start, end: performance.now() });
      }
    },
  };
}

interface Instance extends TestApp {
  name: string;
  /** The address it listens on, e.g. http://127.0.0.1:40123. */
  base: string;
  runner: JobRunner;
}

/** An app instance on its own pool `db`, with the jobs that boot.ts runs, listening on a free port. */
async function startInstance(name: string, db: Db): Promise<Instance> {
  const t = await createTestApp('postgresql', db);
  // The app and its use cases read services.now at each call: from here on, the shared clock.
  t.services.now = clock.now;
  const runner = createJobRunner(t.services, [...PLATFORM_JOBS, ...BURDEN_JOBS].map((job) => watched(name, job)), { instanceId: `instance-${name}` });
  const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return { ...t, advance: clock.advance, name, base, runner };
}

/** A second, separate connection pool on the database of `db` (openTestDb names a new database on MK_TEST_DATABASE_URL). */
async function secondPool(db: Db): Promise<Db> {
  if (!TEST_PG_URL) throw new Error('MK_TEST_DATABASE_URL is not set');
  const { rows } = await db.query<{ name: string }>('select current_database() as name');
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${rows[0]?.name ?? ''}`;
  return openPostgres(url.toString());
}

interface Answer {
  status: number;
  json: Record<string, unknown>;
  /** The session cookie set by the answer, ready for a `cookie` header. */
  cookie?: string;
}

/** A real HTTP request to an instance. */
async function call(on: Instance, method: 'GET' | 'POST', path: string, options: { cookie?: string; body?: object } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.body) headers['content-type'] = 'application/json';
  const res = await fetch(new URL(path, on.base), { method, headers, body: options.body ? JSON.stringify(options.body) : undefined });
  const text = await res.text();
  const token = res.headers
    .getSetCookie()
    .map((c) => new RegExp(`^${SESSION_COOKIE}=([^;]+)`).exec(c)?.[1])
    .find((v) => v !== undefined);
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {}, ...(token ? { cookie: `${SESSION_COOKIE}=${token}` } : {}) };
}

const loginOn = (on: Instance, body: { email: string; password: string; totp?: string }) => call(on, 'POST', '/api/auth/login', { body });

/** A mailer that calls `before` first (and may wait there) and `after` once the mail is written. */
function hookedMailer(mailer: Mailer, hooks: { before: () => Promise<void>; after: () => void }): Mailer {
  return {
    ...mailer,
    async enqueue(db, mail) {
      await hooks.before();
      await mailer.enqueue(db, mail);
      hooks.after();
    },
  };
}

/** Resolves with `promise`, or rejects with `message` after `ms`. */
async function within(promise: Promise<void>, ms: number, message: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * runBurdenReminders on each instance at once, without the job runner, made to overlap: the
 * first instance to write a reminder mail stops right there (inside its transaction, its
 * claimed schedules still locked) until another instance has written a mail or finished. That
 * other can only do so by skipping the locked rows; if it waited for their locks instead, the
 * round fails with a clear message rather than hanging.
 */
async function overlappingReminderRuns(instances: Instance[]): Promise<{ instance: string; sent: number }[]> {
  let holder: string | undefined;
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const others = (name: string) => holder !== undefined && holder !== name;
  return Promise.all(
    instances.map(async (on) => {
      const mailer = hookedMailer(on.services.mailer, {
        before: async () => {
          if (holder !== undefined) return;
          holder = on.name;
          await within(released, OVERLAP_DEADLINE_MS, `instance ${on.name} held due schedules locked and the other instance could not get past them: are they claimed with SKIP LOCKED?`);
        },
        after: () => {
          if (others(on.name)) release();
        },
      });
      const services: Services = { ...on.services, mailer };
      try {
        return { instance: on.name, ...(await runBurdenReminders(services)) };
      } finally {
        if (holder !== on.name) release();
      }
    }),
  );
}

describe.skipIf(!TEST_PG_URL)(
  TEST_PG_URL ? 'scale-out: two app instances on one PostgreSQL' : 'scale-out: two app instances on one PostgreSQL (skipped: needs MK_TEST_DATABASE_URL, two instances cannot share one PGlite)',
  () => {
    const both = useForSuite(
      async () => {
        const db = await openTestDb('postgresql');
        const a = await startInstance('A', db);
        const b = await startInstance('B', await secondPool(db));
        return { a, b };
      },
      async ({ a, b }) => {
        await b.close();
        // A's pool is the one from openTestDb: closing it drops the database.
        await a.close();
      },
    );

    it('runs as two servers with their own pools on one database', async () => {
      const { a, b } = both;
      expect(a.base).not.toBe(b.base);
      expect(a.db).not.toBe(b.db);
      for (const on of [a, b]) expect(await call(on, 'GET', '/api/health')).toMatchObject({ status: 200, json: { database: 'postgresql' } });
      const [onA, onB] = await Promise.all([a, b].map(async (on) => (await on.db.query<{ db: string }>('select current_database() as db')).rows[0]?.db));
      expect(onA).toBe(onB);
    });

    it('shares sessions: a login with TOTP on A works on B, its code is spent on B too, and a logout on B ends it on A', async () => {
      const { a, b } = both;
      const email = 'gedeeld@example.nl';
      await createTestUser(a.db, { email, password: PASSWORD, totp: true });
      const totp = await totpFor(a, email);
      const login = await loginOn(a, { email, password: PASSWORD, totp });
      expect(login.status, JSON.stringify(login.json)).toBe(200);
      const cookie = login.cookie;
      expect(cookie).toBeDefined();
      expect(await call(b, 'GET', '/api/me', { cookie })).toMatchObject({ status: 200, json: { email, mfa: { enabled: true, verified: true } } });
      // The code A accepted cannot be used again on B.
      expect(await loginOn(b, { email, password: PASSWORD, totp })).toMatchObject({ status: 401, json: { code: 'totp_invalid', messageKey: 'totp_code_used' } });
      expect((await call(b, 'POST', '/api/auth/logout', { cookie, body: {} })).status).toBe(204);
      for (const on of [a, b]) expect(await call(on, 'GET', '/api/me', { cookie }), on.name).toMatchObject({ status: 401, json: { code: 'not_authenticated' } });
    });

    it('counts failed logins on A and B together: past the limit both refuse even the right password', async () => {
      const { a, b } = both;
      const email = 'geraden@example.nl';
      await createTestUser(a.db, { email, password: PASSWORD });
      // Alternating, neither instance sees the limit by itself.
      const free = LOGIN_LIMITS.freePerAccount;
      expect(Math.ceil(free / 2)).toBeLessThan(free);
      for (let i = 0; i < free; i++) {
        const res = await loginOn(i % 2 === 0 ? a : b, { email, password: `Fout-wachtwoord-${i}` });
        expect(res, `failure ${i + 1}`).toMatchObject({ status: 401, json: { code: 'invalid_credentials' } });
      }
      const seconds = accountDelaySeconds(free);
      for (const on of [a, b]) {
        const res = await loginOn(on, { email, password: PASSWORD });
        expect(res, on.name).toMatchObject({ status: 429, json: { code: 'too_many_attempts', messageKey: 'login_wait', params: { seconds } } });
      }
      // After the wait the owner gets in on either one; that clears the count for both.
      clock.advance(seconds * 1000);
      expect((await loginOn(b, { email, password: PASSWORD })).status).toBe(200);
      expect(await loginOn(a, { email, password: 'Fout-wachtwoord-na' })).toMatchObject({ status: 401, json: { code: 'invalid_credentials' } });
    });

    describe('scheduled reminders, each sent exactly once', () => {
      /** The caregivers with a check-in schedule: member id and address. */
      let caregivers: { member_id: string; email: string }[] = [];

      beforeAll(async () => {
        const { a } = both;
        await generateScale(a.db, { caregivers: CAREGIVERS, seed: 15, now: clock.now(), chunk: 100 });
        // One check-in schedule per caregiver, due today.
        await a.db.query('delete from burden_schedules');
        const { rows } = await a.db.query<{ member_id: string; client_id: string; tenant_key: string; email: string }>(
          `select m.id as member_id, m.client_id, m.tenant_key, u.email from circle_members m join users u on u.id = m.user_id
           where m.kind = 'caregiver' and m.left_at is null and u.disabled_at is null order by u.email`,
        );
        caregivers = rows;
        for (const r of rows) {
          await insertScheduleIfMissing(a.db, { tenantKey: r.tenant_key, clientId: r.client_id, memberId: r.member_id, ...CHECK_IN, nextDueOn: dutchDate(clock.now()), now: clock.now() });
        }
      }, 180_000);

      /** Enabled schedules due today that have no reminder for their due date. */
      async function unsent(): Promise<number> {
        const { rows } = await both.a.db.query<{ n: number }>(
          `select count(*)::int as n from burden_schedules s where s.enabled and s.next_due_on <= $1::date
             and not exists (select 1 from burden_reminders r where r.schedule_id = s.id and r.due_on = s.next_due_on)`,
          [dutchDate(clock.now())],
        );
        return rows[0]?.n ?? 0;
      }

      /** Runs rounds (the clock moving on by the job's interval after each) until no due schedule is left unreminded; answers the number of rounds. */
      async function roundsUntilReminded(round: (n: number) => Promise<unknown>): Promise<number> {
        for (let n = 1; n <= MAX_ROUNDS; n++) {
          await round(n);
          if ((await unsent()) === 0) return n;
          clock.advance(REMINDERS_EVERY_MS);
        }
        throw new Error(`${await unsent()} due schedules still without a reminder after ${MAX_ROUNDS} rounds`);
      }

      /** Every caregiver completes the check-in today; the clock moves on until the next one is due. */
      async function nextDueDate(): Promise<void> {
        for (const c of caregivers) await advanceSchedule(both.a.db, { memberId: c.member_id, instrumentKey: CHECK_IN.instrumentKey, completedOn: dutchDate(clock.now()), now: clock.now() });
        clock.advance(32 * DAY);
        expect(await unsent()).toBe(caregivers.length);
      }

      /** Each schedule has exactly one reminder for its current due date; each caregiver has `mails` reminder mails, none has more. */
      async function expectRemindedOnce(mails: number): Promise<void> {
        const { db } = both.a;
        const { rows: wrong } = await db.query<{ id: string; n: number }>(
          `select s.id, count(r.schedule_id)::int as n from burden_schedules s
           left join burden_reminders r on r.schedule_id = s.id and r.due_on = s.next_due_on group by s.id having count(r.schedule_id) <> 1`,
        );
        expect(wrong).toEqual([]);
        const reminders = await db.query<{ n: number }>('select count(*)::int as n from burden_reminders');
        expect(reminders.rows[0]?.n).toBe(caregivers.length * mails);
        const { rows } = await db.query<{ to_address: string; n: number }>('select to_address, count(*)::int as n from outbox where subject = $1 group by to_address', [REMINDER_SUBJECT]);
        expect(Object.fromEntries(rows.map((r) => [r.to_address, r.n]))).toEqual(Object.fromEntries(caregivers.map((c) => [c.email, mails])));
      }

      it('has every generated caregiver due, in several batches', async () => {
        expect(REMINDERS_JOB).toBeDefined();
        expect(DEFAULT_SCHEDULES).toContainEqual(CHECK_IN);
        expect(caregivers).toHaveLength(CAREGIVERS);
        expect(new Set(caregivers.map((c) => c.email)).size).toBe(CAREGIVERS);
        expect(await unsent()).toBe(CAREGIVERS);
      });

      it('through both job runners at once: one reminder per due date, also when the job comes round again; no job runs twice at a time', async () => {
        const { a, b } = both;
        const runnersRound = () => Promise.all([a.runner.runDue(), b.runner.runDue()]);
        await roundsUntilReminded(runnersRound);
        await expectRemindedOnce(1);

        // The job comes round again, on either instance: nothing new is due, nothing is sent.
        const remindersRuns = () => jobRuns.filter((r) => r.job === REMINDERS_JOB?.name).length;
        for (let n = 0; n < 3; n++) {
          clock.advance(REMINDERS_EVERY_MS);
          const before = remindersRuns();
          await runnersRound();
          expect(remindersRuns()).toBe(before + 1);
        }
        await expectRemindedOnce(1);

        // Everyone did the check-in; a month later the next one is due and reminded once.
        await nextDueDate();
        await roundsUntilReminded(runnersRound);
        await expectRemindedOnce(2);

        // The jobs table agrees with what ran: every claim ran once, no lease is left, no error.
        const { rows } = await a.db.query<{ name: string; runs: number; locked_by: string | null; last_error: string | null }>('select name, runs, locked_by, last_error from jobs');
        const names = [...PLATFORM_JOBS, ...BURDEN_JOBS].map((j) => j.name);
        expect(Object.fromEntries(rows.map(({ name, ...row }) => [name, row]))).toEqual(
          Object.fromEntries(names.map((name) => [name, { runs: jobRuns.filter((r) => r.job === name).length, locked_by: null, last_error: null }])),
        );
        // And no two runs of one job overlapped in time, whichever instance ran them.
        for (const name of names) {
          const runs = jobRuns.filter((r) => r.job === name).sort((x, y) => x.start - y.start);
          runs.slice(1).forEach((run, i) => expect(run.start, `${name}: run on ${run.instance} started before the one on ${runs[i]?.instance} ended`).toBeGreaterThanOrEqual(runs[i]?.end ?? 0));
        }
      }, 120_000);

      it('runBurdenReminders on both instances at once, overlapping, without the runner: SKIP LOCKED and the primary key alone keep it to one reminder', async () => {
        const { a, b } = both;
        await nextDueDate();
        let sent = 0;
        await roundsUntilReminded(async (n) => {
          const results = n === 1 ? await overlappingReminderRuns([a, b]) : await Promise.all([runBurdenReminders(a.services), runBurdenReminders(b.services)]);
          sent += results.reduce((sum, r) => sum + r.sent, 0);
        });
        await expectRemindedOnce(3);
        expect(sent).toBe(caregivers.length);
      }, 120_000);
    });
  },
);
