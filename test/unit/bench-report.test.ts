import { describe, expect, it } from 'vitest';
import { judge, markdown, percentile, statsOf } from '../../bench/report.ts';

describe('benchmark report', () => {
  it('takes percentiles by nearest rank from unsorted times', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 99)).toBe(0);
  });

  it('judges a scenario against its targets and the baseline', () => {
    const app = statsOf({ requests: 3000, seconds: 10, errors: 0, non2xx: 0, latenciesMs: [10, 20, 30, 60], peakRssMb: 200 });
    const base = statsOf({ requests: 9000, seconds: 10, errors: 0, non2xx: 0, latenciesMs: [1, 2], peakRssMb: 90 });
    expect(app.reqPerSec).toBe(300);
    const slow = judge('home', 'caregiver home', 50, app, base, { minBaselineShare: 0.5, p99Ms: 50 });
    expect(slow.ratio).toBe(0.33);
    expect(slow.missed).toEqual(['req/s 33% of the baseline (target ≥ 50%)', 'p99 60 ms (target < 50 ms)']);
    const fine = judge('home', 'caregiver home', 50, app, base, { p95Ms: 100 });
    expect(fine.missed).toEqual([]);
    const failing = judge('home', 'caregiver home', 50, { ...app, non2xx: 3 }, null, {});
    expect(failing.missed).toEqual(['0 errors and 3 non-2xx answers']);
  });

  it('writes one table row per scenario and lists what missed and what was not measured', () => {
    const app = statsOf({ requests: 100, seconds: 10, errors: 0, non2xx: 0, latenciesMs: [80], peakRssMb: 320 });
    const r = judge('list', 'professional list', 10, app, null, { p95Ms: 50 });
    const text = markdown(
      { startedAt: '2026-12-07T10:00:00Z', engine: 'postgresql', caregivers: 10000, durationSeconds: 10, machine: '2 cores', commit: 'abc', serverRssLimitMb: 300 },
      [r],
      [{ name: 'directory search', reason: 'not built yet' }],
    );
    expect(text).toContain('| list | 10 | 10 | 80 ms | 80 ms | 80 ms | – | – | – | 320 MB | missed |');
    expect(text).toContain('- list: p95 80 ms (target < 50 ms)');
    expect(text).toContain('Server memory: peak 320 MB (target < 300 MB): missed.');
    expect(text).toContain('- directory search: not built yet');
  });
});
