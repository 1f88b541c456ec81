import type { Dictionary } from '../dictionary.ts';
import type { nlThreads } from './nl.ts';

/** English texts of message threads in a circle. The type makes sure the keys are the Dutch ones. */
export const enThreads: Dictionary<typeof nlThreads> = {
  threads: {
    title: 'Messages',
  },
};
