/**
 * Shapes of the circle API answers the web app uses: `z.infer` of the answer schemas in
 * src/common/circle-schemas.ts, which the server validates with.
 */
export type { AccessLogLine, CircleInvitation, CircleInvitationPreview, CircleListItem, Consent, IssuedCode, Note } from '../../../common/circle-schemas.ts';

/** The invitation code kept on this device while someone logs in or makes an account. */
const CODE_STORAGE = 'mantelkring.circleCode';

export function rememberCircleCode(code: string): void {
  try {
    window.localStorage.setItem(CODE_STORAGE, code);
  } catch {
    // Storage off: the link in the mail still works.
  }
}

export function pendingCircleCode(): string | null {
  try {
    return window.localStorage.getItem(CODE_STORAGE);
  } catch {
    return null;
  }
}

export function forgetCircleCode(): void {
  try {
    window.localStorage.removeItem(CODE_STORAGE);
  } catch {
    // Nothing to forget.
  }
}

/** "abcd efgh" → "ABCD-EFGH" (the server accepts any spelling; this is for showing). */
export function normaliseCode(code: string): string {
  const plain = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return plain.length === 8 ? `${plain.slice(0, 4)}-${plain.slice(4)}` : code.trim();
}
