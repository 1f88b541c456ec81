import type { Actor } from '../context.ts';
import { AppError } from '../errors.ts';

/** What a signed-in user may do with their own account: API tokens and two-step login. */
export const accountPolicy = {
  /**
   * Making a personal API token: a user whose role needs 2FA only from a session that passed
   * the second factor (the token carries that assurance).
   */
  assertCreateApiToken(actor: Actor): void {
    if (actor.mfaRequired && !actor.mfaVerified) throw new AppError('mfa_required');
  },

  /** Switching two-step login off: refused for a user whose roles require it (`mfaRequired`). */
  assertDisableTotp(actor: Actor): void {
    if (actor.mfaRequired) throw new AppError('forbidden', 'totp_required_for_role');
  },
};
