import type { CopyValue } from '../../../db/copy.ts';
import type { Db, Queryable } from '../../../db/types.ts';

/** The columns the generator fills, per table, in the order rows are written. */
export const COLUMNS = {
  users: ['id', 'email', 'display_name', 'password_hash', 'email_verified_at', 'personas', 'municipality_code', 'totp_secret', 'totp_enabled_at', 'created_at', 'updated_at'],
  organisations: ['id', 'kind', 'sector', 'name', 'municipality_code', 'region', 'created_at'],
  memberships: ['organisation_id', 'user_id', 'role', 'job_title', 'created_at'],
  clients: ['id', 'tenant_key', 'given_name', 'family_name', 'birth_date', 'care_situation', 'care_needs', 'decider', 'created_at', 'updated_at'],
  circle_members: [
    'id', 'tenant_key', 'client_id', 'user_id', 'kind', 'is_main_caregiver', 'given_name', 'family_name', 'relationship_code', 'relationship_codes',
    'closeness', 'tie', 'help_kinds', 'hours_per_week', 'since', 'email', 'organisation_id', 'organisation_name', 'job_title', 'created_at', 'updated_at',
  ],
  client_organisation_links: ['id', 'tenant_key', 'client_id', 'organisation_id', 'created_at'],
  consent_decisions: ['id', 'tenant_key', 'client_id', 'member_id', 'organisation_id', 'decision', 'access_level', 'decided_as', 'created_at'],
  caregiver_contacts: ['id', 'tenant_key', 'client_id', 'member_id', 'professional_user_id', 'organisation_id', 'kind', 'occurred_at'],
  burden_responses: [
    'id', 'tenant_key', 'client_id', 'member_id', 'instrument_key', 'instrument_version_id', 'status', 'mode', 'administered_by', 'answers',
    'total', 'band_code', 'overload', 'shared_with_professional', 'sharing_changed_at', 'source_system', 'started_at', 'updated_at', 'completed_at',
  ],
  burden_schedules: ['id', 'tenant_key', 'client_id', 'member_id', 'instrument_key', 'interval_months', 'next_due_on'],
  burden_reminders: ['schedule_id', 'due_on', 'tenant_key', 'sent_at'],
  burden_signals: [
    'id', 'tenant_key', 'client_id', 'member_id', 'response_id', 'latest_response_id', 'reasons', 'total', 'previous_total', 'organisation_id',
    'routed_to', 'assigned_user_id', 'status', 'created_at', 'first_follow_up_at', 'closed_at', 'updated_at',
  ],
  burden_signal_events: ['id', 'tenant_key', 'signal_id', 'kind', 'from_status', 'to_status', 'user_id', 'occurred_at'],
  burden_signal_actions: ['id', 'tenant_key', 'signal_id', 'kind', 'occurred_at', 'recorded_by', 'organisation_id'],
} as const;

export type ScaleTable = keyof typeof COLUMNS;

/** Tables in the order their foreign keys allow. */
export const LOAD_ORDER: readonly ScaleTable[] = [
  'users', 'organisations', 'memberships', 'clients', 'circle_members', 'consent_decisions', 'client_organisation_links',
  'caregiver_contacts', 'burden_responses', 'burden_schedules', 'burden_reminders', 'burden_signals', 'burden_signal_events', 'burden_signal_actions',
];

export function copyTable(db: Db, table: ScaleTable, rows: readonly (readonly CopyValue[])[]): Promise<void> {
  return db.copyRows(table, COLUMNS[table], rows);
}

export interface MunicipalityRow {
  code: string;
  name: string;
  /** The id of the municipality's own organisation, when it has one already (demo data). */
  organisation_id: string | null;
}

export async function listMunicipalities(db: Queryable): Promise<MunicipalityRow[]> {
  const { rows } = await db.query<MunicipalityRow>(
    `select m.code, m.name, o.id as organisation_id
       from municipalities m
       left join organisations o on o.kind = 'municipality' and o.municipality_code = m.code
      order by m.code`,
  );
  return rows;
}

export async function currentInstrumentVersion(db: Queryable, key: string): Promise<{ id: string; resource: unknown } | null> {
  const { rows } = await db.query<{ id: string; resource: unknown }>(
    `select v.id, v.resource from burden_instruments i join burden_instrument_versions v on v.id = i.current_version_id where i.key = $1`,
    [key],
  );
  return rows[0] ?? null;
}

const MARKER = 'scale_seed';

export async function scaleMarker(db: Queryable): Promise<{ caregivers: number } | null> {
  const { rows } = await db.query<{ value: { caregivers: number } }>('select value from installation where key = $1', [MARKER]);
  return rows[0]?.value ?? null;
}

export async function setScaleMarker(db: Queryable, value: { caregivers: number; seed: number; at: string }): Promise<void> {
  await db.query('insert into installation (key, value) values ($1, $2)', [MARKER, JSON.stringify(value)]);
}

/** Refreshes the planner's statistics after a bulk load, so the first queries get good plans. */
export async function analyse(db: Queryable): Promise<void> {
  await db.exec(`analyze ${LOAD_ORDER.join(', ')}`);
}
