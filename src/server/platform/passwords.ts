import fs from 'node:fs';
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from './errors.ts';
import { dataFile } from './paths.ts';

export const MIN_PASSWORD_LENGTH = 12;

let commonPasswords: Set<string> | undefined;

/** The shipped list of common and breached passwords, lower-cased (loaded once). */
function loadCommonPasswords(): Set<string> {
  if (commonPasswords) return commonPasswords;
  const ours = fs
    .readFileSync(dataFile('common-passwords-nl.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const breached = dictionary['passwords-common'] as string[];
  commonPasswords = new Set([...breached, ...ours].map((p) => p.toLowerCase()));
  return commonPasswords;
}

/** True when the password is on the shipped list of common or breached passwords. */
export function isCommonPassword(password: string): boolean {
  return loadCommonPasswords().has(password.toLowerCase());
}

/**
 * Checks the password rules (OWASP ASVS 2.1): at least 12 characters, not on the list of
 * common or breached passwords, not the e-mail address. Throws a user-facing error.
 */
export function assertAcceptablePassword(password: string, email?: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) throw new AppError('password_too_short');
  const lower = password.toLowerCase();
  if (isCommonPassword(password) || (email && lower === email.toLowerCase())) throw new AppError('password_too_common');
}

// argon2id with OWASP's recommended minimum (19 MiB, 2 iterations).
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** Verifies a password against an argon2 hash; false for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
