/** Refusal messages of in-app notifications and the e-mail digest (see ./index.ts). Keys are stable: clients may rely on them. */
export const notificationMessages = {} as const satisfies Record<string, { nl: string; en: string }>;
