/** Refusal messages of key contacts, medication and the emergency plan (see ./index.ts). Keys are stable: clients may rely on them. */
export const keyInfoMessages = {
  key_contact_kind_invalid: { nl: 'Kies wat voor contact dit is.', en: 'Choose what kind of contact this is.' },
  key_info_name_missing: { nl: 'Vul een naam in.', en: 'Fill in a name.' },
  key_info_task_missing: { nl: 'Vul de taak in.', en: 'Fill in the task.' },
  key_info_text_too_long: { nl: 'Deze tekst is te lang.', en: 'This text is too long.' },
  key_info_phone_invalid: { nl: 'Vul een geldig telefoonnummer in (alleen cijfers, spaties, + en -).', en: 'Fill in a valid phone number (digits, spaces, + and - only).' },
  key_info_takeover_missing: { nl: 'Kies wie het overneemt, of vul een naam in.', en: 'Choose who takes over, or fill in a name.' },
  key_info_takeover_not_member: { nl: 'Deze persoon hoort niet (meer) bij de kring.', en: 'This person is not (or no longer) in the circle.' },
  key_info_item_not_found: { nl: 'Dit gegeven bestaat niet (meer).', en: 'This item does not exist (anymore).' },
} as const satisfies Record<string, { nl: string; en: string }>;
