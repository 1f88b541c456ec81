import type { Dictionary } from '../dictionary.ts';
import type { nlKeyInfo } from './nl.ts';

/** English texts of key contacts, medication and the emergency plan. The type makes sure the keys are the Dutch ones. */
export const enKeyInfo: Dictionary<typeof nlKeyInfo> = {
  keyInfo: {
    title: 'Key information',
  },
};
