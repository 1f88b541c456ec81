import { describe, expect, it } from 'vitest';
import { staffInvitationMail } from './mails.ts';

describe('staff invitation mail', () => {
  const mail = staffInvitationMail({ to: 'nieuw@zorg.nl', organisationName: 'Thuiszorg Dichtbij', inviterName: 'Marieke Jansen', role: 'coordinator', token: 'tok_EN-123', validDays: 14, publicUrl: 'https://mk.example' });

  it('links to the invitation page with the token, for the invited address', () => {
    expect(mail.to).toBe('nieuw@zorg.nl');
    expect(mail.text).toContain('https://mk.example/uitnodiging?token=tok_EN-123\n');
    expect(mail.subject).toBe('Uitnodiging: werk mee in Mantelkring voor Thuiszorg Dichtbij');
    expect(mail.text).toContain('als coördinator');
    expect(mail.text).toContain('De link werkt 14 dagen.');
  });

  it('holds no health data: only the organisation, the inviter and the role', () => {
    expect(mail.text).not.toMatch(/cliënt|client|zorgkring|belasting|BSN/i);
  });
});
