import type { NotificationKind } from '../../../common/notifications.ts';

type P = Record<string, string | number>;
const about = (p: P) => (p.clientName ? ` (zorgkring van ${p.clientName})` : '');
const what = (p: P) => String(p.title ?? p.subject ?? '');

/** Dutch texts (B1) of in-app notifications and the e-mail digest setting. */
export const nlNotifications = {
  notifications: {
    title: 'Meldingen',
    nav: 'Meldingen',
    navUnread: (n: number) => `, ${n} nieuw`,
    lead: 'Hier ziet u wat er nieuw is in de zorgkringen waar u bij hoort.',
    onlyUnread: 'Alleen nieuwe meldingen',
    all: 'Alle meldingen',
    empty: 'U hebt nog geen meldingen.',
    emptyUnread: 'U hebt geen nieuwe meldingen. U bent helemaal bij.',
    unreadCount: (n: number) => (n === 1 ? 'U hebt 1 nieuwe melding.' : `U hebt ${n} nieuwe meldingen.`),
    markAll: 'Alles gelezen',
    markOne: 'Gelezen',
    markedAll: 'Alle meldingen staan op gelezen.',
    open: 'Bekijken',
    new: 'Nieuw',
    listLabel: 'Uw meldingen',
    accessEnded: 'Een melding over een zorgkring waar u geen toegang meer toe hebt.',
    texts: {
      agenda_reminder: (p: P) => `Binnenkort in de agenda: ${what(p)}${about(p)}`,
      agenda_assigned: (p: P) => `U staat in de agenda bij: ${what(p)}${about(p)}`,
      agenda_open_slot: (p: P) => `Niemand heeft zich nog gemeld voor: ${what(p)}${about(p)}`,
      circle_request: (p: P) => `Er is een vraag om hulp: ${what(p)}${about(p)}`,
      circle_request_accepted: (p: P) => `Iemand helpt mee met: ${what(p)}${about(p)}`,
      circle_request_unanswered: (p: P) => `Nog niemand heeft gereageerd op: ${what(p)}${about(p)}`,
      thread_message: (p: P) => `Nieuw bericht${p.author ? ` van ${p.author}` : ''}: ${what(p)}${about(p)}`,
      logbook_entry: (p: P) => `Nieuw in het dagboek${p.author ? ` van ${p.author}` : ''}${about(p)}`,
      review_due: (p: P) => `Tijd om opnieuw te bekijken: ${what(p)}${about(p)}`,
      signoff_needed: (p: P) => `Een handeling wacht op uitleg of goedkeuring: ${what(p)}${about(p)}`,
    } satisfies Record<NotificationKind, (p: P) => string>,
    digestTitle: 'E-mail met meldingen',
    digestText: 'Hebt u een melding na 4 uur nog niet gelezen? Dan krijgt u hoogstens één keer per dag een e-mail. In die e-mail staan geen namen of zorggegevens.',
    digestLabel: 'Stuur mij een e-mail als ik meldingen nog niet heb gelezen',
    digestOn: 'U krijgt een e-mail als u meldingen nog niet hebt gelezen.',
    digestOff: 'U krijgt geen e-mail meer over meldingen. U ziet ze nog wel hier in Mantelkring.',
  },
};
