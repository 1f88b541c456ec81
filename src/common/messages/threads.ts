/** Refusal messages of message threads in a circle (see ./index.ts). Keys are stable: clients may rely on them. */
export const threadMessages = {} as const satisfies Record<string, { nl: string; en: string }>;
