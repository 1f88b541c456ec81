import type { Dictionary } from '../dictionary.ts';
import type { nlNotifications } from './nl.ts';

type P = Record<string, string | number>;
const about = (p: P) => (p.clientName ? ` (care circle of ${p.clientName})` : '');
const what = (p: P) => String(p.title ?? p.subject ?? '');

/** English texts of in-app notifications and the e-mail digest setting. The type makes sure the keys are the Dutch ones. */
export const enNotifications: Dictionary<typeof nlNotifications> = {
  notifications: {
    title: 'Notifications',
    nav: 'Notifications',
    navUnread: (n: number) => `, ${n} new`,
    lead: 'Here you see what is new in the care circles you belong to.',
    onlyUnread: 'New notifications only',
    all: 'All notifications',
    empty: 'You have no notifications yet.',
    emptyUnread: 'You have no new notifications. You are all caught up.',
    unreadCount: (n: number) => (n === 1 ? 'You have 1 new notification.' : `You have ${n} new notifications.`),
    markAll: 'Mark all as read',
    markOne: 'Read',
    markedAll: 'All notifications are marked as read.',
    open: 'View',
    new: 'New',
    accessEnded: 'A notification about a care circle you no longer have access to.',
    listLabel: 'Your notifications',
    texts: {
      agenda_reminder: (p: P) => `Coming up in the agenda: ${what(p)}${about(p)}`,
      agenda_assigned: (p: P) => `You are on the agenda for: ${what(p)}${about(p)}`,
      agenda_open_slot: (p: P) => `Nobody has signed up yet for: ${what(p)}${about(p)}`,
      circle_request: (p: P) => `Someone asks for help: ${what(p)}${about(p)}`,
      circle_request_accepted: (p: P) => `Someone will help with: ${what(p)}${about(p)}`,
      circle_request_unanswered: (p: P) => `Nobody has answered yet: ${what(p)}${about(p)}`,
      thread_message: (p: P) => `New message${p.author ? ` from ${p.author}` : ''}: ${what(p)}${about(p)}`,
      logbook_entry: (p: P) => `New in the logbook${p.author ? ` from ${p.author}` : ''}${about(p)}`,
      review_due: (p: P) => `Time to look again: ${what(p)}${about(p)}`,
      signoff_needed: (p: P) => `A care task waits for instruction or sign-off: ${what(p)}${about(p)}`,
    },
    digestTitle: 'E-mail about notifications',
    digestText: 'If you have not read a notification after 4 hours, you get an e-mail, at most once a day. That e-mail holds no names or care details.',
    digestLabel: 'Send me an e-mail when I have not read notifications',
    digestOn: 'You get an e-mail when you have not read notifications.',
    digestOff: 'You no longer get e-mails about notifications. You still see them here in Mantelkring.',
  },
};
