/** Dutch texts (B1) of the logbook (dagboek) and attachments. */
export const nlLogbook = {
  logbook: {
    title: 'Dagboek',
  },
};
