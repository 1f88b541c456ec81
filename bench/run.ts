/**
 * `npm run bench`: the app under load at a chosen scale, against a bare baseline measured in
 * the same run (bench/baseline.ts), with the targets of issue 15.
 *
 *   npm run bench -- [--caregivers 10000] [--engine postgresql|pglite] [--duration 10]
 *                    [--connections 50] [--only home,list] [--database-url postgres://…] [--label after] [--profile dir]
 *
 * PostgreSQL: give a server with --database-url or MK_BENCH_DATABASE_URL; the harness makes
 * (once) and reuses a database `mk_bench_<caregivers>` filled by the scale generator.
 * PGlite: a data directory bench/.data/pglite-<caregivers>, made once. Each scenario warms
 * up for 2 s, then autocannon drives it; every response time is kept for exact percentiles,
 * and the server's resident memory is read from /proc while it runs. Results go to
 * bench/results/<date>-<engine>-<caregivers>[-<label>].{json,md}.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import cliProgress from 'cli-progress';
import pg from 'pg';
import { openPglite, openPostgres } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import { syncReferenceData } from '../src/db/reference.ts';
import type { Db } from '../src/db/types.ts';
import { generateScale, SCALE_DOMAIN, SCALE_PASSWORD, SCALE_TOTP_SECRET, scaleEmail } from '../src/server/modules/scale/generate.ts';
import { scaleMarker } from '../src/server/modules/scale/queries.ts';
import { currentTotp } from '../src/server/platform/totp.ts';
import { judge, markdown, statsOf, type Measured, type ScenarioResult, type Target } from './report.ts';

const { values } = parseArgs({
  options: {
    caregivers: { type: 'string', default: '10000' },
    engine: { type: 'string' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string' },
    only: { type: 'string' },
    'database-url': { type: 'string' },
    label: { type: 'string' },
    profile: { type: 'string' },
    smoke: { type: 'boolean', default: false },
  },
});
/**
 * Smoke mode (CI): proves the harness works end to end, measures nothing worth keeping: 200
 * caregivers on a throwaway PGlite, 1 s a scenario, results in a temporary folder; fails when
 * a scenario got no answers or any error.
 */
const SMOKE = values.smoke === true;
const CAREGIVERS = SMOKE ? 200 : Number(values.caregivers);
const SERVER_URL = SMOKE ? undefined : (values['database-url'] ?? process.env.MK_BENCH_DATABASE_URL);
const ENGINE = (SMOKE ? 'pglite' : (values.engine ?? (SERVER_URL ? 'postgresql' : 'pglite'))) as 'postgresql' | 'pglite';
const DURATION = SMOKE ? 1 : Number(values.duration);
const WARMUP = SMOKE ? 1 : 2;
const SMOKE_DIR = SMOKE ? fs.mkdtempSync(path.join(os.tmpdir(), 'mk-bench-smoke-')) : null;
const CONNECTIONS = Number(values.connections ?? (ENGINE === 'pglite' ? 10 : 50));
const ONLY = values.only?.split(',').map((s) => s.trim());
/** Added to the result's file name (e.g. `before`, `after`), so runs of one day do not overwrite each other. */
/** The app server's heap limit in MB, as `npm start` sets it in package.json. */
const APP_HEAP_MB = 128;
/** A folder for CPU profiles (`node --cpu-prof`) of the servers, written when they stop. */
const PROFILE_DIR = values.profile ? path.resolve(values.profile) : null;
const LABEL = values.label?.replace(/[^a-z0-9-]/gi, '');
const ROOT = path.resolve(import.meta.dirname, '..');
const RSS_LIMIT_MB = ENGINE === 'pglite' ? 500 : 300;

if (!Number.isInteger(CAREGIVERS) || CAREGIVERS < 100) throw new Error('--caregivers must be a whole number of at least 100.');
if (ENGINE === 'postgresql' && !SERVER_URL) throw new Error('PostgreSQL needs --database-url or MK_BENCH_DATABASE_URL (a server the harness may create a database on).');

const log = (message: string) => console.log(`[bench] ${message}`);

