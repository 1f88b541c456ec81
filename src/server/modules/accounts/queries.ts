import type { Queryable } from '../../../db/types.ts';
import { anyRow, insertedId } from '../../platform/rows.ts';

export interface UserRecord {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  email_verified_at: Date | null;
  personas: string[];
  locale: 'nl' | 'en';
  municipality_code: string | null;
  is_platform_admin: boolean;
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  /** The TOTP time-step of the last accepted code (replay protection). */
  totp_last_step: number | null;
  disabled_at: Date | null;
  created_at: Date;
}

const USER_COLUMNS = `id, email, display_name, password_hash, email_verified_at, personas, locale, municipality_code,
  is_platform_admin, totp_secret, totp_enabled_at, totp_last_step, disabled_at, created_at`;

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRecord | null> {
  const { rows } = await db.query<UserRecord>(`select ${USER_COLUMNS} from users where lower(email) = lower($1)`, [email.trim()]);
  return rows[0] ?? null;
}

export async function findUserById(db: Queryable, id: string): Promise<UserRecord | null> {
  const { rows } = await db.query<UserRecord>(`select ${USER_COLUMNS} from users where id = $1`, [id]);
  return rows[0] ?? null;
}

export async function insertUser(
  db: Queryable,
  user: { email: string; displayName: string; passwordHash: string | null; personas: string[]; locale: string; municipalityCode: string | null; verified: boolean; isPlatformAdmin?: boolean },
): Promise<string> {
  return insertedId(
    db,
    `insert into users (email, display_name, password_hash, personas, locale, municipality_code, email_verified_at, is_platform_admin)
     values ($1, $2, $3, $4, $5, $6, case when $7 then now() end, $8) returning id`,
    [user.email.trim(), user.displayName, user.passwordHash, user.personas, user.locale, user.municipalityCode, user.verified, user.isPlatformAdmin ?? false],
  );
}

export async function insertEmailToken(db: Queryable, token: { hash: string; userId: string; purpose: 'verify_email' | 'reset_password'; expiresAt: Date }): Promise<void> {
  await db.query('insert into email_tokens (token_hash, user_id, purpose, expires_at) values ($1, $2, $3, $4)', [token.hash, token.userId, token.purpose, token.expiresAt]);
}

/** Uses a one-time token: marks it used and returns its user, or null when invalid or expired. */
export async function consumeEmailToken(db: Queryable, hash: string, purpose: 'verify_email' | 'reset_password', now: Date): Promise<string | null> {
  const { rows } = await db.query<{ user_id: string }>(
    `update email_tokens set used_at = $3 where token_hash = $1 and purpose = $2 and used_at is null and expires_at > $3 returning user_id`,
    [hash, purpose, now],
  );
  return rows[0]?.user_id ?? null;
}

/** Cancels every open token of a purpose for a user (e.g. the other reset links once one is used). */
export async function cancelOpenEmailTokens(db: Queryable, userId: string, purpose: 'verify_email' | 'reset_password', now: Date): Promise<number> {
  const { rowCount } = await db.query('update email_tokens set used_at = $3 where user_id = $1 and purpose = $2 and used_at is null', [userId, purpose, now]);
  return rowCount;
}

/**
 * Records a TOTP time-step as used, only when it is later than the last one: the one
 * statement decides, so two requests with the same code cannot both pass. True when recorded.
 */
export async function consumeTotpStep(db: Queryable, userId: string, step: number): Promise<boolean> {
  return anyRow(db, 'update users set totp_last_step = $2 where id = $1 and (totp_last_step is null or totp_last_step < $2)', [userId, step]);
}

/** Marks the address as verified (the first time only). */
export async function markEmailVerified(db: Queryable, userId: string): Promise<void> {
  await db.query('update users set email_verified_at = coalesce(email_verified_at, now()), updated_at = now() where id = $1', [userId]);
}

/** Sets a new password hash; `verifiesEmail` when the change proves the address (a reset link). */
export async function setPasswordHash(db: Queryable, userId: string, passwordHash: string, opts: { verifiesEmail: boolean }): Promise<void> {
  if (opts.verifiesEmail) {
    await db.query('update users set password_hash = $2, email_verified_at = coalesce(email_verified_at, now()), updated_at = now() where id = $1', [userId, passwordHash]);
  } else {
    await db.query('update users set password_hash = $2, updated_at = now() where id = $1', [userId, passwordHash]);
  }
}

/** Changes the given profile fields (undefined = unchanged). */
export async function updateProfile(db: Queryable, userId: string, p: { displayName?: string; locale?: 'nl' | 'en' }): Promise<void> {
  await db.query('update users set display_name = coalesce($2, display_name), locale = coalesce($3, locale), updated_at = now() where id = $1', [
    userId,
    p.displayName ?? null,
    p.locale ?? null,
  ]);
}

/** Stores a new TOTP secret that is not active yet (only while TOTP is off); the last used step is forgotten. */
export async function setPendingTotpSecret(db: Queryable, userId: string, secret: string): Promise<void> {
  await db.query('update users set totp_secret = $2, totp_last_step = null, updated_at = now() where id = $1 and totp_enabled_at is null', [userId, secret]);
}

export async function enableTotp(db: Queryable, userId: string): Promise<void> {
  await db.query('update users set totp_enabled_at = now(), updated_at = now() where id = $1', [userId]);
}

/** Turns TOTP off: the secret goes, and with it the last used step (a new secret starts afresh). */
export async function disableTotp(db: Queryable, userId: string): Promise<void> {
  await db.query('update users set totp_enabled_at = null, totp_secret = null, totp_last_step = null, updated_at = now() where id = $1', [userId]);
}

export async function deleteRecoveryCodes(db: Queryable, userId: string): Promise<void> {
  await db.query('delete from recovery_codes where user_id = $1', [userId]);
}

export async function replaceRecoveryCodes(db: Queryable, userId: string, hashes: string[]): Promise<void> {
  await deleteRecoveryCodes(db, userId);
  await db.query('insert into recovery_codes (user_id, code_hash) select $1, unnest($2::text[])', [userId, hashes]);
}

/** Uses a recovery code once; true when it was valid and unused. */
export async function useRecoveryCode(db: Queryable, userId: string, hash: string): Promise<boolean> {
  return anyRow(db, 'update recovery_codes set used_at = now() where user_id = $1 and code_hash = $2 and used_at is null', [userId, hash]);
}

export async function countUnusedRecoveryCodes(db: Queryable, userId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from recovery_codes where user_id = $1 and used_at is null', [userId]);
  return rows[0]?.n ?? 0;
}
