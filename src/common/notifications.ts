/**
 * The kinds of in-app notification (issue 16). A notification stores its kind, the
 * parameters its text needs and the page to open; the web writes the text per kind in the
 * reader's language (i18n/notifications), the e-mail digest likewise (notifications/mails.ts).
 * A new kind is added here first.
 */
export const NOTIFICATION_KINDS = [
  /** An agenda item starts soon (the member's chosen lead time). */
  'agenda_reminder',
  /** Someone put the member on an agenda item. */
  'agenda_assigned',
  /** An open slot in the agenda that nobody covers yet. */
  'agenda_open_slot',
  /** A caregiver asks the circle for help. */
  'circle_request',
  /** A member took on a request for help. */
  'circle_request_accepted',
  /** Nobody answered a request for help yet. */
  'circle_request_unanswered',
  /** A new message in a thread the person is in. */
  'thread_message',
  /** A new logbook entry the person may read. */
  'logbook_entry',
  /** An agreement or a sign-off is past its review date. */
  'review_due',
  /** A reserved act waits for instruction or sign-off. */
  'signoff_needed',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The parameters of a notification's text: names, titles, dates (ISO), counts. */
export type NotificationParams = Record<string, string | number>;
