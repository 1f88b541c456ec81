import { describe, expect, it } from 'vitest';
import { digestMail } from './mails.ts';

describe('digestMail', () => {
  it('counts the unread notifications and links to the page, in Dutch', () => {
    const mail = digestMail({ to: 'a@example.nl', givenName: 'Anja', unread: 3, locale: 'nl', publicUrl: 'https://mk.example' });
    expect(mail.subject).toBe('Mantelkring: 3 nieuwe meldingen');
    expect(mail.text).toContain('Beste Anja');
    expect(mail.text).toContain('https://mk.example/meldingen');
    expect(mail.text).toContain('https://mk.example/account#meldingen');
  });

  it('writes one notification in the singular, and English for English readers', () => {
    expect(digestMail({ to: 'a@example.nl', givenName: 'Anja', unread: 1, locale: 'nl', publicUrl: '' }).subject).toBe('Mantelkring: 1 nieuwe melding');
    const en = digestMail({ to: 'a@example.nl', givenName: 'Ann', unread: 1, locale: 'en', publicUrl: '' });
    expect(en.subject).toBe('Mantelkring: 1 new notification');
    expect(en.text).toContain('There is 1 notification');
  });
});
