/** Refusal messages of agreements on who does what, task boundaries and reviews (see ./index.ts). Keys are stable: clients may rely on them. */
export const agreementMessages = {} as const satisfies Record<string, { nl: string; en: string }>;
