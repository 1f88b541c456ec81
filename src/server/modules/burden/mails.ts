import { PATHS } from '../../../common/paths.ts';
import type { Mail } from '../../platform/mail.ts';

/**
 * The mails of burden checks. None holds a score or the name of the person cared for: a
 * mail can be read by others, and health data stays in the app.
 */

/** The caregiver's check is due by their schedule. */
export function checkReminderMail(input: { to: string; givenName: string; instrumentTitle: string; clientId: string; publicUrl: string }): Mail {
  return {
    to: input.to,
    subject: 'Hoe gaat het met u? Tijd voor uw korte check',
    text:
      `Beste ${input.givenName},\n\nHet is tijd voor uw korte check "${input.instrumentTitle}". Zo houdt u zicht op hoe zwaar de zorg voor u is. ` +
      `Het kost maar een paar minuten.\n\nDoe de check in Mantelkring:\n${input.publicUrl}${PATHS.circleBurden(input.clientId)}\n\n` +
      `Wilt u deze herinnering minder vaak of niet meer? Dat stelt u zelf in op dezelfde pagina.\n\nMet vriendelijke groet,\nMantelkring`,
  };
}

/** A new signal for the organisation's staff: only that there is one, and the link. */
export function newSignalMail(input: { to: string; organisationId: string; signalId: string; escalationDays: number; publicUrl: string }): Mail {
  return {
    to: input.to,
    subject: 'Nieuw signaal: een mantelzorger heeft mogelijk hulp nodig',
    text:
      `Er is een nieuw signaal binnengekomen: een mantelzorger heeft een hoge of sterk gestegen score op een belastingcheck.\n\n` +
      `Neem binnen ${input.escalationDays} dagen contact op. Bekijk het signaal in Mantelkring:\n${input.publicUrl}${PATHS.organisationSignal(input.organisationId, input.signalId)}\n\nMet vriendelijke groet,\nMantelkring`,
  };
}

/** A signal nobody followed up in time, for the coordinators and admins (and the assigned professional). */
export function signalEscalatedMail(input: { to: string; organisationId: string; signalId: string; escalationDays: number; publicUrl: string }): Mail {
  return {
    to: input.to,
    subject: 'Signaal niet opgepakt: een mantelzorger wacht op contact',
    text:
      `Een signaal van overbelasting staat al ${input.escalationDays} dagen open zonder opvolging. ` +
      `Zorg dat iemand vandaag contact opneemt met de mantelzorger.\n\nBekijk het signaal in Mantelkring:\n${input.publicUrl}${PATHS.organisationSignal(input.organisationId, input.signalId)}\n\nMet vriendelijke groet,\nMantelkring`,
  };
}
