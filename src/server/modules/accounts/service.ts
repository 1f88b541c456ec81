import type { Actor, Origin, Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { assertAcceptablePassword, hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { createSession, endSession, endSessionsOfUser, markSessionMfa } from '../../platform/sessions.ts';
import { clearAccountFailures, isThrottled, recordLoginFailure } from '../../platform/throttle.ts';
import { randomToken, sha256 } from '../../platform/tokens.ts';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes, newTotpSecret, totpEnrolment, verifyTotp } from '../../platform/totp.ts';
import { loadMemberships } from '../../platform/actor.ts';
import { mfaRequiredFor, requireActor } from '../../platform/policy/index.ts';
import * as q from './queries.ts';

const VERIFY_HOURS = 48;
const RESET_MINUTES = 60;
// A dummy hash so an unknown e-mail costs as much time as a wrong password.
let dummyHash: Promise<string> | undefined;

/** Self-registration personas. Staff accounts come from organisation invitations. */
export type SelfPersona = 'caregiver' | 'volunteer';

async function sendVerification(services: Services, tx: Parameters<Services['mailer']['enqueue']>[0], user: { id: string; email: string; displayName: string }) {
  const token = randomToken();
  await q.insertEmailToken(tx, { hash: sha256(token), userId: user.id, purpose: 'verify_email', expiresAt: new Date(services.now().getTime() + VERIFY_HOURS * 3_600_000) });
  await services.mailer.enqueue(tx, {
    to: user.email,
    subject: 'Bevestig uw e-mailadres voor Mantelkring',
    text:
      `Beste ${user.displayName},\n\nWelkom bij Mantelkring. Klik op deze link om uw e-mailadres te bevestigen:\n\n` +
      `${services.config.publicUrl}/e-mail-bevestigen?token=${token}\n\nDe link werkt ${VERIFY_HOURS} uur.\n` +
      `Heeft u zich niet aangemeld? Dan kunt u deze e-mail negeren.\n\nMet vriendelijke groet,\nMantelkring`,
  });
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
    const { rowCount } = await services.db.query('select 1 from municipalities where code = $1', [input.municipalityCode]);
    if (rowCount === 0) throw new AppError('validation_failed', 'municipality_unknown', [{ path: '/municipalityCode' }]);
  }
  const passwordHash = await hashPassword(input.password);
  await services.db.transaction(async (tx) => {
    const existing = await q.findUserByEmail(tx, input.email);
    if (existing) {
      await services.mailer.enqueue(tx, {
        to: existing.email,
        subject: 'Iemand wilde een Mantelkring-account maken met uw e-mailadres',
        text:
          `Beste ${existing.display_name},\n\nIemand probeerde een nieuw account te maken met dit e-mailadres. U heeft al een account.\n` +
          `Wachtwoord vergeten? Vraag een nieuw wachtwoord aan op ${services.config.publicUrl}/wachtwoord-vergeten\n\n` +
          `Was u dit niet? Dan hoeft u niets te doen.\n\nMet vriendelijke groet,\nMantelkring`,
      });
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
    await tx.query('update users set email_verified_at = coalesce(email_verified_at, now()), updated_at = now() where id = $1', [userId]);
    await audit(tx, { userId }, origin, { action: 'update', resourceType: 'user', resourceId: userId, detail: { field: 'email_verified' } });
  });
}

/** Sends a new verification link when the account exists and is not yet verified. */
export async function verificationResender(services: Services, input: { email: string }): Promise<void> {
  await services.db.transaction(async (tx) => {
    const user = await q.findUserByEmail(tx, input.email);
    if (!user || user.email_verified_at) return;
    await sendVerification(services, tx, { id: user.id, email: user.email, displayName: user.display_name });
  });
}

/**
 * Logs in with e-mail, password and (when set up) a TOTP or recovery code. Failures are
 * counted per account and per IP; past the limit every attempt is refused for a while.
 */
export async function loginAttempt(
  services: Services,
  input: { email: string; password: string; totp?: string },
  origin: Origin,
): Promise<{ token: string; expiresAt: Date; userId: string; sessionId: string; mfaVerified: boolean }> {
  const { db } = services;
  const now = services.now();
  if (await isThrottled(db, input.email, origin.ip, now)) {
    await audit(db, {}, origin, { action: 'login', resourceType: 'user', outcome: 'denied', detail: { reason: 'throttled' } });
    throw new AppError('too_many_attempts');
  }
  const user = await q.findUserByEmail(db, input.email);
  const passwordOk = user?.password_hash
    ? await verifyPassword(user.password_hash, input.password)
    : await verifyPassword(await (dummyHash ??= hashPassword(randomToken())), input.password);
  if (!user || !passwordOk) {
    await recordLoginFailure(db, input.email, origin.ip, now);
    await audit(db, { userId: user?.id ?? null }, origin, { action: 'login', resourceType: 'user', resourceId: user?.id, outcome: 'denied', detail: { reason: 'credentials' } });
    throw new AppError('invalid_credentials');
  }
  if (user.disabled_at) throw new AppError('account_disabled');
  if (!user.email_verified_at) throw new AppError('email_not_verified');

  let mfaVerified = false;
  if (user.totp_enabled_at && user.totp_secret) {
    const code = input.totp?.trim();
    if (!code) throw new AppError('totp_required');
    const ok = looksLikeRecoveryCode(code) ? await q.useRecoveryCode(db, user.id, hashRecoveryCode(code)) : verifyTotp(user.totp_secret, code);
    if (!ok) {
      await recordLoginFailure(db, input.email, origin.ip, now);
      await audit(db, { userId: user.id }, origin, { action: 'login', resourceType: 'user', resourceId: user.id, outcome: 'denied', detail: { reason: 'second_factor' } });
      throw new AppError('totp_invalid');
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

/** Ends the current session. */
export async function logout(services: Services, actor: Actor, origin: Origin): Promise<void> {
  await endSession(services.db, actor.sessionId);
  await audit(services.db, { actor }, origin, { action: 'logout', resourceType: 'user', resourceId: actor.userId });
}

/** Mails a reset link when the account exists; answers the same either way. */
export async function passwordResetRequester(services: Services, input: { email: string }, origin: Origin): Promise<void> {
  await services.db.transaction(async (tx) => {
    const user = await q.findUserByEmail(tx, input.email);
    if (!user || user.disabled_at) return;
    const token = randomToken();
    await q.insertEmailToken(tx, { hash: sha256(token), userId: user.id, purpose: 'reset_password', expiresAt: new Date(services.now().getTime() + RESET_MINUTES * 60_000) });
    await services.mailer.enqueue(tx, {
      to: user.email,
      subject: 'Nieuw wachtwoord voor Mantelkring',
      text:
        `Beste ${user.display_name},\n\nU vroeg om een nieuw wachtwoord. Klik op deze link om een nieuw wachtwoord te kiezen:\n\n` +
        `${services.config.publicUrl}/wachtwoord-herstellen?token=${token}\n\nDe link werkt ${RESET_MINUTES} minuten en maar één keer.\n` +
        `Vroeg u niet om een nieuw wachtwoord? Dan hoeft u niets te doen. Uw wachtwoord blijft hetzelfde.\n\nMet vriendelijke groet,\nMantelkring`,
    });
    await audit(tx, { userId: user.id }, origin, { action: 'password_reset_requested', resourceType: 'user', resourceId: user.id });
  });
}

/** Sets a new password with a reset token; ends every session of the account. */
export async function passwordResetter(services: Services, input: { token: string; password: string }, origin: Origin): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await services.db.transaction(async (tx) => {
    const userId = await q.consumeEmailToken(tx, sha256(input.token), 'reset_password', services.now());
    if (!userId) throw new AppError('token_invalid');
    const user = await q.findUserById(tx, userId);
    if (!user) throw new AppError('token_invalid');
    assertAcceptablePassword(input.password, user.email);
    // Following the link proves the address, so it counts as verification too.
    await tx.query('update users set password_hash = $2, email_verified_at = coalesce(email_verified_at, now()), updated_at = now() where id = $1', [userId, passwordHash]);
    await endSessionsOfUser(tx, userId);
    await audit(tx, { userId }, origin, { action: 'update', resourceType: 'user', resourceId: userId, detail: { field: 'password', via: 'reset' } });
  });
}

/** Changes the password of the logged-in user; other sessions end. */
export async function passwordChanger(services: Services, actor: Actor, input: { currentPassword: string; newPassword: string }, origin: Origin): Promise<void> {
  requireActor(actor);
  const user = await q.findUserById(services.db, actor.userId);
  if (!user?.password_hash || !(await verifyPassword(user.password_hash, input.currentPassword))) throw new AppError('invalid_credentials', 'current_password_wrong');
  assertAcceptablePassword(input.newPassword, user.email);
  const passwordHash = await hashPassword(input.newPassword);
  await services.db.transaction(async (tx) => {
    await tx.query('update users set password_hash = $2, updated_at = now() where id = $1', [actor.userId, passwordHash]);
    await endSessionsOfUser(tx, actor.userId, actor.sessionId);
    await audit(tx, { actor }, origin, { action: 'update', resourceType: 'user', resourceId: actor.userId, detail: { field: 'password' } });
  });
}

/** Updates the user's own name and language. */
export async function profileUpdater(services: Services, actor: Actor, input: { displayName?: string; locale?: 'nl' | 'en' }, origin: Origin): Promise<void> {
  requireActor(actor);
  await services.db.transaction(async (tx) => {
    await tx.query('update users set display_name = coalesce($2, display_name), locale = coalesce($3, locale), updated_at = now() where id = $1', [
      actor.userId,
      input.displayName ?? null,
      input.locale ?? null,
    ]);
    await audit(tx, { actor }, origin, { action: 'update', resourceType: 'user', resourceId: actor.userId, detail: { fields: Object.keys(input) } });
  });
}

/** The user's own live sessions. */
export async function ownSessionsLister(services: Services, actor: Actor) {
  requireActor(actor);
  return q.listSessions(services.db, actor.userId, services.now(), services.config.sessionIdleMinutes);
}

/** Ends one of the user's own sessions. */
export async function ownSessionEnder(services: Services, actor: Actor, input: { sessionId: string }, origin: Origin): Promise<void> {
  requireActor(actor);
  const { rowCount } = await services.db.query('update sessions set ended_at = now() where id = $1 and user_id = $2 and ended_at is null', [input.sessionId, actor.userId]);
  if (rowCount === 0) throw new AppError('not_found');
  await audit(services.db, { actor }, origin, { action: 'session_ended', resourceType: 'session', resourceId: input.sessionId.slice(0, 12) });
}

/** Starts TOTP set-up: a new secret (not yet active) with its QR code. */
export async function totpSetupStarter(services: Services, actor: Actor): Promise<{ secret: string; uri: string; qrSvg: string }> {
  requireActor(actor);
  if (actor.totpEnabled) throw new AppError('conflict', 'totp_already_enabled');
  const secret = newTotpSecret();
  await services.db.query('update users set totp_secret = $2, updated_at = now() where id = $1 and totp_enabled_at is null', [actor.userId, secret]);
  const { uri, qrSvg } = await totpEnrolment(secret, actor.email);
  return { secret, uri, qrSvg };
}

/** Confirms TOTP set-up with a first code; returns ten recovery codes (shown once). */
export async function totpEnabler(services: Services, actor: Actor, input: { code: string }, origin: Origin): Promise<{ recoveryCodes: string[] }> {
  requireActor(actor);
  const user = await q.findUserById(services.db, actor.userId);
  if (!user?.totp_secret || user.totp_enabled_at) throw new AppError('conflict', 'totp_setup_not_started');
  if (!verifyTotp(user.totp_secret, input.code)) throw new AppError('totp_invalid');
  const codes = newRecoveryCodes();
  await services.db.transaction(async (tx) => {
    await tx.query('update users set totp_enabled_at = now(), updated_at = now() where id = $1', [actor.userId]);
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
  if (!verifyTotp(user.totp_secret, input.code)) throw new AppError('totp_invalid');
  const codes = newRecoveryCodes();
  await services.db.transaction(async (tx) => {
    await q.replaceRecoveryCodes(tx, actor.userId, codes.map(hashRecoveryCode));
    await audit(tx, { actor }, origin, { action: 'update', resourceType: 'user', resourceId: actor.userId, detail: { field: 'recovery_codes' } });
  });
  return { recoveryCodes: codes };
}

/** Turns TOTP off; refused for roles that require it. */
export async function totpDisabler(services: Services, actor: Actor, input: { code: string }, origin: Origin): Promise<void> {
  requireActor(actor);
  const memberships = await loadMemberships(services.db, actor.userId);
  if (mfaRequiredFor(actor.isPlatformAdmin, memberships)) throw new AppError('forbidden', 'totp_required_for_role');
  const user = await q.findUserById(services.db, actor.userId);
  if (!user?.totp_secret || !user.totp_enabled_at) throw new AppError('conflict', 'totp_not_enabled');
  if (!verifyTotp(user.totp_secret, input.code)) throw new AppError('totp_invalid');
  await services.db.transaction(async (tx) => {
    await tx.query('update users set totp_enabled_at = null, totp_secret = null, updated_at = now() where id = $1', [actor.userId]);
    await tx.query('delete from recovery_codes where user_id = $1', [actor.userId]);
    await audit(tx, { actor }, origin, { action: 'update', resourceType: 'user', resourceId: actor.userId, detail: { field: 'totp', enabled: false } });
  });
}

/** Facts for the "me" presenter. */
export async function ownAccountReader(services: Services, actor: Actor) {
  requireActor(actor);
  const user = await q.findUserById(services.db, actor.userId);
  if (!user) throw new AppError('not_authenticated');
  const recoveryCodesLeft = actor.totpEnabled ? await q.countUnusedRecoveryCodes(services.db, actor.userId) : 0;
  return { user, actor, recoveryCodesLeft };
}
