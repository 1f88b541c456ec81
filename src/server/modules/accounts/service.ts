import { setTimeout as sleep } from 'node:timers/promises';
import type { Queryable } from '../../../db/types.ts';
import type { Actor, Origin, Services } from '../../platform/context.ts';
import { assertMunicipality } from '../reference/service.ts';
import { AppError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { assertAcceptablePassword, hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { createSession } from '../../platform/sessions.ts';
import { endSession, endSessionOfUser, endSessionsOfUser, listLiveSessions, markSessionMfa } from '../../platform/sessions.queries.ts';
import {
  accountBucket,
  clearAccountFailures,
  countInWindow,
  ipBucket,
  isLimited,
  LOGIN_LIMITS,
  loginGate,
  MAIL_REQUEST_LIMITS,
  ownerWarnedBucket,
  recordFailure,
  recordLoginFailure,
} from '../../platform/throttle.ts';
import { randomToken, sha256 } from '../../platform/tokens.ts';
import { hashRecoveryCode, looksLikeRecoveryCode, matchTotpStep, newRecoveryCodes, newTotpSecret, totpEnrolment } from '../../platform/totp.ts';
import { revokeApiTokensOfUser } from '../api-tokens/service.ts';
import { requireActor } from '../../platform/policy/index.ts';
import { accountPolicy } from '../../platform/policy/account.ts';
import { addressTakenMail, manyFailedLoginsMail, passwordResetMail, verificationMail } from './mails.ts';
import * as q from './queries.ts';

const VERIFY_HOURS = 48;
const RESET_MINUTES = 60;
// A dummy hash so an unknown e-mail costs as much time as a wrong password.
let dummyHash: Promise<string> | undefined;
/**
 * Requests for a reset or verification mail take at least this long (real time), whether
 * or not the address has an account, on top of doing comparable database work in both cases.
 */
export const MAIL_REQUEST_MIN_MS = 200;

/** Waits until `minMs` have passed since `startedMs` (real time, not the injectable clock). */
async function padTo(startedMs: number, minMs: number): Promise<void> {
  const left = startedMs + minMs - performance.now();
  if (left > 0) await sleep(left);
}

/**
 * Counts a request for a mail (reset or verification) per address and per IP and refuses it
 * past the limit. The count is kept for unknown addresses too, so the answer tells nothing.
 */
async function countMailRequest(tx: Queryable, kind: 'reset' | 'verify-mail', email: string, ip: string | null, now: Date): Promise<void> {
  const buckets = [`${kind}-${accountBucket(email)}`, `${kind}-${ipBucket(ip)}`] as const;
  const limited = await isLimited(
    tx,
    [
      { bucket: buckets[0], limit: MAIL_REQUEST_LIMITS.perAddress },
      { bucket: buckets[1], limit: MAIL_REQUEST_LIMITS.perIp },
    ],
    MAIL_REQUEST_LIMITS.windowMinutes,
    now,
  );
  if (limited) throw new AppError('too_many_attempts', 'mail_requests_too_many');
  await recordFailure(tx, [...buckets], now);
}

/** Refuses an attempt while the IP is over its limit or the account must wait (see throttle.ts). */
async function assertLoginGate(db: Queryable, email: string, origin: Origin, now: Date, action: string): Promise<void> {
  const gate = await loginGate(db, email, origin.ip, now);
  if (!gate.ipBlocked && gate.waitSeconds === 0) return;
  await audit(db, {}, origin, { action, resourceType: 'user', outcome: 'denied', detail: { reason: 'throttled' } });
  throw gate.ipBlocked ? new AppError('too_many_attempts') : new AppError('too_many_attempts', { key: 'login_wait', params: { seconds: gate.waitSeconds } });
}

/**
 * Counts a failed login or wrong TOTP code for the account and the IP, with its audit line.
 * When the account reaches the warning count, its owner gets one mail per window. The same
 * queries run whether or not the account exists.
 */
async function recordFailedAttempt(
  services: Services,
  input: { email: string; user: { id: string; email: string; display_name: string } | null; reason: string; action: string },
  origin: Origin,
  now: Date,
): Promise<void> {
  await services.db.transaction(async (tx) => {
    await recordLoginFailure(tx, input.email, origin.ip, now);
    await audit(tx, { userId: input.user?.id ?? null }, origin, { action: input.action, resourceType: 'user', resourceId: input.user?.id, outcome: 'denied', detail: { reason: input.reason } });
    const failures = await countInWindow(tx, accountBucket(input.email), LOGIN_LIMITS.windowMinutes, now);
    if (failures < LOGIN_LIMITS.warnOwnerAfter) return;
    const warned = await countInWindow(tx, ownerWarnedBucket(input.email), LOGIN_LIMITS.windowMinutes, now);
    if (warned > 0 || !input.user) return;
    await recordFailure(tx, [ownerWarnedBucket(input.email)], now);
    await services.mailer.enqueue(
      tx,
      manyFailedLoginsMail({ to: input.user.email, displayName: input.user.display_name, windowMinutes: LOGIN_LIMITS.windowMinutes, publicUrl: services.config.publicUrl }),
    );
    await audit(tx, { userId: input.user.id }, origin, { action: 'owner_warned', resourceType: 'user', resourceId: input.user.id, detail: { reason: 'many_failed_logins', failures } });
  });
}

/**
 * Checks a TOTP code and uses up its time-step: a code counts once, so a code seen over
 * someone's shoulder or caught in transit cannot be used again. 'used' means the code was
 * right but its step (or a later one) was already accepted.
 */
async function useTotpCode(db: Queryable, user: { id: string; totp_secret: string; totp_last_step: number | null }, code: string, now: Date): Promise<'ok' | 'wrong' | 'used'> {
  const step = matchTotpStep(user.totp_secret, code, now, user.totp_last_step);
  if (step === null) return matchTotpStep(user.totp_secret, code, now) === null ? 'wrong' : 'used';
  return (await q.consumeTotpStep(db, user.id, step)) ? 'ok' : 'used';
}

/**
 * A TOTP code on the user's own 2FA settings: throttled and counted like a login, so these
 * routes cannot be used to guess codes.
 */
async function assertOwnTotp(services: Services, actor: Actor, user: q.UserRecord & { totp_secret: string }, code: string, origin: Origin): Promise<void> {
  const now = services.now();
  await assertLoginGate(services.db, actor.email, origin, now, 'totp_check');
  const result = await useTotpCode(services.db, user, code, now);
  if (result === 'ok') return;
  await recordFailedAttempt(services, { email: actor.email, user, reason: result === 'used' ? 'second_factor_replay' : 'second_factor', action: 'totp_check' }, origin, now);
  throw new AppError('totp_invalid', result === 'used' ? 'totp_code_used' : undefined);
}

/** Self-registration personas. Staff accounts come from organisation invitations. */
export type SelfPersona = 'caregiver' | 'volunteer';

async function sendVerification(services: Services, tx: Parameters<Services['mailer']['enqueue']>[0], user: { id: string; email: string; displayName: string }) {
  const token = randomToken();
  await q.insertEmailToken(tx, { hash: sha256(token), userId: user.id, purpose: 'verify_email', expiresAt: new Date(services.now().getTime() + VERIFY_HOURS * 3_600_000) });
  await services.mailer.enqueue(tx, verificationMail({ to: user.email, displayName: user.displayName, token, validHours: VERIFY_HOURS, publicUrl: services.config.publicUrl }));
}

/**
 * Registers a caregiver or volunteer and mails a verification link. When the address is
 * taken the owner gets a mail instead; the answer is the same, so nobody can find out
 * through this form who has an account.
 */
export async function accountRegistrar(
  services: Services,
  input: {
    /** Login e-mail address. */
    email: string;
    /** Chosen password (rules: ≥ 12 characters, not common). */
    password: string;
    /** Name shown to others. */
    displayName: string;
    /** Caregiver or volunteer. */
    persona: SelfPersona;
    /** Municipality where the person lives (CBS code), optional. */
    municipalityCode?: string | null;
    locale: 'nl' | 'en';
  },
  origin: Origin,
): Promise<void> {
  assertAcceptablePassword(input.password, input.email);
  if (input.municipalityCode) {
    await assertMunicipality(services.db, input.municipalityCode);
  }
  const passwordHash = await hashPassword(input.password);
  await services.db.transaction(async (tx) => {
    const existing = await q.findUserByEmail(tx, input.email);
    if (existing) {
      await services.mailer.enqueue(tx, addressTakenMail({ to: existing.email, displayName: existing.display_name, publicUrl: services.config.publicUrl }));
      return;
    }
    const id = await q.insertUser(tx, {
      email: input.email,
      displayName: input.displayName,
      passwordHash,
      personas: [input.persona],
      locale: input.locale,
      municipalityCode: input.municipalityCode ?? null,
      verified: false,
    });
    await sendVerification(services, tx, { id, email: input.email.trim(), displayName: input.displayName });
    await audit(tx, { userId: id, userDisplay: input.displayName }, origin, { action: 'create', resourceType: 'user', resourceId: id, detail: { via: 'registration' } });
  });
}

/** Confirms an e-mail address with the token from the verification mail. */
export async function emailVerifier(services: Services, input: { token: string }, origin: Origin): Promise<void> {
  await services.db.transaction(async (tx) => {
    const userId = await q.consumeEmailToken(tx, sha256(input.token), 'verify_email', services.now());
    if (!userId) throw new AppError('token_invalid');
    await q.markEmailVerified(tx, userId);
    await audit(tx, { userId }, origin, { action: 'update', resourceType: 'user', resourceId: userId, detail: { field: 'email_verified' } });
  });
}

/**
 * Sends a new verification link when the account exists and is not yet verified. Limited per
 * address and per IP; the answer and the work done are the same whether or not it exists.
 */
export async function verificationResender(services: Services, input: { email: string }, origin: Origin): Promise<void> {
  const started = performance.now();
  try {
    const now = services.now();
    await services.db.transaction(async (tx) => {
      await countMailRequest(tx, 'verify-mail', input.email, origin.ip, now);
      const user = await q.findUserByEmail(tx, input.email);
      if (!user || user.email_verified_at || user.disabled_at) {
        await audit(tx, { userId: user?.id ?? null }, origin, { action: 'verification_resend_requested', resourceType: 'user', resourceId: user?.id, outcome: 'denied', detail: { reason: user ? 'not_needed' : 'no_account' } });
        return;
      }
      await sendVerification(services, tx, { id: user.id, email: user.email, displayName: user.display_name });
      await audit(tx, { userId: user.id }, origin, { action: 'verification_resend_requested', resourceType: 'user', resourceId: user.id });
    });
  } finally {
    await padTo(started, MAIL_REQUEST_MIN_MS);
  }
}

/**
 * Logs in with e-mail, password and (when set up) a TOTP or recovery code. Failures are
 * counted per account and per IP: past the IP limit every attempt is refused for a while;
 * an account is never locked, but after a few failures each attempt has to wait a little
 * longer, and the owner gets a mail (see platform/throttle.ts).
 */
export async function loginAttempt(
  services: Services,
  input: { email: string; password: string; totp?: string },
  origin: Origin,
): Promise<{ token: string; expiresAt: Date; userId: string; sessionId: string; mfaVerified: boolean }> {
  const { db } = services;
  const now = services.now();
  await assertLoginGate(db, input.email, origin, now, 'login');
  const user = await q.findUserByEmail(db, input.email);
  const passwordOk = user?.password_hash
    ? await verifyPassword(user.password_hash, input.password)
    : await verifyPassword(await (dummyHash ??= hashPassword(randomToken())), input.password);
  if (!user || !passwordOk) {
    await recordFailedAttempt(services, { email: input.email, user, reason: 'credentials', action: 'login' }, origin, now);
    throw new AppError('invalid_credentials');
  }
  if (user.disabled_at) throw new AppError('account_disabled');
  if (!user.email_verified_at) throw new AppError('email_not_verified');

  let mfaVerified = false;
  if (user.totp_enabled_at && user.totp_secret) {
    const code = input.totp?.trim();
    if (!code) throw new AppError('totp_required');
    let result: 'ok' | 'wrong' | 'used';
    if (looksLikeRecoveryCode(code)) result = (await q.useRecoveryCode(db, user.id, hashRecoveryCode(code))) ? 'ok' : 'wrong';
    else result = await useTotpCode(db, { ...user, totp_secret: user.totp_secret }, code, now);
    if (result !== 'ok') {
      await recordFailedAttempt(services, { email: input.email, user, reason: result === 'used' ? 'second_factor_replay' : 'second_factor', action: 'login' }, origin, now);
      throw new AppError('totp_invalid', result === 'used' ? 'totp_code_used' : undefined);
    }
    mfaVerified = true;
  }
  return db.transaction(async (tx) => {
    await clearAccountFailures(tx, input.email);
    const session = await createSession(tx, {
      userId: user.id,
      mfaVerified,
      userAgent: origin.userAgent,
      ip: origin.ip,
      now,
      limits: { idleMinutes: services.config.sessionIdleMinutes, maxHours: services.config.sessionMaxHours },
    });
    await audit(tx, { userId: user.id, userDisplay: user.display_name }, origin, { action: 'login', resourceType: 'user', resourceId: user.id, detail: { mfa: mfaVerified } });
    return { token: session.token, expiresAt: session.expiresAt, userId: user.id, sessionId: session.id, mfaVerified };
  });
}

/** Ends the current session; the change and its audit line commit together. */
export async function logout(services: Services, actor: Actor, origin: Origin): Promise<void> {
  await services.db.transaction(async (tx) => {
    await endSession(tx, actor.sessionId);
    await audit(tx, { actor }, origin, { action: 'logout', resourceType: 'user', resourceId: actor.userId });
  });
}

/**
 * Mails a reset link when the account exists. Limited per address and per IP; the answer,
 * the database work (count, lookup, audit line) and the minimum duration are the same
 * whether or not the address has an account.
 */
export async function passwordResetRequester(services: Services, input: { email: string }, origin: Origin): Promise<void> {
  const started = performance.now();
  try {
    const now = services.now();
    const token = randomToken();
    await services.db.transaction(async (tx) => {
      await countMailRequest(tx, 'reset', input.email, origin.ip, now);
      const user = await q.findUserByEmail(tx, input.email);
      if (!user || user.disabled_at) {
        await audit(tx, { userId: user?.id ?? null }, origin, { action: 'password_reset_requested', resourceType: 'user', resourceId: user?.id, outcome: 'denied', detail: { reason: user ? 'disabled' : 'no_account' } });
        return;
      }
      await q.insertEmailToken(tx, { hash: sha256(token), userId: user.id, purpose: 'reset_password', expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000) });
      await services.mailer.enqueue(tx, passwordResetMail({ to: user.email, displayName: user.display_name, token, validMinutes: RESET_MINUTES, publicUrl: services.config.publicUrl }));
      await audit(tx, { userId: user.id }, origin, { action: 'password_reset_requested', resourceType: 'user', resourceId: user.id });
    });
  } finally {
    await padTo(started, MAIL_REQUEST_MIN_MS);
  }
}

/**
 * Sets a new password with a reset token. In one transaction: the account's other reset
 * links stop working, every session ends and every personal API token is revoked.
 */
export async function passwordResetter(services: Services, input: { token: string; password: string }, origin: Origin): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  const now = services.now();
  await services.db.transaction(async (tx) => {
    const userId = await q.consumeEmailToken(tx, sha256(input.token), 'reset_password', now);
    if (!userId) throw new AppError('token_invalid');
    const user = await q.findUserById(tx, userId);
    if (!user) throw new AppError('token_invalid');
    assertAcceptablePassword(input.password, user.email);
    // Following the link proves the address, so it counts as verification too.
    await q.setPasswordHash(tx, userId, passwordHash, { verifiesEmail: true });
    const otherLinks = await q.cancelOpenEmailTokens(tx, userId, 'reset_password', now);
    const sessionsEnded = await endSessionsOfUser(tx, userId);
    const apiTokensRevoked = await revokeApiTokensOfUser(tx, userId, { userId }, origin, 'password_reset');
    // The owner proved access to the mailbox: earlier failed logins no longer slow them down.
    await clearAccountFailures(tx, user.email);
    await audit(tx, { userId }, origin, { action: 'update', resourceType: 'user', resourceId: userId, detail: { field: 'password', via: 'reset', otherLinks, sessionsEnded, apiTokensRevoked } });
  });
}

