/**
 * The web step of the benchmark (`npm run bench:web`): which chunks each route of the web app
 * loads, read from Vite's build manifest, their gzip sizes, the Lighthouse scores of the main
 * pages, the targets of issue 15 and the Markdown report. Pure, so
 * test/unit/bench-web-report.test.ts checks it alone; bench/web.ts does the building,
 * measuring and writing.
 */

/** One entry of Vite's `.vite/manifest.json` (the fields we use). */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/** Vite's build manifest: entries keyed by source path (relative to the web root) or `_chunk` name. */
export type Manifest = Record<string, ManifestChunk>;

/** Targets of issue 15 for the web app. Sizes in KB of 1000 bytes, as Vite prints them. */
export const WEB_TARGETS = { initialJsKb: 150, performance: 95, accessibility: 100 } as const;

/**
 * Which page module each route renders, read from the source of src/web/App.tsx: its
 * `const X = lazy(() => import('./pages/….tsx'))` lines and its
 * `<Route path={ROUTES.key} element={<X />} />` (or `<Route index …>` for `home`) lines.
 * Module paths are relative to the web root, as the manifest's keys are. Throws when a route
 * of `routeKeys` has no page, so a new way of writing App.tsx cannot drop routes silently.
 */
export function routePages(appSource: string, routeKeys: readonly string[]): Record<string, string> {
  const modules = new Map<string, string>();
  for (const m of appSource.matchAll(/const (\w+) = lazy\(\(\) => import\('\.\/([^']+)'\)\)/g)) modules.set(m[1] as string, m[2] as string);
  const pages: Record<string, string> = {};
  for (const m of appSource.matchAll(/<Route (?:path=\{ROUTES\.(\w+)\}|index) element=\{<(\w+) \/>\}/g)) {
    const module = modules.get(m[2] as string);
    if (module) pages[m[1] ?? 'home'] = module;
  }
  const missing = routeKeys.filter((key) => !(key in pages));
  if (missing.length > 0) throw new Error(`No lazy page found in App.tsx for route(s) ${missing.join(', ')}.`);
  return pages;
}

/** The manifest keys a chunk needs before it runs: itself and its static imports, transitively. */
export function staticClosure(manifest: Manifest, key: string): string[] {
  const seen = new Set<string>();
  const visit = (k: string) => {
    if (seen.has(k)) return;
    const chunk = manifest[k];
    if (!chunk) throw new Error(`The manifest has no entry ${k}.`);
    seen.add(k);
    for (const next of chunk.imports ?? []) visit(next);
  };
  visit(key);
  return [...seen];
}

/** The key of the manifest's one entry chunk (index.html). */
export function entryKey(manifest: Manifest): string {
  const entries = Object.keys(manifest).filter((k) => manifest[k]?.isEntry);
  if (entries.length !== 1) throw new Error(`Expected one entry chunk in the manifest, found ${entries.length}.`);
  return entries[0] as string;
}

/** What one route downloads, in gzip bytes. */
export interface RouteSize {
  route: string;
  pattern: string;
  page: string;
  /** The entry chunk with its static imports: what every page loads first. */
  initialJs: number;
  /** The route's lazy page chunk with its static imports, less what the initial load has. */
  routeJs: number;
  /** Every stylesheet of the initial load and the route's chunks. */
  css: number;
}

const sum = (files: Iterable<string>, gzipBytes: Readonly<Record<string, number>>) => {
  let total = 0;
  for (const file of files) {
    const size = gzipBytes[file];
    if (size === undefined) throw new Error(`No size for ${file}.`);
    total += size;
  }
  return total;
};

/**
 * The gzip size of what each route loads: the initial JavaScript (entry and its static imports),
 * the route's own JavaScript (its lazy page and that page's static imports not in the initial
 * load) and all CSS of both. `routes` maps a route key to its pattern, `pages` a route key to
 * its page module (see routePages), `gzipBytes` each output file to its gzip size.
 */
export function routeSizes(manifest: Manifest, routes: Readonly<Record<string, string>>, pages: Readonly<Record<string, string>>, gzipBytes: Readonly<Record<string, number>>): RouteSize[] {
  const initial = staticClosure(manifest, entryKey(manifest));
  const fileOf = (k: string) => (manifest[k] as ManifestChunk).file;
  const cssOf = (keys: readonly string[]) => new Set(keys.flatMap((k) => manifest[k]?.css ?? []));
  const initialFiles = new Set(initial.map(fileOf));
  const initialJs = sum(initialFiles, gzipBytes);
  return Object.entries(routes).map(([route, pattern]) => {
    const page = pages[route];
    if (!page) throw new Error(`No page module for route ${route}.`);
    const own = staticClosure(manifest, page).filter((k) => !initialFiles.has(fileOf(k)));
    return { route, pattern, page, initialJs, routeJs: sum(new Set(own.map(fileOf)), gzipBytes), css: sum(cssOf([...initial, ...own]), gzipBytes) };
  });
}

/** The Lighthouse numbers of one page in one form factor. Scores 0–100; LCP and TBT in ms. */
export interface PageScore {
  page: string;
  url: string;
  formFactor: 'mobile' | 'desktop';
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Lighthouse's measure of this machine's CPU at the time (BenchmarkIndex; higher is faster). */
  benchmarkIndex: number;
  /** Failed accessibility audits (id: title), to say what to fix. */
  accessibilityFailures: string[];
}

/** The run with the median performance score of several runs of one page (Lighthouse varies). */
export function medianRun(runs: readonly PageScore[]): PageScore {
  if (runs.length === 0) throw new Error('No Lighthouse run to take the median of.');
  const sorted = [...runs].sort((a, b) => a.performance - b.performance);
  return sorted[Math.floor((sorted.length - 1) / 2)] as PageScore;
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);

/** The targets missed, in words: initial JavaScript over budget, page scores under target. */
export function missedWebTargets(sizes: readonly RouteSize[], scores: readonly PageScore[]): string[] {
  const missed: string[] = [];
  const initial = sizes[0]?.initialJs ?? 0;
  if (initial > WEB_TARGETS.initialJsKb * 1000) missed.push(`initial JavaScript ${kb(initial)} KB gzip (target ≤ ${WEB_TARGETS.initialJsKb} KB)`);
  for (const s of scores) {
    if (s.performance < WEB_TARGETS.performance) missed.push(`${s.page} (${s.formFactor}): performance ${s.performance} (target ≥ ${WEB_TARGETS.performance})`);
    if (s.accessibility < WEB_TARGETS.accessibility) missed.push(`${s.page} (${s.formFactor}): accessibility ${s.accessibility} (target ${WEB_TARGETS.accessibility}): ${s.accessibilityFailures.join('; ')}`);
  }
  return missed;
}

export interface WebRunInfo {
  startedAt: string;
  machine: string;
  commit: string;
  /** How many Lighthouse runs per page and form factor the median was taken of; 0 with --smoke. */
  runs: number;
}

/** The Markdown report: sizes per route, Lighthouse scores per page, missed targets, what was not measured. */
export function webMarkdown(info: WebRunInfo, sizes: readonly RouteSize[], scores: readonly PageScore[], notMeasured: readonly { name: string; reason: string }[]): string {
  const lines = [
    `# Web benchmark ${info.startedAt.slice(0, 10)}`,
    '',
    `${info.machine}; commit ${info.commit}. Sizes are gzip (Node's zlib, default level 6) in KB of 1000 bytes.`,
    '',
    `## JavaScript and CSS per route (target: initial JavaScript ≤ ${WEB_TARGETS.initialJsKb} KB)`,
    '',
    '| route | path | initial JS | route JS | total JS | CSS |',
    '|---|---|---|---|---|---|',
  ];
  for (const s of sizes) lines.push(`| ${s.route} | \`${s.pattern}\` | ${kb(s.initialJs)} | ${kb(s.routeJs)} | ${kb(s.initialJs + s.routeJs)} | ${kb(s.css)} |`);
  if (scores.length > 0) {
    lines.push(
      '',
      `## Lighthouse (median of ${info.runs} by performance; targets: performance ≥ ${WEB_TARGETS.performance}, accessibility ${WEB_TARGETS.accessibility})`,
      '',
      '| page | form factor | performance | accessibility | best practices | LCP | TBT | CLS | CPU index |',
      '|---|---|---|---|---|---|---|---|---|',
    );
    for (const s of scores) lines.push(`| ${s.page} | ${s.formFactor} | ${s.performance} | ${s.accessibility} | ${s.bestPractices} | ${Math.round(s.lcpMs)} ms | ${Math.round(s.tbtMs)} ms | ${s.cls.toFixed(3)} | ${Math.round(s.benchmarkIndex)} |`);
    lines.push('', "Mobile is Lighthouse's default: simulated slow 4G and a 4× slower CPU. The CPU index is Lighthouse's BenchmarkIndex of this machine during the run: other work on the same cores lowers it and raises TBT.");
  }
  const missed = missedWebTargets(sizes, scores);
  lines.push('', '## Missed targets', '', ...(missed.length > 0 ? missed.map((m) => `- ${m}`) : ['None.']));
  if (notMeasured.length > 0) lines.push('', '## Not measured', '', ...notMeasured.map((n) => `- ${n.name}: ${n.reason}`));
  return `${lines.join('\n')}\n`;
}
