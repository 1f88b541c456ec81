/** Refusal messages of the logbook (dagboek) and attachments (see ./index.ts). Keys are stable: clients may rely on them. */
export const logbookMessages = {} as const satisfies Record<string, { nl: string; en: string }>;
