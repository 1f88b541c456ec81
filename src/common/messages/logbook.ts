/** Refusal messages of the logbook (dagboek) and attachments (see ./index.ts). Keys are stable: clients may rely on them. */
export const logbookMessages = {
  logbook_body_missing: { nl: 'Schrijf iets in het dagboek.', en: 'Write something in the logbook.' },
  logbook_body_too_long: { nl: 'De tekst is te lang. U kunt maximaal 4000 tekens gebruiken.', en: 'The text is too long. You can use at most 4000 characters.' },
  logbook_full_needs_full: {
    nl: 'Alleen mensen met volledige toegang kunnen iets schrijven dat alleen voor volledige toegang is.',
    en: 'Only people with full access can write an entry for full access only.',
  },
  logbook_delete_author_only: { nl: 'Alleen de schrijver kan dit stuk verwijderen.', en: 'Only the author can delete this entry.' },
} as const satisfies Record<string, { nl: string; en: string }>;
