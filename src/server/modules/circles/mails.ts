import type { Mail } from '../../platform/mail.ts';
import type { RoleChange } from '../../platform/policy/client.ts';

/** One changed role of one person, as the mail tells it. */
export interface ToldRoleChange extends RoleChange {
  holderName: string;
}

function sentence(c: ToldRoleChange): string {
  if (c.role === 'isMainCaregiver') return c.to ? `${c.holderName} is nu de hoofdmantelzorger.` : `${c.holderName} is niet meer de hoofdmantelzorger.`;
  return c.to ? `${c.holderName} is nu wettelijk vertegenwoordiger.` : `${c.holderName} is niet meer wettelijk vertegenwoordiger.`;
}

/**
 * Tells someone who decided on access that a deciding role in the circle changed. Plain
 * words (B1), only names and roles: no health data.
 */
export function roleChangedMail(input: { to: string; name: string; clientGivenName: string; actorName: string; byRecipient: boolean; changes: ToldRoleChange[]; link: string }): Mail {
  const who = input.byRecipient ? 'U heeft dit zelf veranderd. Dan hoeft u niets te doen.' : `${input.actorName} heeft dit veranderd.`;
  return {
    to: input.to,
    subject: `Verandering in de zorgkring van ${input.clientGivenName}`,
    text:
      `Beste ${input.name},\n\n` +
      `In de zorgkring van ${input.clientGivenName} in Mantelkring is iets veranderd:\n` +
      input.changes.map((c) => `- ${sentence(c)}`).join('\n') +
      `\n\n${who}\n\n` +
      `U krijgt dit bericht omdat u beslist wie wat mag zien in deze kring. ` +
      `Een hoofdmantelzorger of wettelijk vertegenwoordiger kan ook over de kring beslissen.\n\n` +
      `Klopt dit niet? Kijk dan in Mantelkring wie er in de kring staan:\n${input.link}\n\n` +
      `Met vriendelijke groet,\nMantelkring`,
  };
}
