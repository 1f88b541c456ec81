import { PATHS } from '../../../common/paths.ts';
import type { Mail } from '../../platform/mail.ts';

/**
 * The mails of accounts. They go to the address the account (or the registration) names
 * and hold only the name and a link: never whether someone else has an account.
 */

/** Confirming a newly registered address: the link with its token. */
export function verificationMail(input: { to: string; displayName: string; token: string; validHours: number; publicUrl: string }): Mail {
  return {
    to: input.to,
    subject: 'Bevestig uw e-mailadres voor Mantelkring',
    text:
      `Beste ${input.displayName},\n\nWelkom bij Mantelkring. Klik op deze link om uw e-mailadres te bevestigen:\n\n` +
      `${input.publicUrl}${PATHS.verifyEmail(input.token)}\n\nDe link werkt ${input.validHours} uur.\n` +
      `Heeft u zich niet aangemeld? Dan kunt u deze e-mail negeren.\n\nMet vriendelijke groet,\nMantelkring`,
  };
}

/** Someone tried to register with an address that already has an account: tell its owner. */
export function addressTakenMail(input: { to: string; displayName: string; publicUrl: string }): Mail {
  return {
    to: input.to,
    subject: 'Iemand wilde een Mantelkring-account maken met uw e-mailadres',
    text:
      `Beste ${input.displayName},\n\nIemand probeerde een nieuw account te maken met dit e-mailadres. U heeft al een account.\n` +
      `Wachtwoord vergeten? Vraag een nieuw wachtwoord aan op ${input.publicUrl}${PATHS.forgotPassword()}\n\n` +
      `Was u dit niet? Dan hoeft u niets te doen.\n\nMet vriendelijke groet,\nMantelkring`,
  };
}

/** A reset link the owner asked for: single use, valid for `validMinutes`. */
export function passwordResetMail(input: { to: string; displayName: string; token: string; validMinutes: number; publicUrl: string }): Mail {
  return {
    to: input.to,
    subject: 'Nieuw wachtwoord voor Mantelkring',
    text:
      `Beste ${input.displayName},\n\nU vroeg om een nieuw wachtwoord. Klik op deze link om een nieuw wachtwoord te kiezen:\n\n` +
      `${input.publicUrl}${PATHS.resetPassword(input.token)}\n\nDe link werkt ${input.validMinutes} minuten en maar één keer.\n` +
      `Vroeg u niet om een nieuw wachtwoord? Dan hoeft u niets te doen. Uw wachtwoord blijft hetzelfde.\n\nMet vriendelijke groet,\nMantelkring`,
  };
}

/** Many failed logins on the account within `windowMinutes`: logins slow down, the owner hears of it. */
export function manyFailedLoginsMail(input: { to: string; displayName: string; windowMinutes: number; publicUrl: string }): Mail {
  return {
    to: input.to,
    subject: 'Iemand probeerde vaak in te loggen op uw account',
    text:
      `Beste ${input.displayName},\n\nIemand probeerde de afgelopen ${input.windowMinutes} minuten vaak in te loggen op uw Mantelkring-account. ` +
      `Daarbij werd steeds een verkeerd wachtwoord of een verkeerde code gebruikt.\n\n` +
      `Was u dat zelf? Dan hoeft u niets te doen. U kunt gewoon inloggen. Soms moet u eerst even wachten.\n\n` +
      `Was u het niet? Kies dan voor de zekerheid een nieuw wachtwoord: ${input.publicUrl}${PATHS.forgotPassword()}\n` +
      `Gebruik een wachtwoord dat u nergens anders gebruikt. Zet ook inloggen in twee stappen aan, als dat nog niet aan staat.\n\n` +
      `Met vriendelijke groet,\nMantelkring`,
  };
}