/** Changes the password of the logged-in user; other sessions end and every personal API token is revoked. */
export async function passwordChanger(services: Services, actor: Actor, input: { currentPassword: string; newPassword: string }, origin: Origin): Promise<void> {
  requireActor(actor);
  const user = await q.findUserById(services.db, actor.userId);
  if (!user?.password_hash || !(await verifyPassword(user.password_hash, input.currentPassword))) throw new AppError('invalid_credentials', 'current_password_wrong');
  assertAcceptablePassword(input.newPassword, user.email);
  const passwordHash = await hashPassword(input.newPassword);
  await services.db.transaction(async (tx) => {
    await q.setPasswordHash(tx, actor.userId, passwordHash, { verifiesEmail: false });
    const sessionsEnded = await endSessionsOfUser(tx, actor.userId, actor.sessionId);
    const apiTokensRevoked = await revokeApiTokensOfUser(tx, actor.userId, { actor }, origin, 'password_change');
    await audit(tx, { actor }, origin, { action: 'update', resourceType: 'user', resourceId: actor.userId, detail: { field: 'password', sessionsEnded, apiTokensRevoked } });
  });
}

/** Updates the user's own name and language. */
export async function profileUpdater(services: Services, actor: Actor, input: { displayName?: string; locale?: 'nl' | 'en' }, origin: Origin): Promise<void> {
  requireActor(actor);
  await services.db.transaction(async (tx) => {
    await q.updateProfile(tx, actor.userId, input);
    await audit(tx, { actor }, origin, { action: 'update', resourceType: 'user', resourceId: actor.userId, detail: { fields: Object.keys(input) } });
  });
}

