import { describe, expect, it } from 'vitest';
import { PATHS } from '../../../common/paths.ts';
import { roleChangedMail } from './mails.ts';

describe('role changed mail', () => {
  const input = {
    to: 'anja@voorbeeld.nl',
    name: 'Anja',
    clientGivenName: 'Gerrit',
    actorName: 'Piet de Vries',
    byRecipient: false,
    changes: [
      { role: 'isMainCaregiver' as const, from: true, to: false, holderName: 'Anja' },
      { role: 'isMainCaregiver' as const, from: false, to: true, holderName: 'Piet' },
    ],
    link: `https://mk.example${PATHS.circlePeople('c-1')}`,
  };

  it('tells what changed, by whom, with the link to the people of the circle', () => {
    const mail = roleChangedMail(input);
    expect(mail.to).toBe('anja@voorbeeld.nl');
    expect(mail.subject).toBe('Verandering in de zorgkring van Gerrit');
    expect(mail.text).toContain('- Anja is niet meer de hoofdmantelzorger.\n- Piet is nu de hoofdmantelzorger.');
    expect(mail.text).toContain('Piet de Vries heeft dit veranderd.');
    expect(mail.text).toContain('https://mk.example/kringen/c-1/mensen\n');
    expect(roleChangedMail({ ...input, byRecipient: true }).text).toContain('U heeft dit zelf veranderd.');
  });

  it('holds only names and roles: no health data', () => {
    expect(roleChangedMail(input).text).not.toMatch(/dementie|diagnose|BSN|belasting|zorgbehoefte/i);
  });
});
