import type { Queryable } from '../../../db/types.ts';
import { anyRow } from '../../platform/rows.ts';

export interface ApiTokenRow {
  id: string;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date;
}

const TOKEN_COLUMNS = 'id, name, created_at, last_used_at, expires_at';

export async function insertApiToken(db: Queryable, t: { userId: string; name: string; tokenHash: string; mfaVerified: boolean; expiresAt: Date }): Promise<ApiTokenRow> {
  const { rows } = await db.query<ApiTokenRow>(
    `insert into api_tokens (user_id, name, token_hash, mfa_verified, expires_at) values ($1, $2, $3, $4, $5)
       returning ${TOKEN_COLUMNS}`,
    [t.userId, t.name, t.tokenHash, t.mfaVerified, t.expiresAt],
  );
  return rows[0] as ApiTokenRow;
}

/** A user's tokens that are neither revoked nor expired, newest first. */
export async function listLiveApiTokens(db: Queryable, userId: string, now: Date): Promise<ApiTokenRow[]> {
  const { rows } = await db.query<ApiTokenRow>(
    `select ${TOKEN_COLUMNS} from api_tokens where user_id = $1 and revoked_at is null and expires_at > $2 order by created_at desc`,
    [userId, now],
  );
  return rows;
}

/** Revokes one token of a user; true when it was not yet revoked. */
export async function revokeApiToken(db: Queryable, userId: string, tokenId: string): Promise<boolean> {
  return anyRow(db, 'update api_tokens set revoked_at = now() where id = $1 and user_id = $2 and revoked_at is null', [tokenId, userId]);
}

/** Revokes every token of a user that is not yet revoked; returns their ids. */
export async function revokeApiTokensOf(db: Queryable, userId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>('update api_tokens set revoked_at = now() where user_id = $1 and revoked_at is null returning id', [userId]);
  return rows.map((r) => r.id);
}

/** The live (not revoked, not expired) token with this hash. */
export async function findLiveApiToken(db: Queryable, tokenHash: string, now: Date) {
  const { rows } = await db.query<{ id: string; user_id: string; mfa_verified: boolean; last_used_at: Date | null }>(
    'select id, user_id, mfa_verified, last_used_at from api_tokens where token_hash = $1 and revoked_at is null and expires_at > $2',
    [tokenHash, now],
  );
  return rows[0] ?? null;
}

export async function touchApiToken(db: Queryable, id: string, now: Date): Promise<void> {
  await db.query('update api_tokens set last_used_at = $2 where id = $1', [id, now]);
}
