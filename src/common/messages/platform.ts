/** Refusal messages of the platform domain (see ./index.ts). Keys are stable: clients may rely on them. */
export const platformMessages = {
  /** A text made elsewhere (a domain check) that has no key of its own yet: shown as it is. */
  email_invalid: { nl: 'Vul een geldig e-mailadres in.', en: 'Enter a valid e-mail address.' },
  password_missing: { nl: 'Vul een wachtwoord in.', en: 'Enter a password.' },
  municipality_code_format: { nl: 'Een gemeentecode is GM met vier cijfers.', en: 'A municipality code is GM followed by four digits.' },
  display_name_missing: { nl: 'Vul uw naam in.', en: 'Enter your name.' },
  sector_only_for_care_providers: { nl: 'Een zorgaanbieder heeft een sector; andere organisaties niet.', en: 'A care provider has a sector; other organisations do not.' },
  municipality_needs_code: { nl: 'Een gemeente heeft een CBS-code.', en: 'A municipality needs a CBS code.' },
  invalid_id: { nl: 'Ongeldige id.', en: 'Invalid id.' },
  text_forbidden_character: { nl: 'De tekst bevat een teken dat niet kan (bijvoorbeeld een nul-teken). Haal het weg en probeer het opnieuw.', en: 'The text contains a character that is not allowed (for example a null character). Remove it and try again.' },
  api_token_invalid: { nl: 'Deze API-sleutel is ongeldig, verlopen of ingetrokken.', en: 'This API key is invalid, has expired or was revoked.' },
  municipality_taken: { nl: 'Deze gemeente staat al in Mantelkring.', en: 'This municipality is already in Mantelkring.' },
  municipality_unknown: { nl: 'Deze gemeente bestaat niet.', en: 'This municipality does not exist.' },
} as const satisfies Record<string, { nl: string; en: string }>;
