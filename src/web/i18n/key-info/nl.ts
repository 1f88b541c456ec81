/** Dutch texts (B1) of key contacts, medication and the emergency plan. */
export const nlKeyInfo = {
  keyInfo: {
    title: 'Belangrijke gegevens',
  },
};
