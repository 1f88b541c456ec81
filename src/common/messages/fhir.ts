/** Refusal messages of the fhir domain (see ./index.ts). Keys are stable: clients may rely on them. */
export const fhirMessages = {
  import_professional_only: { nl: 'Alleen een professional van een zorgaanbieder kan via FHIR een kring inlezen.', en: 'Only a professional of a care provider can read a circle in through FHIR.' },
  not_professional_of_organisation: { nl: 'U bent geen professional van deze organisatie.', en: 'You are not a professional of this organisation.' },
} as const satisfies Record<string, { nl: string; en: string }>;
