/** Refusal messages of agreements on who does what, and the boundaries of caregiver tasks (see ./index.ts). Keys are stable: clients may rely on them. */
export const agreementsMessages = {
  agreement_task_missing: { nl: 'Kies een taak uit de lijst of beschrijf de taak zelf.', en: 'Choose a task from the list or describe the task yourself.' },
  agreement_task_unknown: { nl: 'Deze taak staat niet in de lijst.', en: 'This task is not in the list.' },
  agreement_text_too_long: { nl: 'De tekst is te lang. U kunt maximaal 200 tekens gebruiken.', en: 'The text is too long. You can use at most 200 characters.' },
  agreement_notes_too_long: { nl: 'De opmerking is te lang. U kunt maximaal 2000 tekens gebruiken.', en: 'The note is too long. You can use at most 2000 characters.' },
  agreement_member_missing: { nl: 'Kies wie deze taak doet, of vul een naam in.', en: 'Choose who does this task, or fill in a name.' },
  agreement_member_not_in_circle: { nl: 'Deze persoon hoort niet bij de zorgkring.', en: 'This person is not part of the circle.' },
  agreement_date_invalid: { nl: 'Vul een geldige datum in (jjjj-mm-dd).', en: 'Fill in a valid date (yyyy-mm-dd).' },
  agreement_until_before_since: { nl: 'De einddatum ligt voor de begindatum.', en: 'The end date is before the start date.' },
  agreement_step_invalid: { nl: 'Kies een geldige stap: uitleg, bekwaam of goedkeuring.', en: 'Choose a valid step: instruction, competence or sign-off.' },
  agreement_instruction_by_missing: { nl: 'Vul in wie de uitleg heeft gegeven.', en: 'Fill in who gave the instruction.' },
  agreement_professional_only: {
    nl: 'Alleen een zorgverlener van een gekoppelde organisatie kan dit vastleggen.',
    en: 'Only a professional of a linked organisation can record this.',
  },
  agreement_no_risk: { nl: 'Voor deze taak zijn geen extra stappen nodig.', en: 'This task needs no extra steps.' },
  agreement_missing_instruction: { nl: 'Er is nog geen uitleg gegeven door een zorgverlener.', en: 'No professional has given instruction yet.' },
  agreement_missing_competence: { nl: 'Een zorgverlener heeft nog niet bevestigd dat de helper dit goed kan.', en: 'A professional has not yet confirmed that the helper can do this well.' },
  agreement_missing_signoff: { nl: 'Een zorgverlener heeft nog niet getekend voor akkoord.', en: 'A professional has not yet signed off.' },
  agreement_missing_review_date: { nl: 'Er is nog geen datum om deze afspraak opnieuw te bekijken.', en: 'There is no date yet to review this agreement.' },
  agreement_review_date_missing: { nl: 'Vul een nieuwe datum in om de afspraak weer te bekijken.', en: 'Fill in a new date to review the agreement again.' },
  agreement_review_date_past: { nl: 'De nieuwe controledatum moet na vandaag liggen.', en: 'The new review date must be after today.' },
} as const satisfies Record<string, { nl: string; en: string }>;
