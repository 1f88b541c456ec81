/** Dutch texts (B1) of message threads in a circle. */
export const nlThreads = {
  threads: {
    title: 'Berichten',
  },
};
