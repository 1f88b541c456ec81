import type { Dictionary } from '../dictionary.ts';
import type { nlAgenda } from './nl.ts';

/** English texts of the shared agenda, reminders and the iCalendar feed. The type makes sure the keys are the Dutch ones. */
export const enAgenda: Dictionary<typeof nlAgenda> = {
  agenda: {
    title: 'Agenda',
  },
};
