/** Dutch texts (B1) of in-app notifications and the e-mail digest. */
export const nlNotifications = {
  notifications: {
    title: 'Meldingen',
  },
};
