import { describe, expect, it } from 'vitest';
import { currentTotp, hashRecoveryCode, looksLikeRecoveryCode, matchTotpStep, newRecoveryCodes, newTotpSecret, TOTP_STEP_MS, totpStep, verifyTotp } from './totp.ts';

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

  it('checks codes against the given clock, one step of drift either way', () => {
    const secret = newTotpSecret();
    const now = new Date(Date.UTC(2026, 11, 7, 12, 0, 10));
    const step = totpStep(now);
    expect(matchTotpStep(secret, currentTotp(secret, now), now)).toBe(step);
    expect(matchTotpStep(secret, currentTotp(secret, new Date(now.getTime() - TOTP_STEP_MS)), now)).toBe(step - 1);
    expect(matchTotpStep(secret, currentTotp(secret, new Date(now.getTime() + TOTP_STEP_MS)), now)).toBe(step + 1);
    expect(matchTotpStep(secret, currentTotp(secret, new Date(now.getTime() + 2 * TOTP_STEP_MS)), now)).toBeNull();
    expect(verifyTotp(secret, currentTotp(secret, now), new Date(now.getTime() + 10 * 60_000))).toBe(false);
  });

  it('refuses a code of a step that was already accepted (replay)', () => {
    const secret = newTotpSecret();
    const now = new Date(Date.UTC(2026, 11, 7, 12, 0, 10));
    const code = currentTotp(secret, now);
    const step = matchTotpStep(secret, code, now, null);
    expect(step).toBe(totpStep(now));
    expect(matchTotpStep(secret, code, now, step)).toBeNull();
    // Ten seconds later, in the same step: still refused.
    expect(matchTotpStep(secret, code, new Date(now.getTime() + 10_000), step)).toBeNull();
    // The code of the next step is accepted (once).
    const next = currentTotp(secret, new Date(now.getTime() + TOTP_STEP_MS));
    expect(matchTotpStep(secret, next, now, step)).toBe((step as number) + 1);
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
