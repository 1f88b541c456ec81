import type { Circle } from '../../../common/circle-schemas.ts';

/** The circle section of the shared agenda, reminders and the iCalendar feed (issue 16; being built). */
export function AgendaSection(_props: { circle: Circle }) {
  return null;
}
