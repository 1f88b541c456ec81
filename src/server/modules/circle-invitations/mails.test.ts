import { describe, expect, it } from 'vitest';
import { circleInvitationMail } from './mails.ts';

describe('circle invitation mail', () => {
  const mail = circleInvitationMail({ to: 'piet@voorbeeld.nl', name: 'Piet', inviterName: 'Anja de Vries', clientGivenName: 'Gerrit', code: 'ABCD-EF23', validDays: 14, publicUrl: 'https://mk.example' });

  it('links to the circle invitation page with the code, and gives the code itself', () => {
    expect(mail.to).toBe('piet@voorbeeld.nl');
    expect(mail.subject).toBe('Anja de Vries nodigt u uit in de zorgkring van Gerrit');
    expect(mail.text).toContain('https://mk.example/kring-uitnodiging?code=ABCD-EF23\n');
    expect(mail.text).toContain('Of vul deze code in na het inloggen: ABCD-EF23');
    expect(mail.text).toContain('Beste Piet,');
    expect(mail.text).toContain('De uitnodiging werkt 14 dagen.');
  });

  it('names the client by first name only and holds no health data', () => {
    expect(`${mail.subject}\n${mail.text}`).not.toMatch(/dementie|diagnose|BSN|belasting|zorgbehoefte/i);
    expect(mail.text).not.toContain('Gerrit');
  });
});
