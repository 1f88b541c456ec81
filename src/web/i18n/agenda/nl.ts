/** Dutch texts (B1) of the shared agenda, reminders and the iCalendar feed. */
export const nlAgenda = {
  agenda: {
    title: 'Agenda',
  },
};