/** The user's own live sessions. */
export async function ownSessionsLister(services: Services, actor: Actor) {
  requireActor(actor);
  return listLiveSessions(services.db, actor.userId, services.now(), services.config.sessionIdleMinutes);
}

/** Ends one of the user's own sessions; the change and its audit line commit together. */
export async function ownSessionEnder(services: Services, actor: Actor, input: { sessionId: string }, origin: Origin): Promise<void> {
  requireActor(actor);
  await services.db.transaction(async (tx) => {
    if (!(await endSessionOfUser(tx, actor.userId, input.sessionId))) throw new AppError('not_found');
    await audit(tx, { actor }, origin, { action: 'session_ended', resourceType: 'session', resourceId: input.sessionId.slice(0, 12) });
  });
}

/**
 * "Log out everywhere else": ends every other session of the user and revokes every personal
 * API token, in one transaction with the audit lines. The current session stays.
 */
export async function otherSessionsEnder(services: Services, actor: Actor, origin: Origin): Promise<{ sessionsEnded: number; apiTokensRevoked: number }> {
  requireActor(actor);
  return services.db.transaction(async (tx) => {
    const sessionsEnded = await endSessionsOfUser(tx, actor.userId, actor.sessionId);
    const apiTokensRevoked = await revokeApiTokensOfUser(tx, actor.userId, { actor }, origin, 'end_all_sessions');
    await audit(tx, { actor }, origin, { action: 'session_ended', resourceType: 'session', detail: { scope: 'all_others', sessionsEnded, apiTokensRevoked } });
    return { sessionsEnded, apiTokensRevoked };
  });
}

