import { ROUTES } from '../../../common/paths.ts';
import type { Mail } from '../../platform/mail.ts';

/**
 * The daily e-mail with unread notifications. It says how many there are and links to the
 * notifications page: no names, no care details (e-mail is not a safe place for them).
 */
export function digestMail(input: { to: string; givenName: string; unread: number; locale: 'nl' | 'en'; publicUrl: string }): Mail {
  const link = `${input.publicUrl}${ROUTES.notifications}`;
  const settings = `${input.publicUrl}${ROUTES.account}#meldingen`;
  if (input.locale === 'en') {
    return {
      to: input.to,
      subject: input.unread === 1 ? 'Mantelkring: 1 new notification' : `Mantelkring: ${input.unread} new notifications`,
      text:
        `Dear ${input.givenName},\n\nThere ${input.unread === 1 ? 'is 1 notification' : `are ${input.unread} notifications`} for you in Mantelkring that you have not read yet.\n\n` +
        `Read them here:\n${link}\n\nDon't want this e-mail? Turn it off in your account:\n${settings}\n\nKind regards,\nMantelkring`,
    };
  }
  return {
    to: input.to,
    subject: input.unread === 1 ? 'Mantelkring: 1 nieuwe melding' : `Mantelkring: ${input.unread} nieuwe meldingen`,
    text:
      `Beste ${input.givenName},\n\nEr ${input.unread === 1 ? 'is 1 melding' : `zijn ${input.unread} meldingen`} voor u in Mantelkring die u nog niet hebt gelezen.\n\n` +
      `Lees ze hier:\n${link}\n\nWilt u deze e-mail niet meer? Zet hem uit bij uw account:\n${settings}\n\nMet vriendelijke groet,\nMantelkring`,
  };
}
