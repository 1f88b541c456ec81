/**
 * When a caregiver's next burden check is due. Dates are calendar dates in the Netherlands
 * (`YYYY-MM-DD`, see dates.ts); intervals are whole months, because caregivers think in
 * "every month" and "every three months", not in days.
 */

/** The default schedule for a caregiver: the one-question check-in monthly, EDIZ-plus quarterly. */
export const DEFAULT_SCHEDULES: readonly { instrumentKey: string; intervalMonths: number }[] = [
  { instrumentKey: 'self-rated-burden', intervalMonths: 1 },
  { instrumentKey: 'ediz-plus', intervalMonths: 3 },
];

/** Shortest and longest interval a caregiver can choose. */
export const MIN_INTERVAL_MONTHS = 1;
export const MAX_INTERVAL_MONTHS = 12;

/**
 * Adds whole months to a date; a day that does not exist in the target month becomes that
 * month's last day (31 January + 1 month = 28 or 29 February), so no month is skipped.
 */
export function addMonths(date: string, months: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`not a date: ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const d = Math.min(day, lastDay);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The next due date: the interval after the last check, or after today when there was none. */
export function nextDueOn(lastCompletedOn: string | null, today: string, intervalMonths: number): string {
  return addMonths(lastCompletedOn ?? today, intervalMonths);
}
