import { describe, expect, it } from 'vitest';
import { currentTotp, hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes, newTotpSecret, verifyTotp } from './totp.ts';

describe('TOTP', () => {
  it('accepts the current code and refuses others', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const code = currentTotp(secret);
    expect(verifyTotp(secret, code)).toBe(true);
    expect(verifyTotp(secret, ` ${code.slice(0, 3)} ${code.slice(3)} `)).toBe(true);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(verifyTotp(secret, wrong)).toBe(false);
    expect(verifyTotp(secret, 'abcdef')).toBe(false);
  });

  it('makes ten distinct recovery codes that hash the same however they are typed', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const first = codes[0] as string;
    expect(hashRecoveryCode(first.toLowerCase().replace('-', ''))).toBe(hashRecoveryCode(first));
    expect(looksLikeRecoveryCode(first)).toBe(true);
    expect(looksLikeRecoveryCode('123456')).toBe(false);
  });
});
