import type { Dictionary } from '../dictionary.ts';
import type { nlAgreements } from './nl.ts';

/** English texts of agreements on who does what, task boundaries and reviews. The type makes sure the keys are the Dutch ones. */
export const enAgreements: Dictionary<typeof nlAgreements> = {
  agreements: {
    title: 'Who does what',
  },
};
