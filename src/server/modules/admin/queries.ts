import type { Queryable } from '../../../db/types.ts';

export async function listOutbox(db: Queryable, offset: number, limit: number) {
  const { rows } = await db.query<{ id: string; to_address: string; subject: string; body_text: string; created_at: Date; sent_at: Date | null; last_error: string | null; total: number }>(
    `select count(*) over ()::int as total, id, to_address, subject, body_text, created_at, sent_at, last_error
     from outbox order by created_at desc, id limit $1 offset $2`,
    [limit, offset],
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

export async function listUsers(db: Queryable, search: string, offset: number, limit: number) {
  const { rows } = await db.query<{ id: string; email: string; display_name: string; personas: string[]; is_platform_admin: boolean; email_verified: boolean; totp_enabled: boolean; created_at: Date; total: number }>(
    `select count(*) over ()::int as total, id, email, display_name, personas, is_platform_admin,
       email_verified_at is not null as email_verified, totp_enabled_at is not null as totp_enabled, created_at
     from users where $3 = '' or email ilike '%' || $3 || '%' or display_name ilike '%' || $3 || '%'
     order by lower(display_name), id limit $1 offset $2`,
    [limit, offset, search],
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

export interface AuditRow {
  id: number;
  occurred_at: Date;
  action: string;
  resource_type: string;
  resource_id: string | null;
  client_id: string | null;
  user_id: string | null;
  user_display: string | null;
  on_behalf_of_user_id: string | null;
  organisation_id: string | null;
  access_point: string | null;
  source_system: string;
  outcome: string;
  emergency: boolean;
  total: number;
}

export async function listAudit(db: Queryable, filter: { userId?: string; clientId?: string; action?: string }, offset: number, limit: number) {
  const { rows } = await db.query<AuditRow>(
    `select count(*) over ()::int as total, id, occurred_at, action, resource_type, resource_id, client_id, user_id, user_display,
       on_behalf_of_user_id, organisation_id, access_point, source_system, outcome, emergency
     from audit_log
     where ($3::uuid is null or user_id = $3) and ($4::uuid is null or client_id = $4) and ($5::text is null or action = $5)
     order by occurred_at desc, id desc limit $1 offset $2`,
    [limit, offset, filter.userId ?? null, filter.clientId ?? null, filter.action ?? null],
  );
  return { rows, total: rows[0]?.total ?? 0 };
}
