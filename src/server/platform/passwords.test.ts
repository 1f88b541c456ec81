import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { assertAcceptablePassword, hashPassword, isCommonPassword, verifyPassword } from './passwords.ts';

describe('password rules', () => {
  it('needs at least 12 characters (counted as characters, not bytes)', () => {
    expect(() => assertAcceptablePassword('elf-tekens1')).toThrow(/12 tekens/);
    expect(() => assertAcceptablePassword('twaalf-tekn1')).not.toThrow();
    expect(() => assertAcceptablePassword('ééééééééééé')).toThrow(/12 tekens/);
  });

  it('refuses breached and common Dutch passwords case-insensitively, and the e-mail address', () => {
    expect(isCommonPassword('1q2w3e4r5t6y')).toBe(true);
    expect(isCommonPassword('WACHTWOORD123')).toBe(true);
    expect(isCommonPassword('Paars-fietsje-onder-de-brug')).toBe(false);
    expect(() => assertAcceptablePassword('Wachtwoord123')).toThrow(/te bekend/);
    expect(() => assertAcceptablePassword('anna@example.nl', 'Anna@Example.nl')).toThrow(/te bekend/);
  });

  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('Een-lang-wachtwoord-9');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'Een-lang-wachtwoord-9')).toBe(true);
    expect(await verifyPassword(hash, 'Een-lang-wachtwoord-8')).toBe(false);
    expect(await verifyPassword('geen-hash', 'x')).toBe(false);
  });

  it('queues hashing beyond one per core and still answers every call right', async () => {
    const hash = await hashPassword('Een-lang-wachtwoord-9');
    const calls = Array.from({ length: 3 * os.availableParallelism() + 1 }, (_, i) => verifyPassword(hash, i % 2 === 0 ? 'Een-lang-wachtwoord-9' : 'fout-wachtwoord-123'));
    expect(await Promise.all(calls)).toEqual(calls.map((_, i) => i % 2 === 0));
  });
});
