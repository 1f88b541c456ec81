import fs from 'node:fs';
import os from 'node:os';
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

/**
 * At most one argon2 computation per core at a time. Each takes 19 MiB while it runs; more at
 * once than there are cores adds no speed, only memory (the benchmark's login scenario at 10
 * connections peaked at 316 MB resident, against 245 MB for the rest of the app).
 */
const HASH_SLOTS = Math.max(1, os.availableParallelism());
let hashesRunning = 0;
const waitingForSlot: (() => void)[] = [];

/** Runs `work` when a hashing slot is free. */
async function inHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (hashesRunning >= HASH_SLOTS) await new Promise<void>((resolve) => waitingForSlot.push(resolve));
  else hashesRunning++;
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next in line, or give it back.
    const next = waitingForSlot.shift();
    if (next) next();
    else hashesRunning--;
  }
}

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return inHashSlot(() => hash(password, ARGON2_OPTIONS));
}

/** Verifies a password against an argon2 hash; false for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await inHashSlot(() => verify(passwordHash, password));
  } catch {
    return false;
  }
}
