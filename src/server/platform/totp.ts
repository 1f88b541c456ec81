import { randomBytes } from 'node:crypto';
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

/** True when `code` is valid for the secret now (one step of clock drift either way). */
export function verifyTotp(secretBase32: string, code: string): boolean {
  const digits = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(digits)) return false;
  return totpFor(secretBase32, 'check').validate({ token: digits, window: 1 }) !== null;
}

/** The current code for a secret (used by tests and the demo CLI). */
export function currentTotp(secretBase32: string): string {
  return totpFor(secretBase32, 'now').generate();
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
