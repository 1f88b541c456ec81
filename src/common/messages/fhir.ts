/** Refusal messages of the fhir domain (see ./index.ts). Keys are stable: clients may rely on them. */
export const fhirMessages = {
  import_professional_only: { nl: 'Alleen een professional van een zorgaanbieder kan via FHIR een kring inlezen.', en: 'Only a professional of a care provider can read a circle in through FHIR.' },
  not_professional_of_organisation: { nl: 'U bent geen professional van deze organisatie.', en: 'You are not a professional of this organisation.' },
  fhir_search_count_invalid: { nl: '_count moet een heel getal van 0 tot en met {max} zijn.', en: '_count must be a whole number from 0 to {max}.' },
  fhir_search_offset_invalid: { nl: '_offset moet een heel getal van 0 of meer zijn.', en: '_offset must be a whole number of 0 or more.' },
  fhir_search_date_invalid: {
    nl: 'Geef een datum als 1941, 1941-03 of 1941-03-12, eventueel met eq, ge, le, gt of lt ervoor (zoals ge1940-01-01).',
    en: 'Give a date such as 1941, 1941-03 or 1941-03-12, optionally preceded by eq, ge, le, gt or lt (such as ge1940-01-01).',
  },
  fhir_search_date_repeated: { nl: 'Geef birthdate hoogstens twee keer (bijvoorbeeld ge en le).', en: 'Give birthdate at most twice (for example ge and le).' },
  fhir_search_name_invalid: { nl: 'Geef bij name minstens één letter en hoogstens 100 tekens.', en: 'Give at least one letter and at most 100 characters for name.' },
  fhir_search_identifier_invalid: { nl: 'Zoek op BSN met identifier=http://fhir.nl/fhir/NamingSystem/bsn|123456782.', en: 'Search by BSN with identifier=http://fhir.nl/fhir/NamingSystem/bsn|123456782.' },
  fhir_search_id_invalid: { nl: '_id moet een id van Mantelkring zijn (een UUID).', en: '_id must be a Mantelkring id (a UUID).' },
  fhir_search_include_unsupported: { nl: 'Alleen _include=CareTeam:participant wordt ondersteund.', en: 'Only _include=CareTeam:participant is supported.' },
  fhir_search_too_broad: {
    nl: 'Deze zoekvraag vindt meer dan {max} cliënten. Maak hem nauwkeuriger, bijvoorbeeld met name of birthdate.',
    en: 'This search finds more than {max} clients. Narrow it down, for example with name or birthdate.',
  },
} as const satisfies Record<string, { nl: string; en: string }>;
