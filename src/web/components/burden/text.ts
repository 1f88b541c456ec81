import { useI18n, type Dict } from '../../i18n/index.tsx';
import type { Locale } from '../../api.ts';

const DAY_MS = 86_400_000;

/** A calendar date ("2026-11-23", Dutch time) in words, without a time-zone shift. */
export function formatDay(date: string, locale: Locale, style: 'long' | 'short' = 'long'): string {
  const [y, m, d] = date.split('-').map(Number);
  const local = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', style === 'long' ? { dateStyle: 'long' } : { day: 'numeric', month: 'short' }).format(local);
}

/** Whole days between two moments (at least 0). */
export function daysBetween(fromIso: string, until: number): number {
  return Math.max(0, Math.floor((until - Date.parse(fromIso)) / DAY_MS));
}

/** How long a signal is (or was) open, in days: until it closed, else until now. */
export function daysOpen(signal: { createdAt: string; closedAt: string | null }): number {
  return daysBetween(signal.createdAt, signal.closedAt ? Date.parse(signal.closedAt) : Date.now());
}

/** "2 dagen en 3 uur", "45 minuten": a duration in minutes in words. */
export function durationText(minutes: number, t: Dict): string {
  if (minutes < 60) return t.burden.minutes(minutes);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days === 0) return t.burden.hours(hours);
  return hours === 0 ? t.burden.days(days) : `${t.burden.days(days)} ${t.burden.and} ${t.burden.hours(hours)}`;
}

/** "A, B en C". */
export function listText(items: string[], and: string): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** Texts about instruments and from the API, in the interface language where we know them. */
export function useBurdenText() {
  const { t, locale } = useI18n();
  const b = t.burden;
  return {
    /** Dutch text from the API (next steps, support offers, bands), translated when known. */
    api: (text: string): string => b.apiText[text] ?? text,
    /** The plain name of an instrument (ours for the built-ins, else its own title). */
    name: (key: string, title: string): string => b.instruments[key]?.name ?? title,
    explanation: (key: string): string | null => b.instruments[key]?.text ?? null,
    day: (date: string, style: 'long' | 'short' = 'long') => formatDay(date, locale, style),
  };
}