/** Opens (and the first time fills) the benchmark database; returns how to point a server at it. */
async function prepare(): Promise<{ env: NodeJS.ProcessEnv; db: Db }> {
  let db: Db;
  let env: NodeJS.ProcessEnv;
  if (ENGINE === 'postgresql') {
    const name = `mk_bench_${CAREGIVERS}`;
    const admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount;
    if (!exists) await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(SERVER_URL as string);
    url.pathname = `/${name}`;
    db = await openPostgres(url.toString());
    env = { DATABASE_URL: url.toString() };
  } else {
    const dir = SMOKE_DIR ? path.join(SMOKE_DIR, 'pglite') : path.join(ROOT, 'bench', '.data', `pglite-${CAREGIVERS}`);
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    db = await openPglite(dir);
    env = { MK_DATA_DIR: dir, DATABASE_URL: '' };
  }
  await migrate(db);
  await syncReferenceData(db);
  const marker = await scaleMarker(db);
  if (marker && marker.caregivers !== CAREGIVERS) throw new Error(`The benchmark database holds ${marker.caregivers} caregivers, not ${CAREGIVERS}.`);
  if (!marker) {
    log(`generating ${CAREGIVERS.toLocaleString('en')} caregivers on ${ENGINE}…`);
    const bar = new cliProgress.SingleBar({ format: '[bench] {bar} {value}/{total} caregivers  {eta_formatted} left' }, cliProgress.Presets.shades_classic);
    bar.start(CAREGIVERS, 0);
    const started = Date.now();
    const summary = await generateScale(db, { caregivers: CAREGIVERS, onProgress: (done) => bar.update(done) });
    bar.stop();
    log(`generated ${summary.rows.toLocaleString('en')} rows in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  return { env, db };
}

interface Fixtures {
  caregivers: { email: string; userId: string }[];
  professionals: { email: string; userId: string; organisationId: string }[];
  clients: { organisationId: string; clientId: string }[];
}

/** People and records the scenarios use, read straight from the database before the servers start. */
async function fixtures(db: Db): Promise<Fixtures> {
  const step = Math.max(1, Math.floor(CAREGIVERS / 200));
  const emails = Array.from({ length: Math.min(200, CAREGIVERS) }, (_, i) => scaleEmail.caregiver(1 + i * step));
  const caregivers = (await db.query<{ email: string; id: string }>('select email, id from users where email = any($1)', [emails])).rows.map((r) => ({ email: r.email, userId: r.id }));
  // One professional of each of up to 20 care providers, so the list scenario spans organisations.
  const professionals = (
    await db.query<{ email: string; id: string; organisation_id: string }>(
      `select distinct on (m.organisation_id) u.email, u.id, m.organisation_id
         from users u join memberships m on m.user_id = u.id and m.role = 'professional'
        where u.email like $1
        order by m.organisation_id, u.email
        limit 20`,
      [`professional-%@${SCALE_DOMAIN}`],
    )
  ).rows.map((r) => ({ email: r.email, userId: r.id, organisationId: r.organisation_id }));
  const clients = (
    await db.query<{ organisation_id: string; client_id: string }>(
      `select organisation_id, client_id from (
         select l.organisation_id, l.client_id, row_number() over (partition by l.organisation_id order by l.created_at) as n
           from client_organisation_links l where l.organisation_id = any($1) and l.ended_at is null) x where n <= 10`,
      [professionals.map((p) => p.organisationId)],
    )
  ).rows.map((r) => ({ organisationId: r.organisation_id, clientId: r.client_id }));
  return { caregivers, professionals, clients };
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** Bytes the app server wrote to its log while scenarios ran (its request log). */
let logBytes = 0;

/** Starts a TypeScript entry point as its own Node process and waits for its ready line. */
async function startServer(entry: string, env: NodeJS.ProcessEnv, ready: RegExp): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const profile = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  // The heap limit `npm start` sets (package.json): V8 otherwise grows the heap lazily under
  // load (peak 339–370 MB resident at 1,000,000 caregivers, for a live set far below 100 MB).
  const heap = entry === 'src/server/main.ts' ? [`--max-old-space-size=${APP_HEAP_MB}`] : [];
  const child = spawn(process.execPath, [...heap, ...profile, '--import', 'tsx', entry], { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port), MK_HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start in 120 s:\n${output.slice(-2000)}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${entry} exited (${code}):\n${output.slice(-2000)}`)));
  });
  // Keep draining the server's output (its request log), counting it, so a full pipe never stalls it.
  child.stdout?.removeAllListeners('data');
  child.stderr?.removeAllListeners('data');
  child.stdout?.on('data', (c: Buffer) => (logBytes += c.length));
  child.stderr?.on('data', (c: Buffer) => (logBytes += c.length));
  return { child, base: `http://127.0.0.1:${port}` };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.removeAllListeners('exit');
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

function rssMb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

type Req = { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string };

