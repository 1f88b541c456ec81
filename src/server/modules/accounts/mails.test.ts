import { describe, expect, it } from 'vitest';
import { addressTakenMail, manyFailedLoginsMail, passwordResetMail, verificationMail } from './mails.ts';

const URL = 'https://mk.example';
const TOKEN = 'Zm9v-YmFy_token';

describe('account mails', () => {
  it('asks to confirm the address with the link and how long it works', () => {
    const mail = verificationMail({ to: 'anja@voorbeeld.nl', displayName: 'Anja', token: TOKEN, validHours: 48, publicUrl: URL });
    expect(mail.to).toBe('anja@voorbeeld.nl');
    expect(mail.subject).toBe('Bevestig uw e-mailadres voor Mantelkring');
    expect(mail.text).toContain('Beste Anja,');
    expect(mail.text).toContain(`\n\n${URL}/e-mail-bevestigen?token=${TOKEN}\n\nDe link werkt 48 uur.\n`);
  });

  it('tells the owner of a taken address, with the link to ask for a new password', () => {
    const mail = addressTakenMail({ to: 'anja@voorbeeld.nl', displayName: 'Anja', publicUrl: URL });
    expect(mail.subject).toBe('Iemand wilde een Mantelkring-account maken met uw e-mailadres');
    expect(mail.text).toContain(`Vraag een nieuw wachtwoord aan op ${URL}/wachtwoord-vergeten\n`);
  });

  it('sends a single-use reset link with its lifetime', () => {
    const mail = passwordResetMail({ to: 'anja@voorbeeld.nl', displayName: 'Anja', token: TOKEN, validMinutes: 60, publicUrl: URL });
    expect(mail.subject).toBe('Nieuw wachtwoord voor Mantelkring');
    expect(mail.text).toContain(`\n\n${URL}/wachtwoord-herstellen?token=${TOKEN}\n\nDe link werkt 60 minuten en maar één keer.\n`);
  });

  it('warns the owner of many failed logins within the window', () => {
    const mail = manyFailedLoginsMail({ to: 'anja@voorbeeld.nl', displayName: 'Anja', windowMinutes: 15, publicUrl: URL });
    expect(mail.subject).toBe('Iemand probeerde vaak in te loggen op uw account');
    expect(mail.text).toContain('de afgelopen 15 minuten vaak in te loggen');
    expect(mail.text).toContain(`Kies dan voor de zekerheid een nieuw wachtwoord: ${URL}/wachtwoord-vergeten\n`);
  });

  it('hold a name and a link, nothing more', () => {
    const mails = [
      verificationMail({ to: 'a@b.nl', displayName: 'Anja', token: TOKEN, validHours: 48, publicUrl: URL }),
      addressTakenMail({ to: 'a@b.nl', displayName: 'Anja', publicUrl: URL }),
      passwordResetMail({ to: 'a@b.nl', displayName: 'Anja', token: TOKEN, validMinutes: 60, publicUrl: URL }),
      manyFailedLoginsMail({ to: 'a@b.nl', displayName: 'Anja', windowMinutes: 15, publicUrl: URL }),
    ];
    for (const mail of mails) {
      expect(mail.text).toMatch(/^Beste Anja,\n\n/);
      expect(mail.text).toMatch(/\n\nMet vriendelijke groet,\nMantelkring$/);
      expect(mail.text).not.toMatch(/BSN|dementie|diagnose/i);
    }
  });
});
