/** Refusal messages of the platform domain (see ./index.ts). Keys are stable: clients may rely on them. */
export const platformMessages = {
  /** A text made elsewhere (a domain check) that has no key of its own yet: shown as it is. */
  domain_text: { nl: '{text}', en: '{text}' },
  api_token_invalid: { nl: 'Deze API-sleutel is ongeldig, verlopen of ingetrokken.', en: 'This API key is invalid, has expired or was revoked.' },
  municipality_taken: { nl: 'Deze gemeente staat al in Mantelkring.', en: 'This municipality is already in Mantelkring.' },
  municipality_unknown: { nl: 'Deze gemeente bestaat niet.', en: 'This municipality does not exist.' },
} as const satisfies Record<string, { nl: string; en: string }>;