/** Starts TOTP set-up: a new secret (not yet active) with its QR code. */
export async function totpSetupStarter(services: Services, actor: Actor): Promise<{ secret: string; uri: string; qrSvg: string }> {
  requireActor(actor);
  if (actor.totpEnabled) throw new AppError('conflict', 'totp_already_enabled');
  const secret = newTotpSecret();
  await q.setPendingTotpSecret(services.db, actor.userId, secret);
  const { uri, qrSvg } = await totpEnrolment(secret, actor.email);
  return { secret, uri, qrSvg };
}

/** Confirms TOTP set-up with a first code; returns ten recovery codes (shown once). */
export async function totpEnabler(services: Services, actor: Actor, input: { code: string }, origin: Origin): Promise<{ recoveryCodes: string[] }> {
  requireActor(actor);
  const user = await q.findUserById(services.db, actor.userId);
  if (!user?.totp_secret || user.totp_enabled_at) throw new AppError('conflict', 'totp_setup_not_started');
  await assertOwnTotp(services, actor, { ...user, totp_secret: user.totp_secret }, input.code, origin);
  const codes = newRecoveryCodes();
  await services.db.transaction(async (tx) => {
    await q.enableTotp(tx, actor.userId);
    await q.replaceRecoveryCodes(tx, actor.userId, codes.map(hashRecoveryCode));
    await markSessionMfa(tx, actor.sessionId);
    await audit(tx, { actor }, origin, { action: 'update', resourceType: 'user', resourceId: actor.userId, detail: { field: 'totp', enabled: true } });
  });
  return { recoveryCodes: codes };
}

