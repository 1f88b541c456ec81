import { describe, expect, it } from 'vitest';
import { daysBetween, dutchDate } from './dates.ts';

describe('dutch dates', () => {
  it('uses the Dutch calendar day, not UTC', () => {
    expect(dutchDate(new Date('2026-11-24T23:30:00Z'))).toBe('2026-11-25');
    expect(dutchDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(dutchDate(new Date('2026-07-01T22:01:00Z'))).toBe('2026-07-02');
  });
  it('counts calendar days', () => {
    expect(daysBetween(new Date('2026-11-20T10:00:00Z'), new Date('2026-11-25T08:00:00Z'))).toBe(5);
    expect(daysBetween(new Date('2026-11-25T08:00:00Z'), new Date('2026-11-25T20:00:00Z'))).toBe(0);
  });
});
