/**
 * Who may read a logbook (dagboek) entry, chosen by its author (issue 16):
 * `circle` everyone in the circle with at least agenda access (the volunteer too),
 * `full` only people with full or manage access (incl. professionals of linked organisations),
 * `private` only the author ("alleen ik").
 */
export const LOGBOOK_VISIBILITIES = ['circle', 'full', 'private'] as const;
export type LogbookVisibility = (typeof LOGBOOK_VISIBILITIES)[number];

/** The longest entry text. */
export const LOGBOOK_BODY_MAX = 4000;
