import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.ts';
import { accountPolicy } from './account.ts';

const actor = (over: Partial<Actor> = {}): Actor => ({
  userId: 'u',
  email: 'u@x.nl',
  displayName: 'U',
  isPlatformAdmin: false,
  personas: ['caregiver'],
  locale: 'nl',
  municipalityCode: null,
  memberships: [],
  sessionId: 's',
  mfaVerified: false,
  mfaRequired: false,
  totpEnabled: false,
  ...over,
});

describe('account policy', () => {
  it('lets staff make an API token only from a session that passed the second factor', () => {
    expect(() => accountPolicy.assertCreateApiToken(actor())).not.toThrow();
    expect(() => accountPolicy.assertCreateApiToken(actor({ mfaRequired: true, mfaVerified: true }))).not.toThrow();
    expect(() => accountPolicy.assertCreateApiToken(actor({ mfaRequired: true }))).toThrow(expect.objectContaining({ code: 'mfa_required' }));
  });

  it('refuses to switch two-step login off for a role that requires it', () => {
    expect(() => accountPolicy.assertDisableTotp(actor({ totpEnabled: true }))).not.toThrow();
    expect(() => accountPolicy.assertDisableTotp(actor({ mfaRequired: true, totpEnabled: true, mfaVerified: true }))).toThrow(
      expect.objectContaining({ code: 'forbidden', detail: 'totp_required_for_role' }),
    );
  });
});
