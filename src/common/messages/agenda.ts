/** Refusal messages of the shared agenda, reminders and the iCalendar feed (see ./index.ts). Keys are stable: clients may rely on them. */
export const agendaMessages = {} as const satisfies Record<string, { nl: string; en: string }>;
