import type { Dictionary } from '../dictionary.ts';
import type { nlLogbook } from './nl.ts';

/** English texts of the logbook (dagboek) and attachments. The type makes sure the keys are the Dutch ones. */
export const enLogbook: Dictionary<typeof nlLogbook> = {
  logbook: {
    title: 'Logbook',
  },
};