/** Makes new recovery codes (the old ones stop working); needs a current TOTP code. */
export async function recoveryCodesRegenerator(services: Services, actor: Actor, input: { code: string }, origin: Origin): Promise<{ recoveryCodes: string[] }> {
  requireActor(actor);
  const user = await q.findUserById(services.db, actor.userId);
  if (!user?.totp_secret || !user.totp_enabled_at) throw new AppError('conflict', 'totp_not_enabled');
  await assertOwnTotp(services, actor, { ...user, totp_secret: user.totp_secret }, input.code, origin);
  const codes = newRecoveryCodes();
  await services.db.transaction(async (tx) => {
    await q.replaceRecoveryCodes(tx, actor.userId, codes.map(hashRecoveryCode));
    await audit(tx, { actor }, origin, { action: 'update', resourceType: 'user', resourceId: actor.userId, detail: { field: 'recovery_codes' } });
  });
  return { recoveryCodes: codes };
}

/** Turns TOTP off (refused for roles that require it); every personal API token is revoked, as tokens carry the 2FA assurance. */
export async function totpDisabler(services: Services, actor: Actor, input: { code: string }, origin: Origin): Promise<void> {
  accountPolicy.assertDisableTotp(actor);
  const user = await q.findUserById(services.db, actor.userId);
  if (!user?.totp_secret || !user.totp_enabled_at) throw new AppError('conflict', 'totp_not_enabled');
  await assertOwnTotp(services, actor, { ...user, totp_secret: user.totp_secret }, input.code, origin);
  await services.db.transaction(async (tx) => {
    await q.disableTotp(tx, actor.userId);
    await q.deleteRecoveryCodes(tx, actor.userId);
    const apiTokensRevoked = await revokeApiTokensOfUser(tx, actor.userId, { actor }, origin, 'totp_disabled');
    await audit(tx, { actor }, origin, { action: 'update', resourceType: 'user', resourceId: actor.userId, detail: { field: 'totp', enabled: false, apiTokensRevoked } });
  });
}

/** Facts for the "me" presenter: the actor holds the account (read with the session), so only recovery codes are counted. */
export async function ownAccountReader(services: Services, actor: Actor) {
  requireActor(actor);
  const recoveryCodesLeft = actor.totpEnabled ? await q.countUnusedRecoveryCodes(services.db, actor.userId) : 0;
  return { actor, recoveryCodesLeft };
}
