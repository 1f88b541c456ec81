import { z } from 'zod';

/** Days of the week in iCalendar (RFC 5545 BYDAY) order, Monday first. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * How an agenda item (or an agreement) repeats. Shared by the agenda and the agreements:
 * the agenda expands it with rrule, agreements map it to FHIR Timing.repeat.
 * End by `until` (a local date, inclusive) or by `count`, or neither (no end).
 */
export interface Recurrence {
  frequency: 'daily' | 'weekly' | 'monthly';
  interval: number;
  byWeekday?: Weekday[];
  until?: string | null /* YYYY-MM-DD */;
  count?: number | null;
}

export const RECURRENCE_INTERVAL_MAX = 52;
export const RECURRENCE_COUNT_MAX = 500;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
function validDate(s: string): boolean {
  if (!isoDate.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A Recurrence from outside, with message keys (src/common/messages/agenda.ts). */
export const RecurrenceSchema = z
  .strictObject({
    frequency: z.enum(['daily', 'weekly', 'monthly'], { message: 'recurrence_frequency_invalid' }),
    interval: z
      .number({ message: 'recurrence_interval_invalid' })
      .int({ message: 'recurrence_interval_invalid' })
      .min(1, { message: 'recurrence_interval_invalid' })
      .max(RECURRENCE_INTERVAL_MAX, { message: 'recurrence_interval_invalid' }),
    byWeekday: z
      .array(z.enum(WEEKDAYS, { message: 'recurrence_weekday_invalid' }))
      .max(7, { message: 'recurrence_weekday_invalid' })
      .optional(),
    until: z.string().refine(validDate, { message: 'recurrence_until_invalid' }).nullable().optional(),
    count: z
      .number({ message: 'recurrence_count_invalid' })
      .int({ message: 'recurrence_count_invalid' })
      .min(1, { message: 'recurrence_count_invalid' })
      .max(RECURRENCE_COUNT_MAX, { message: 'recurrence_count_invalid' })
      .nullable()
      .optional(),
  })
  .refine((r) => !(r.until && r.count), { message: 'recurrence_until_and_count', path: ['count'] })
  .refine((r) => r.frequency === 'weekly' || !r.byWeekday || r.byWeekday.length === 0, {
    message: 'recurrence_weekday_only_weekly',
    path: ['byWeekday'],
  });

const DAY_NAMES: Record<'nl' | 'en', Record<Weekday, string>> = {
  nl: { MO: 'maandag', TU: 'dinsdag', WE: 'woensdag', TH: 'donderdag', FR: 'vrijdag', SA: 'zaterdag', SU: 'zondag' },
  en: { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' },
};
const MONTHS: Record<'nl' | 'en', string[]> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

function list(items: string[], locale: 'nl' | 'en'): string {
  if (items.length <= 1) return items.join('');
  const and = locale === 'nl' ? ' en ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}

function longDate(s: string, locale: 'nl' | 'en'): string {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const month = MONTHS[locale][m - 1] ?? '';
  return `${d} ${month} ${y}`;
}

/**
 * Plain-language description, e.g. "Elke week op dinsdag en donderdag, tot en met 31 maart 2027".
 * null = "Eén keer" / "Once".
 */
export function describeRecurrence(r: Recurrence | null, locale: 'nl' | 'en'): string {
  if (!r) return locale === 'nl' ? 'Eén keer' : 'Once';
  const n = r.interval;
  let text: string;
  if (locale === 'nl') {
    const unit = { daily: ['dag', 'dagen'], weekly: ['week', 'weken'], monthly: ['maand', 'maanden'] }[r.frequency];
    text = n === 1 ? `Elke ${unit[0]}` : `Elke ${n} ${unit[1]}`;
  } else {
    const unit = { daily: ['day', 'days'], weekly: ['week', 'weeks'], monthly: ['month', 'months'] }[r.frequency];
    text = n === 1 ? `Every ${unit[0]}` : `Every ${n} ${unit[1]}`;
  }
  const chosen = r.byWeekday ?? [];
  if (r.frequency === 'weekly' && chosen.length > 0) {
    const days = WEEKDAYS.filter((d) => chosen.includes(d)).map((d) => DAY_NAMES[locale][d]);
    text += `${locale === 'nl' ? ' op ' : ' on '}${list(days, locale)}`;
  }
  if (r.until) {
    text += locale === 'nl' ? `, tot en met ${longDate(r.until, locale)}` : `, until ${longDate(r.until, locale)}`;
  } else if (r.count) {
    text += locale === 'nl' ? `, ${r.count} keer` : `, ${r.count} ${r.count === 1 ? 'time' : 'times'}`;
  }
  return text;
}