/** Drives one load: requests are taken round-robin from `next`, every latency is kept. */
async function drive(base: string, pid: number, connections: number, seconds: number, next: () => Req): Promise<Measured> {
  const latenciesMs: number[] = [];
  let peak: number | null = null;
  const sampler = setInterval(() => {
    const now = rssMb(pid);
    if (now !== null) peak = Math.max(peak ?? 0, now);
  }, 200);
  let finish: (result: autocannon.Result) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: base,
      connections,
      duration: seconds,
      requests: [
        {
          setupRequest: (request) => {
            const r = next();
            return { ...request, method: r.method, path: r.path, headers: { ...r.headers, ...(r.body ? { 'content-type': 'application/json' } : {}) }, body: r.body };
          },
        },
      ],
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  instance.on('response', (_client, _status, _bytes, responseTime) => latenciesMs.push(responseTime));
  const result = await done;
  clearInterval(sampler);
  return { requests: result.requests.total, seconds: result.duration, errors: result.errors + result.timeouts, non2xx: result.non2xx, latenciesMs, peakRssMb: peak };
}

const cycle = <T>(items: readonly T[]) => {
  if (items.length === 0) throw new Error('A scenario has nothing to request.');
  let i = 0;
  return () => items[i++ % items.length] as T;
};

async function call(base: string, method: string, url: string, body?: object, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown; cookie: string | null }> {
  const res = await fetch(`${base}${url}`, { method, headers: { ...(body ? { 'content-type': 'application/json' } : {}), origin: base, ...headers }, body: body ? JSON.stringify(body) : undefined });
  const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? null;
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null, cookie };
}

interface Scenario {
  key: string;
  name: string;
  description: string;
  connections: number;
  target: Target;
  app: () => Req;
  baseline: (() => Req) | null;
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const { env, db } = await prepare();
  const fx = await fixtures(db);
  await db.close();
  log(`fixtures: ${fx.caregivers.length} caregivers, ${fx.professionals.length} professionals, ${fx.clients.length} clients`);

  // Sessions are made on the app before the baseline runs, so both phases use the same people.
  const app = await startServer('src/server/main.ts', { ...env, MK_DEMO: 'false', MK_WEB_DIR: path.join(ROOT, 'dist', 'web') }, /ready on/);
  const cookies: string[] = [];
  for (const c of fx.caregivers.slice(0, 100)) {
    const r = await call(app.base, 'POST', '/api/auth/login', { email: c.email, password: SCALE_PASSWORD });
    if (r.status !== 200 || !r.cookie) throw new Error(`login of ${c.email} failed: ${r.status} ${JSON.stringify(r.json)}`);
    cookies.push(r.cookie);
  }
  const pros: { cookie: string; organisationId: string; token: string }[] = [];
  for (const p of fx.professionals) {
    const r = await call(app.base, 'POST', '/api/auth/login', { email: p.email, password: SCALE_PASSWORD, totp: currentTotp(SCALE_TOTP_SECRET) });
    if (r.status !== 200 || !r.cookie) throw new Error(`login of ${p.email} failed: ${r.status} ${JSON.stringify(r.json)}`);
    const token = await call(app.base, 'POST', '/api/me/tokens', { name: 'benchmark' }, { cookie: r.cookie });
    if (token.status !== 201) throw new Error(`token for ${p.email} failed: ${token.status} ${JSON.stringify(token.json)}`);
    pros.push({ cookie: r.cookie, organisationId: p.organisationId, token: (token.json as { token: string }).token });
  }
  const tokenOf = new Map(pros.map((p) => [p.organisationId, p.token]));
  const userOfCookie = new Map(cookies.map((c, i) => [c, (fx.caregivers[i] as { userId: string }).userId]));

