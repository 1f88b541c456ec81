/** Refusal messages of key contacts, medication and the emergency plan (see ./index.ts). Keys are stable: clients may rely on them. */
export const keyInfoMessages = {} as const satisfies Record<string, { nl: string; en: string }>;
