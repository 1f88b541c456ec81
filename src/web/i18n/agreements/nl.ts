/** Dutch texts (B1) of agreements on who does what, task boundaries and reviews. */
export const nlAgreements = {
  agreements: {
    title: 'Wie doet wat',
  },
};
