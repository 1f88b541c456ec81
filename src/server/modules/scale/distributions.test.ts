import { describe, expect, it } from 'vitest';
import {
  between,
  caregiversPerClient,
  EDIZ_PLUS_BANDS,
  edizPlusTotal,
  helpKinds,
  hoursPerWeek,
  seededRandom,
  weighted,
} from './distributions.ts';

const SAMPLES = 40_000;
const share = (values: boolean[]) => values.filter(Boolean).length / values.length;

describe('generated-data distributions', () => {
  it('gives the same numbers for the same seed and others for another seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('keeps whole numbers inside their bounds', () => {
    const r = seededRandom(1);
    const seen = new Set(Array.from({ length: 2000 }, () => between(r, 3, 5)));
    expect([...seen].sort()).toEqual([3, 4, 5]);
  });

  it('draws EDIZ-plus totals in the published band shares (within 1.5 points)', () => {
    const r = seededRandom(2);
    const totals = Array.from({ length: SAMPLES }, () => edizPlusTotal(r));
    for (const band of EDIZ_PLUS_BANDS) {
      const s = share(totals.map((t) => t >= band.min && t <= band.max));
      expect(Math.abs(s - band.share)).toBeLessThan(0.015);
    }
  });

  it('gives emotional support most often and personal care least, as SCP found', () => {
    const r = seededRandom(3);
    const kinds = Array.from({ length: SAMPLES }, () => helpKinds(r));
    expect(Math.abs(share(kinds.map((k) => k.includes('emotional'))) - 0.76)).toBeLessThan(0.02);
    expect(Math.abs(share(kinds.map((k) => k.includes('personal_care'))) - 0.15)).toBeLessThan(0.015);
    expect(kinds.every((k) => k.length > 0)).toBe(true);
  });

  it('averages about 12 hours a week and 1.5 caregivers per client', () => {
    const r = seededRandom(4);
    const hours = Array.from({ length: SAMPLES }, () => hoursPerWeek(r));
    const mean = hours.reduce((s, h) => s + h, 0) / SAMPLES;
    expect(mean).toBeGreaterThan(11);
    expect(mean).toBeLessThan(13);
    const per = Array.from({ length: SAMPLES }, () => caregiversPerClient(r));
    expect(per.reduce((s, n) => s + n, 0) / SAMPLES).toBeCloseTo(1.5, 1);
  });

  it('picks by weight and never outside the options', () => {
    const r = seededRandom(5);
    const picks = Array.from({ length: 10_000 }, () => weighted(r, [['a', 3], ['b', 1]] as const));
    expect(Math.abs(share(picks.map((p) => p === 'a')) - 0.75)).toBeLessThan(0.02);
    expect(new Set(picks)).toEqual(new Set(['a', 'b']));
  });
});
