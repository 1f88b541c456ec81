import { describe, expect, it } from 'vitest';
import { checkReminderMail, newSignalMail, signalEscalatedMail } from './mails.ts';

const CLIENT = '0b6f2a52-3c1d-4a7e-9f10-2d3c4b5a6e70';
const ORG = 'aa11bb22-cc33-4d44-8e55-ff6677889900';
const SIGNAL = 'c3d4e5f6-a7b8-4c9d-8e0f-112233445566';

describe('burden mails', () => {
  it('reminds the caregiver of her check with a link to the burden page of the circle', () => {
    const mail = checkReminderMail({ to: 'anja@voorbeeld.nl', givenName: 'Anja', instrumentTitle: 'EDIZ-plus', clientId: CLIENT, publicUrl: 'https://mk.example' });
    expect(mail.to).toBe('anja@voorbeeld.nl');
    expect(mail.text).toContain('Beste Anja,');
    expect(mail.text).toContain('"EDIZ-plus"');
    expect(mail.text).toContain(`https://mk.example/kringen/${CLIENT}/belasting\n`);
  });

  it('tells staff of a new or unpicked signal with its link, and nothing about the caregiver', () => {
    const input = { to: 'fatima@zorg.nl', organisationId: ORG, signalId: SIGNAL, escalationDays: 5, publicUrl: 'https://mk.example' };
    for (const mail of [newSignalMail(input), signalEscalatedMail(input)]) {
      expect(mail.text).toContain(`https://mk.example/organisaties/${ORG}/signalen/${SIGNAL}\n`);
      expect(mail.text).toContain('5 dagen');
      expect(mail.text).not.toMatch(/score van|\d+ punten|Gerrit|Anja/);
    }
    expect(newSignalMail(input).subject).toBe('Nieuw signaal: een mantelzorger heeft mogelijk hulp nodig');
    expect(signalEscalatedMail(input).subject).toBe('Signaal niet opgepakt: een mantelzorger wacht op contact');
  });
});
