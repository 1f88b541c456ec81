import { PATHS } from '../../../common/paths.ts';
import type { Mail } from '../../platform/mail.ts';

/**
 * Invites a person on the map of a circle to join with their own account: the link with
 * the code, and the code itself. Only first names: no health data of the client.
 */
export function circleInvitationMail(input: { to: string; name: string; inviterName: string; clientGivenName: string; code: string; validDays: number; publicUrl: string }): Mail {
  return {
    to: input.to,
    subject: `${input.inviterName} nodigt u uit in de zorgkring van ${input.clientGivenName}`,
    text:
      `Beste ${input.name},\n\n${input.inviterName} nodigt u uit om mee te doen in een zorgkring in Mantelkring. ` +
      `Daarin regelt u samen de zorg en ziet u wie wat doet.\n\nKlik op deze link om mee te doen:\n${input.publicUrl}${PATHS.circleInvitation(input.code)}\n\n` +
      `Of vul deze code in na het inloggen: ${input.code}\nDe uitnodiging werkt ${input.validDays} dagen.\n\nMet vriendelijke groet,\nMantelkring`,
  };
}
