/** Refusal messages of message threads in a circle (see ./index.ts). Keys are stable: clients may rely on them. */
export const threadMessages = {
  thread_participant_not_in_circle: {
    nl: 'Iemand die u kiest hoort niet (meer) bij deze kring. Kies mensen uit de kring.',
    en: 'Someone you chose is not (or no longer) in this circle. Choose people from the circle.',
  },
  thread_needs_other_participant: {
    nl: 'Kies minstens één andere persoon voor dit gesprek.',
    en: 'Choose at least one other person for this conversation.',
  },
} as const satisfies Record<string, { nl: string; en: string }>;