  const homeRequests: Req[] = cookies.flatMap((cookie) => [
    { method: 'GET' as const, path: '/api/me', headers: { cookie } },
    { method: 'GET' as const, path: '/api/circles', headers: { cookie } },
    { method: 'GET' as const, path: '/api/burden/me', headers: { cookie } },
  ]);
  const pglite = ENGINE === 'pglite';
  const scenarios: Scenario[] = [
    {
      key: 'login',
      name: 'login',
      description: 'POST /api/auth/login of a caregiver (argon2id check, new session); baseline: the same lookup and password check.',
      connections: Math.min(CONNECTIONS, 10),
      target: {},
      app: (() => {
        const next = cycle(fx.caregivers);
        return () => {
          const c = next();
          return { method: 'POST' as const, path: '/api/auth/login', headers: { origin: app.base }, body: JSON.stringify({ email: c.email, password: SCALE_PASSWORD }) };
        };
      })(),
      baseline: (() => {
        const next = cycle(fx.caregivers);
        return () => ({ method: 'POST' as const, path: '/baseline/login', body: JSON.stringify({ email: next().email, password: SCALE_PASSWORD }) });
      })(),
    },
    {
      key: 'home',
      name: 'caregiver home',
      description: 'what the home page loads: GET /api/me, /api/circles and /api/burden/me for 100 caregivers in turn; baseline: her circles and clients by the member-user index.',
      connections: CONNECTIONS,
      target: pglite ? { p99Ms: 200 } : { minBaselineShare: 0.5, p99Ms: 50 },
      app: cycle(homeRequests),
      baseline: (() => {
        const next = cycle(cookies);
        return () => ({ method: 'GET' as const, path: `/baseline/home/${userOfCookie.get(next())}` });
      })(),
    },
    {
      key: 'list',
      name: 'professional list',
      description: 'GET /api/organisations/{id}/clients?pageSize=50 (caregiver-in-view indicators) for 20 professionals; baseline: 50 linked clients by the link index.',
      connections: CONNECTIONS,
      target: pglite ? { p99Ms: 200 } : { p95Ms: 50 },
      app: cycle(pros.map((p) => ({ method: 'GET' as const, path: `/api/organisations/${p.organisationId}/clients?pageSize=50`, headers: { cookie: p.cookie } }))),
      baseline: cycle(pros.map((p) => ({ method: 'GET' as const, path: `/baseline/clients/${p.organisationId}` }))),
    },
    {
      key: 'fhir',
      name: 'FHIR $everything',
      description: 'GET /fhir/Patient/{id}/$everything with an API token, for up to 10 clients of each professional; baseline: the client\'s network by the member-client index.',
      connections: CONNECTIONS,
      target: pglite ? { p99Ms: 200 } : {},
      app: cycle(fx.clients.map((c) => ({ method: 'GET' as const, path: `/fhir/Patient/${c.clientId}/$everything`, headers: { authorization: `Bearer ${tokenOf.get(c.organisationId)}`, accept: 'application/fhir+json' } }))),
      baseline: cycle(fx.clients.map((c) => ({ method: 'GET' as const, path: `/baseline/everything/${c.clientId}` }))),
    },
  ].filter((s) => !ONLY || ONLY.includes(s.key));
  const skipped = [
    { name: 'directory search', reason: 'the support directory is issue 17; its scenario lands with it.' },
    { name: 'municipality dashboard', reason: 'the dashboards are issue 18; its scenario lands with them.' },
  ];

  const appStats = new Map<string, ReturnType<typeof statsOf>>();
  logBytes = 0;
  const logStart = Date.now();
  for (const s of scenarios) {
    await drive(app.base, app.child.pid as number, s.connections, WARMUP, s.app);
    const m = await drive(app.base, app.child.pid as number, s.connections, DURATION, s.app);
    appStats.set(s.key, statsOf(m));
    log(`app      ${s.name}: ${JSON.stringify(appStats.get(s.key))}`);
  }
  const logMbPerMinute = Math.round((logBytes / 1e6 / ((Date.now() - logStart) / 60_000)) * 10) / 10;
  await stopServer(app.child);

  const baseline = await startServer('bench/baseline.ts', env, /\[baseline\] ready/);
  const results: ScenarioResult[] = [];
  for (const s of scenarios) {
    let base = null;
    if (s.baseline) {
      await drive(baseline.base, baseline.child.pid as number, s.connections, WARMUP, s.baseline);
      base = statsOf(await drive(baseline.base, baseline.child.pid as number, s.connections, DURATION, s.baseline));
      log(`baseline ${s.name}: ${JSON.stringify(base)}`);
    }
    results.push(judge(s.name, s.description, s.connections, appStats.get(s.key) as ReturnType<typeof statsOf>, base, s.target));
  }
  await stopServer(baseline.child);

  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
  } catch {
    /* not a git checkout */
  }
  const info = { startedAt, engine: ENGINE, caregivers: CAREGIVERS, durationSeconds: DURATION, machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`, commit, serverRssLimitMb: RSS_LIMIT_MB };
  const dir = SMOKE_DIR ?? path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${startedAt.slice(0, 10)}-${ENGINE}-${CAREGIVERS}${LABEL ? `-${LABEL}` : ''}`);
  const text = `${markdown(info, results, skipped)}\nServer log written under load: ${logMbPerMinute} MB a minute.\n`;
  fs.writeFileSync(`${file}.json`, `${JSON.stringify({ ...info, logMbPerMinute, results, skipped }, null, 2)}\n`);
  fs.writeFileSync(`${file}.md`, text);
  console.log(`\n${text}`);
  if (!SMOKE_DIR) return log(`written ${path.relative(ROOT, file)}.{json,md}`);
  fs.rmSync(SMOKE_DIR, { recursive: true, force: true });
  const broken = results.filter((r) => r.app.reqPerSec === 0 || r.app.errors > 0 || r.app.non2xx > 0);
  if (broken.length > 0) throw new Error(`smoke: ${broken.map((r) => r.name).join(', ')} got no answers or errors`);
  log('smoke: every scenario answered without errors');
}

main().catch((error: unknown) => {
  console.error('[bench]', error instanceof Error ? error.message : error);
  process.exit(1);
});
