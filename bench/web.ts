/**
 * `npm run bench:web`: the web step of the benchmark (issue 15). Builds the web app, reports
 * the gzip size of the JavaScript and CSS each route loads (from Vite's manifest), and runs
 * Lighthouse on the main pages against the real app with demo data, in Debian's Chromium.
 *
 *   npm run bench:web -- [--smoke] [--runs 3] [--desktop]
 *
 * --smoke: the bundle report only (no server, no Lighthouse), fast, for CI.
 * --runs N: Lighthouse runs per page, the median by performance is reported (default 3).
 * --desktop: Lighthouse's desktop form factor too (mobile, the stricter one, always runs).
 *
 * The build goes to its own folder under bench/.data/web-<pid>/ (not dist/web, which other
 * runs rebuild at any moment), the server gets a throwaway PGlite directory beside it; both
 * are removed at the end. Results: bench/results/<date>-web.{json,md}. Missed targets are
 * reported, not failed: the exit code is non-zero only when something could not be measured.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
// chrome-launcher comes with lighthouse (its own dependency, at the version lighthouse expects).
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Flags } from 'lighthouse';
import { ROUTES } from '../src/common/paths.ts';
import { DEMO_PASSWORD } from '../src/server/modules/demo/seed.ts';
import { medianRun, missedWebTargets, routePages, routeSizes, webMarkdown, type Manifest, type PageScore } from './web-report.ts';

const { values } = parseArgs({ options: { smoke: { type: 'boolean', default: false }, runs: { type: 'string', default: '3' }, desktop: { type: 'boolean', default: false } } });
const RUNS = Number(values.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs must be a whole number of at least 1.');
const ROOT = path.resolve(import.meta.dirname, '..');
const WORK = path.join(ROOT, 'bench', '.data', `web-${process.pid}`);
const OUT = path.join(WORK, 'web');
const CHROMIUM = process.env.MK_CHROMIUM ?? '/usr/bin/chromium';

/**
 * The pages Lighthouse measures, as a person reaches them; `as` logs in first (a demo account
 * of the README). The support directory (issue 17) is one more line here when it lands.
 */
const PAGES: { name: string; path: string; as?: string }[] = [
  { name: 'login', path: ROUTES.login },
  { name: 'register', path: ROUTES.register },
  { name: 'caregiver home', path: ROUTES.home, as: 'mantelzorger@demo.mantelkring.nl' },
];
const NOT_MEASURED = [{ name: 'directory page', reason: 'the support directory is issue 17; its page joins PAGES in bench/web.ts when it lands.' }];

const log = (message: string) => console.log(`[bench:web] ${message}`);

/** Builds the web app into OUT and reads its manifest and the gzip size of every output file. */
function buildAndMeasure(): { manifest: Manifest; gzipBytes: Record<string, number> } {
  log('building the web app…');
  execFileSync('npm', ['run', 'build:web', '--silent', '--', '--outDir', OUT, '--emptyOutDir'], { cwd: ROOT, stdio: 'inherit' });
  const manifest = JSON.parse(fs.readFileSync(path.join(OUT, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const files = new Set(Object.values(manifest).flatMap((c) => [c.file, ...(c.css ?? [])]));
  const gzipBytes = Object.fromEntries([...files].map((f) => [f, gzipSync(fs.readFileSync(path.join(OUT, f))).length]));
  return { manifest, gzipBytes };
}

/** Starts src/server/main.ts on a new PGlite directory with demo data; resolves once it listens. */
async function startApp(): Promise<{ child: ChildProcess; base: string }> {
  const env = { ...process.env, DATABASE_URL: '', MK_DATA_DIR: path.join(WORK, 'db'), MK_WEB_DIR: OUT, PORT: '0', MK_HOST: '127.0.0.1', MK_LOG_LEVEL: 'warn' };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start in 300 s:\n${output.slice(-2000)}`)), 300_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready on (http:\/\/\S+)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve((ready[1] as string).replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the app exited (${code}):\n${output.slice(-2000)}`)));
  });
  // Keep draining its output so a full pipe never stalls it.
  child.stdout?.removeAllListeners('data').resume();
  child.stderr?.removeAllListeners('data').resume();
  child.removeAllListeners('exit');
  return { child, base };
}

/** Ends the app server and waits until it has gone. */
async function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

/** Logs in through the API and returns the session cookie (`name=value`). */
async function sessionCookie(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 200 || !cookie) throw new Error(`login of ${email} failed: ${res.status} ${await res.text()}`);
  return cookie;
}

/** One Lighthouse run of one page, as the scores we report. */
async function lighthouseRun(port: number, page: (typeof PAGES)[number], url: string, cookie: string | null, formFactor: PageScore['formFactor']): Promise<PageScore> {
  const flags: Flags = { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'], ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}) };
  const config: Config | undefined = formFactor === 'desktop' ? desktopConfig : undefined;
  const result = await lighthouse(url, flags, config);
  if (!result) throw new Error(`Lighthouse gave no result for ${url}.`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const accessibilityFailures = (lhr.categories.accessibility?.auditRefs ?? [])
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
    .map((a) => `${a?.id}: ${a?.title}`);
  return {
    page: page.name,
    url: new URL(url).pathname,
    formFactor,
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    benchmarkIndex: lhr.environment.benchmarkIndex,
    accessibilityFailures,
  };
}

/** Lighthouse on every page of PAGES, RUNS times each, in each form factor; the median runs. */
async function measurePages(): Promise<PageScore[]> {
  const app = await startApp();
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox'] });
  try {
    const scores: PageScore[] = [];
    for (const page of PAGES) {
      const cookie = page.as ? await sessionCookie(app.base, page.as) : null;
      for (const formFactor of values.desktop ? (['mobile', 'desktop'] as const) : (['mobile'] as const)) {
        const runs: PageScore[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await lighthouseRun(chrome.port, page, `${app.base}${page.path}`, cookie, formFactor));
        const median = medianRun(runs);
        log(`${page.name} (${formFactor}): performance ${runs.map((r) => r.performance).join(', ')}; accessibility ${median.accessibility}`);
        scores.push(median);
      }
    }
    return scores;
  } finally {
    chrome.kill();
    await stopApp(app.child);
  }
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  try {
    const { manifest, gzipBytes } = buildAndMeasure();
    const pages = routePages(fs.readFileSync(path.join(ROOT, 'src', 'web', 'App.tsx'), 'utf8'), Object.keys(ROUTES));
    const sizes = routeSizes(manifest, ROUTES, pages, gzipBytes);
    const scores = values.smoke ? [] : await measurePages();
    let commit = 'unknown';
    try {
      commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    } catch {
      /* not a git checkout */
    }
    const info = { startedAt, machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`, commit, runs: values.smoke ? 0 : RUNS };
    const notMeasured = values.smoke ? [{ name: 'Lighthouse', reason: 'skipped (--smoke).' }, ...NOT_MEASURED] : NOT_MEASURED;
    const text = webMarkdown(info, sizes, scores, notMeasured);
    const dir = path.join(ROOT, 'bench', 'results');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${startedAt.slice(0, 10)}-web${values.smoke ? '-smoke' : ''}`);
    fs.writeFileSync(`${file}.json`, `${JSON.stringify({ ...info, sizes, scores, missed: missedWebTargets(sizes, scores), notMeasured }, null, 2)}\n`);
    fs.writeFileSync(`${file}.md`, text);
    console.log(`\n${text}`);
    log(`written ${path.relative(ROOT, file)}.{json,md}`);
  } finally {
    fs.rmSync(WORK, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error('[bench:web]', error instanceof Error ? error.message : error);
  process.exit(1);
});
