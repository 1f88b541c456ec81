import { describe, expect, it } from 'vitest';
import { RecurrenceSchema, describeRecurrence } from './recurrence.ts';

describe('describeRecurrence', () => {
  it('says once for null', () => {
    expect(describeRecurrence(null, 'nl')).toBe('Eén keer');
    expect(describeRecurrence(null, 'en')).toBe('Once');
  });
  it('describes weekly days with an end date in plain Dutch and English', () => {
    const r = { frequency: 'weekly', interval: 1, byWeekday: ['TH', 'TU'], until: '2027-03-31' } as const;
    expect(describeRecurrence({ ...r, byWeekday: [...r.byWeekday] }, 'nl')).toBe('Elke week op dinsdag en donderdag, tot en met 31 maart 2027');
    expect(describeRecurrence({ ...r, byWeekday: [...r.byWeekday] }, 'en')).toBe('Every week on Tuesday and Thursday, until 31 March 2027');
  });
  it('describes intervals and counts', () => {
    expect(describeRecurrence({ frequency: 'weekly', interval: 2, byWeekday: ['MO'] }, 'nl')).toBe('Elke 2 weken op maandag');
    expect(describeRecurrence({ frequency: 'monthly', interval: 1, count: 6 }, 'nl')).toBe('Elke maand, 6 keer');
    expect(describeRecurrence({ frequency: 'daily', interval: 3, count: 1 }, 'en')).toBe('Every 3 days, 1 time');
  });
});

describe('RecurrenceSchema', () => {
  it('accepts a valid rule', () => {
    expect(RecurrenceSchema.safeParse({ frequency: 'weekly', interval: 1, byWeekday: ['TU'], until: '2027-03-31' }).success).toBe(true);
  });
  it('refuses bad input with message keys', () => {
    const keys = (v: unknown) => (RecurrenceSchema.safeParse(v).error?.issues ?? []).map((i) => i.message);
    expect(keys({ frequency: 'yearly', interval: 1 })).toContain('recurrence_frequency_invalid');
    expect(keys({ frequency: 'daily', interval: 0 })).toContain('recurrence_interval_invalid');
    expect(keys({ frequency: 'daily', interval: 1, until: '2027-02-30' })).toContain('recurrence_until_invalid');
    expect(keys({ frequency: 'daily', interval: 1, until: '2027-02-01', count: 3 })).toContain('recurrence_until_and_count');
    expect(keys({ frequency: 'daily', interval: 1, byWeekday: ['MO'] })).toContain('recurrence_weekday_only_weekly');
  });
});
