import type { Queryable } from '../../../db/types.ts';
import { TOTAL_COLUMN, withTotal, type PageWindow } from '../../platform/paging.ts';

export async function listOutbox(db: Queryable, window: PageWindow) {
  const { rows } = await db.query<{ id: string; to_address: string; subject: string; body_text: string; created_at: Date; sent_at: Date | null; last_error: string | null; total: number }>(
    `select ${TOTAL_COLUMN}, id, to_address, subject, body_text, created_at, sent_at, last_error
     from outbox order by created_at desc, id limit $1 offset $2`,
    [window.limit, window.offset],
  );
  return withTotal(rows);
}

export async function listUsers(db: Queryable, search: string, window: PageWindow) {
  const { rows } = await db.query<{ id: string; email: string; display_name: string; personas: string[]; is_platform_admin: boolean; email_verified: boolean; totp_enabled: boolean; created_at: Date; total: number }>(
    `select ${TOTAL_COLUMN}, id, email, display_name, personas, is_platform_admin,
       email_verified_at is not null as email_verified, totp_enabled_at is not null as totp_enabled, created_at
     from users where $3 = '' or email ilike '%' || $3 || '%' or display_name ilike '%' || $3 || '%'
     order by lower(display_name), id limit $1 offset $2`,
    [window.limit, window.offset, search],
  );
  return withTotal(rows);
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

export async function listAudit(db: Queryable, filter: { userId?: string; clientId?: string; action?: string }, window: PageWindow) {
  const { rows } = await db.query<AuditRow>(
    `select ${TOTAL_COLUMN}, id, occurred_at, action, resource_type, resource_id, client_id, user_id, user_display,
       on_behalf_of_user_id, organisation_id, access_point, source_system, outcome, emergency
     from audit_log
     where ($3::uuid is null or user_id = $3) and ($4::uuid is null or client_id = $4) and ($5::text is null or action = $5)
     order by occurred_at desc, id desc limit $1 offset $2`,
    [window.limit, window.offset, filter.userId ?? null, filter.clientId ?? null, filter.action ?? null],
  );
  return withTotal(rows);
}
