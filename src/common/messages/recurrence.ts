/** Refusal messages of repeating things (agenda items, agreements) (see ./index.ts). Keys are stable: clients may rely on them. */
export const recurrenceMessages = {
  recurrence_frequency_invalid: { nl: 'Kies hoe vaak het terugkomt: elke dag, week of maand.', en: 'Choose how often it repeats: daily, weekly or monthly.' },
  recurrence_interval_invalid: { nl: 'Vul een getal in van 1 tot en met 52.', en: 'Enter a number from 1 to 52.' },
  recurrence_weekday_invalid: { nl: 'Kies geldige dagen van de week.', en: 'Choose valid days of the week.' },
  recurrence_weekday_only_weekly: { nl: 'U kunt alleen dagen kiezen als het elke week terugkomt.', en: 'You can only choose days when it repeats weekly.' },
  recurrence_until_invalid: { nl: 'Vul een geldige einddatum in.', en: 'Enter a valid end date.' },
  recurrence_count_invalid: { nl: 'Vul een aantal keer in van 1 tot en met 500.', en: 'Enter a number of times from 1 to 500.' },
  recurrence_until_and_count: { nl: 'Kies een einddatum of een aantal keer, niet allebei.', en: 'Choose an end date or a number of times, not both.' },
} as const satisfies Record<string, { nl: string; en: string }>;
