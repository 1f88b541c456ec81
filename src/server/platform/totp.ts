import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { sha256 } from './tokens.ts';

const ISSUER = 'Mantelkring';

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secretBase32) });
}

/** A new random TOTP secret (160 bits, base32). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** Length of one TOTP time-step in milliseconds (RFC 6238: 30 s). */
export const TOTP_STEP_MS = 30_000;

/** The time-step (counter) of a moment: the number of 30 s periods since 1970. */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / TOTP_STEP_MS);
}

/**
 * The time-step a code belongs to, when it is valid at `now` (one step of clock drift
 * either way) and later than `afterStep` (the last step accepted for this user); null
 * otherwise. Storing the returned step and refusing steps up to it makes every code usable
 * once (replay protection).
 */
export function matchTotpStep(secretBase32: string, code: string, now: Date, afterStep: number | null = null): number | null {
  const digits = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(digits)) return null;
  const totp = totpFor(secretBase32, 'check');
  const current = totpStep(now);
  for (const step of [current - 1, current, current + 1]) {
    if (afterStep !== null && step <= afterStep) continue;
    const expected = totp.generate({ timestamp: step * TOTP_STEP_MS });
    if (timingSafeEqual(Buffer.from(expected), Buffer.from(digits))) return step;
  }
  return null;
}

/** True when `code` is valid for the secret at `now` (one step of clock drift either way). Does not protect against replay: use matchTotpStep. */
export function verifyTotp(secretBase32: string, code: string, now: Date = new Date()): boolean {
  return matchTotpStep(secretBase32, code, now) !== null;
}

/** The code for a secret at a moment, by default now (used by tests and the demo CLI). */
export function currentTotp(secretBase32: string, at: Date = new Date()): string {
  return totpFor(secretBase32, 'now').generate({ timestamp: at.getTime() });
}

/** The otpauth:// URI and a QR code (SVG) to scan it with an authenticator app. */
export async function totpEnrolment(secretBase32: string, email: string): Promise<{ uri: string; qrSvg: string }> {
  const uri = totpFor(secretBase32, email).toString();
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return { uri, qrSvg };
}

/** Ten single-use recovery codes, formatted XXXX-XXXX (unambiguous letters and digits). */
export function newRecoveryCodes(count = 10): string[] {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(8);
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4)}`;
  });
}

/** Normalises a typed recovery code and hashes it for storage or lookup. */
export function hashRecoveryCode(code: string): string {
  return sha256(code.toUpperCase().replace(/[^A-Z0-9]/g, ''));
}

/** True when the input looks like a recovery code rather than a six-digit TOTP. */
export function looksLikeRecoveryCode(input: string): boolean {
  return /^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$/.test(input.trim());
}
