/**
 * Benchmark results: exact percentiles from every response time, the ratio to the bare
 * baseline, the targets of issue 15, and the Markdown table written to bench/results/.
 * Pure, so test/unit/bench-report.test.ts checks it alone.
 */

export interface Measured {
  requests: number;
  seconds: number;
  errors: number;
  non2xx: number;
  latenciesMs: number[];
  peakRssMb: number | null;
}

export interface Stats {
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  peakRssMb: number | null;
}

export interface Target {
  /** The app's share of the baseline's req/s, at least. */
  minBaselineShare?: number;
  p95Ms?: number;
  p99Ms?: number;
}

export interface ScenarioResult {
  name: string;
  description: string;
  connections: number;
  app: Stats;
  baseline: Stats | null;
  /** app req/s ÷ baseline req/s */
  ratio: number | null;
  target: Target;
  /** Targets missed, in words; empty when every target is met. */
  missed: string[];
}

/** The value at a percentile (nearest rank) of unsorted numbers; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export function statsOf(m: Measured): Stats {
  return {
    reqPerSec: round(m.requests / m.seconds),
    p50: round(percentile(m.latenciesMs, 50)),
    p95: round(percentile(m.latenciesMs, 95)),
    p99: round(percentile(m.latenciesMs, 99)),
    errors: m.errors,
    non2xx: m.non2xx,
    peakRssMb: m.peakRssMb,
  };
}

export function judge(name: string, description: string, connections: number, app: Stats, baseline: Stats | null, target: Target): ScenarioResult {
  const ratio = baseline && baseline.reqPerSec > 0 ? round(app.reqPerSec / baseline.reqPerSec, 2) : null;
  const missed: string[] = [];
  if (app.errors > 0 || app.non2xx > 0) missed.push(`${app.errors} errors and ${app.non2xx} non-2xx answers`);
  if (target.minBaselineShare !== undefined && (ratio === null || ratio < target.minBaselineShare)) {
    missed.push(`req/s ${ratio === null ? 'without baseline' : `${Math.round(ratio * 100)}%`} of the baseline (target ≥ ${target.minBaselineShare * 100}%)`);
  }
  if (target.p95Ms !== undefined && app.p95 >= target.p95Ms) missed.push(`p95 ${app.p95} ms (target < ${target.p95Ms} ms)`);
  if (target.p99Ms !== undefined && app.p99 >= target.p99Ms) missed.push(`p99 ${app.p99} ms (target < ${target.p99Ms} ms)`);
  return { name, description, connections, app, baseline, ratio, target, missed };
}

export interface RunInfo {
  startedAt: string;
  engine: 'postgresql' | 'pglite';
  caregivers: number;
  durationSeconds: number;
  machine: string;
  commit: string;
  serverRssLimitMb: number;
}

const ms = (n: number) => `${n} ms`;

/** The Markdown report: one row per scenario, then what missed its target. */
export function markdown(info: RunInfo, results: readonly ScenarioResult[], skipped: readonly { name: string; reason: string }[]): string {
  const lines = [
    `# Benchmark ${info.startedAt.slice(0, 10)} — ${info.engine}, ${info.caregivers.toLocaleString('en')} caregivers`,
    '',
    `${info.machine}; commit ${info.commit}; ${info.durationSeconds} s per scenario. Baseline: a bare Fastify route running one equivalent indexed query on the same database.`,
    '',
    '| scenario | conn. | req/s | p50 | p95 | p99 | baseline req/s | baseline p99 | ratio | peak RSS | result |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.name} | ${r.connections} | ${r.app.reqPerSec} | ${ms(r.app.p50)} | ${ms(r.app.p95)} | ${ms(r.app.p99)} | ${r.baseline?.reqPerSec ?? '–'} | ${r.baseline ? ms(r.baseline.p99) : '–'} | ${r.ratio === null ? '–' : `${Math.round(r.ratio * 100)}%`} | ${r.app.peakRssMb ?? '–'} MB | ${r.missed.length === 0 ? 'met' : 'missed'} |`,
    );
  }
  const peak = Math.max(0, ...results.map((r) => r.app.peakRssMb ?? 0));
  lines.push('', `Server memory: peak ${peak} MB (target < ${info.serverRssLimitMb} MB): ${peak < info.serverRssLimitMb ? 'met' : 'missed'}.`);
  const missed = results.filter((r) => r.missed.length > 0);
  if (missed.length > 0) {
    lines.push('', '## Missed targets', '');
    for (const r of missed) lines.push(`- ${r.name}: ${r.missed.join('; ')}`);
  }
  if (skipped.length > 0) {
    lines.push('', '## Not measured', '');
    for (const s of skipped) lines.push(`- ${s.name}: ${s.reason}`);
  }
  lines.push('', '## Scenarios', '');
  for (const r of results) lines.push(`- **${r.name}**: ${r.description}`);
  return `${lines.join('\n')}\n`;
}
