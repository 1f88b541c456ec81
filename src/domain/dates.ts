// Made once: building an Intl.DateTimeFormat costs far more than formatting with it (it was
// a fifth of the caseload route's CPU time when made per call; bench/README.md).
const DUTCH_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in the Netherlands at a moment: what "today" means to users. */
export function dutchDate(moment: Date): string {
  return DUTCH_DAY.format(moment);
}

/** Whole days from a to b (b later → positive), by calendar date in the Netherlands. */
export function daysBetween(a: Date, b: Date): number {
  const toDay = (d: Date) => Date.parse(`${dutchDate(d)}T00:00:00Z`) / 86_400_000;
  return Math.round(toDay(b) - toDay(a));
}
