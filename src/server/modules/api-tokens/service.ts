import type { Queryable } from '../../../db/types.ts';
import type { Actor, Origin, Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { requireActor } from '../../platform/policy/index.ts';
import { randomToken, sha256 } from '../../platform/tokens.ts';

/** Prefix that makes a leaked token recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = 'mkt_';
const MAX_DAYS = 365;

export interface ApiTokenRow {
  id: string;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date;
}

/**
 * Makes a personal API token for the user (shown once). Staff can only make one from a
 * session that passed the second factor, and the token carries that assurance.
 */
export async function apiTokenCreator(services: Services, actor: Actor, input: { name: string; days: number }, origin: Origin): Promise<{ token: string; row: ApiTokenRow }> {
  requireActor(actor);
  if (actor.mfaRequired && !actor.mfaVerified) throw new AppError('mfa_required');
  if (input.days > MAX_DAYS) throw new AppError('validation_failed', { key: 'api_token_max_days', params: { days: MAX_DAYS } }, [{ path: '/days' }]);
  const token = `${TOKEN_PREFIX}${randomToken()}`;
  const expiresAt = new Date(services.now().getTime() + input.days * 86_400_000);
  return services.db.transaction(async (tx) => {
    const { rows } = await tx.query<ApiTokenRow>(
      `insert into api_tokens (user_id, name, token_hash, mfa_verified, expires_at) values ($1, $2, $3, $4, $5)
       returning id, name, created_at, last_used_at, expires_at`,
      [actor.userId, input.name, sha256(token), actor.mfaVerified, expiresAt],
    );
    const row = rows[0] as ApiTokenRow;
    await audit(tx, { actor }, origin, { action: 'create', resourceType: 'api_token', resourceId: row.id });
    return { token, row };
  });
}

export async function apiTokenLister(services: Services, actor: Actor): Promise<ApiTokenRow[]> {
  requireActor(actor);
  const { rows } = await services.db.query<ApiTokenRow>(
    'select id, name, created_at, last_used_at, expires_at from api_tokens where user_id = $1 and revoked_at is null and expires_at > $2 order by created_at desc',
    [actor.userId, services.now()],
  );
  return rows;
}

/** Revokes one of the user's own tokens; the change and its audit line commit together. */
export async function apiTokenRevoker(services: Services, actor: Actor, input: { tokenId: string }, origin: Origin): Promise<void> {
  requireActor(actor);
  await services.db.transaction(async (tx) => {
    const { rowCount } = await tx.query('update api_tokens set revoked_at = now() where id = $1 and user_id = $2 and revoked_at is null', [input.tokenId, actor.userId]);
    if (rowCount === 0) throw new AppError('not_found');
    await audit(tx, { actor }, origin, { action: 'delete', resourceType: 'api_token', resourceId: input.tokenId });
  });
}

/**
 * Revokes every live token of a user, with one audit line each; call it inside the
 * transaction of the change that causes it (password reset or change, 2FA switched off,
 * "log out everywhere"). Returns how many were revoked.
 */
export async function revokeApiTokensOfUser(
  tx: Queryable,
  userId: string,
  who: { actor?: Actor | null; userId?: string | null },
  origin: Origin,
  via: string,
): Promise<number> {
  const { rows } = await tx.query<{ id: string }>('update api_tokens set revoked_at = now() where user_id = $1 and revoked_at is null returning id', [userId]);
  for (const row of rows) await audit(tx, who, origin, { action: 'delete', resourceType: 'api_token', resourceId: row.id, detail: { via } });
  return rows.length;
}

/** Resolves a bearer token to its user and assurance; null when unknown, expired or revoked. */
export async function findApiToken(db: Queryable, token: string, now: Date): Promise<{ id: string; user_id: string; mfa_verified: boolean } | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const { rows } = await db.query<{ id: string; user_id: string; mfa_verified: boolean; last_used_at: Date | null }>(
    'select id, user_id, mfa_verified, last_used_at from api_tokens where token_hash = $1 and revoked_at is null and expires_at > $2',
    [sha256(token), now],
  );
  const row = rows[0];
  if (!row) return null;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) await db.query('update api_tokens set last_used_at = $2 where id = $1', [row.id, now]);
  return row;
}
