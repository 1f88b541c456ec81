import { PATHS } from '../../../common/paths.ts';
import type { Mail } from '../../platform/mail.ts';

const ROLE_NL: Record<string, string> = {
  professional: 'professional',
  coordinator: 'coördinator',
  policy: 'beleidsmedewerker / ambassadeur',
  org_admin: 'beheerder',
  volunteer: 'vrijwilliger',
};

/** Invites someone by e-mail to work in an organisation in a role: only names, the role and the link. */
export function staffInvitationMail(input: { to: string; organisationName: string; inviterName: string; role: string; token: string; validDays: number; publicUrl: string }): Mail {
  return {
    to: input.to,
    subject: `Uitnodiging: werk mee in Mantelkring voor ${input.organisationName}`,
    text:
      `Beste,\n\n${input.inviterName} nodigt u uit om mee te werken in Mantelkring voor ${input.organisationName}, als ${ROLE_NL[input.role] ?? input.role}.\n\n` +
      `Klik op deze link om de uitnodiging aan te nemen:\n${input.publicUrl}${PATHS.invitation(input.token)}\n\n` +
      `De link werkt ${input.validDays} dagen. Voor deze rol stelt u inloggen in twee stappen in.\n\nMet vriendelijke groet,\nMantelkring`,
  };
}
