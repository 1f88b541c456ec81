import type { Dictionary } from '../dictionary.ts';
import type { nlNotifications } from './nl.ts';

/** English texts of in-app notifications and the e-mail digest. The type makes sure the keys are the Dutch ones. */
export const enNotifications: Dictionary<typeof nlNotifications> = {
  notifications: {
    title: 'Notifications',
  },
};
