import { describe, expect, it } from 'vitest';
import { addMonths, nextDueOn } from './burden-schedule.ts';

describe('burden schedule', () => {
  it('adds months and keeps to the end of short months', () => {
    expect(addMonths('2026-01-15', 1)).toBe('2026-02-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-12-31', 12)).toBe('2027-12-31');
  });
  it('counts from the last check, else from today', () => {
    expect(nextDueOn('2026-03-10', '2026-05-01', 3)).toBe('2026-06-10');
    expect(nextDueOn(null, '2026-05-01', 1)).toBe('2026-06-01');
  });
});
