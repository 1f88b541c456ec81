import type { Queryable } from '../../../db/types.ts';
import type { Actor, Origin, Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { requireActor } from '../../platform/policy/index.ts';
import { accountPolicy } from '../../platform/policy/account.ts';
import { randomToken, sha256 } from '../../platform/tokens.ts';
import * as q from './queries.ts';

/** Prefix that makes a leaked token recognisable (secret scanners, logs). */
const TOKEN_PREFIX = 'mkt_';
const MAX_DAYS = 365;

/**
 * Makes a personal API token for the user (shown once). Staff can only make one from a
 * session that passed the second factor, and the token carries that assurance.
 */
export async function apiTokenCreator(services: Services, actor: Actor, input: { name: string; days: number }, origin: Origin): Promise<{ token: string; row: q.ApiTokenRow }> {
  accountPolicy.assertCreateApiToken(actor);
  if (input.days > MAX_DAYS) throw new AppError('validation_failed', { key: 'api_token_max_days', params: { days: MAX_DAYS } }, [{ path: '/days' }]);
  const token = `${TOKEN_PREFIX}${randomToken()}`;
  const expiresAt = new Date(services.now().getTime() + input.days * 86_400_000);
  return services.db.transaction(async (tx) => {
    const row = await q.insertApiToken(tx, { userId: actor.userId, name: input.name, tokenHash: sha256(token), mfaVerified: actor.mfaVerified, expiresAt });
    await audit(tx, { actor }, origin, { action: 'create', resourceType: 'api_token', resourceId: row.id });
    return { token, row };
  });
}

export async function apiTokenLister(services: Services, actor: Actor): Promise<q.ApiTokenRow[]> {
  requireActor(actor);
  return q.listLiveApiTokens(services.db, actor.userId, services.now());
}

/** Revokes one of the user's own tokens; the change and its audit line commit together. */
export async function apiTokenRevoker(services: Services, actor: Actor, input: { tokenId: string }, origin: Origin): Promise<void> {
  requireActor(actor);
  await services.db.transaction(async (tx) => {
    if (!(await q.revokeApiToken(tx, actor.userId, input.tokenId))) throw new AppError('not_found');
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
  const ids = await q.revokeApiTokensOf(tx, userId);
  for (const id of ids) await audit(tx, who, origin, { action: 'delete', resourceType: 'api_token', resourceId: id, detail: { via } });
  return ids.length;
}

/** Resolves a bearer token to its user and assurance; null when unknown, expired or revoked. */
export async function findApiToken(db: Queryable, token: string, now: Date): Promise<{ id: string; user_id: string; mfa_verified: boolean } | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await q.findLiveApiToken(db, sha256(token), now);
  if (!row) return null;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) await q.touchApiToken(db, row.id, now);
  return row;
}
