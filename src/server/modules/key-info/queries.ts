import type { Queryable } from '../../../db/types.ts';
import type { KeyContactKind } from '../../../common/key-info-schemas.ts';
import { anyRow, insertedId } from '../../platform/rows.ts';

/** SQL of key contacts, medication and the emergency plan (tables of migration 0084). */

export interface KeyContactRow {
  id: string;
  kind: KeyContactKind;
  name: string;
  phone: string | null;
  note: string | null;
}
export interface MedicationRow {
  id: string;
  name: string;
  dose: string | null;
  taken_when: string | null;
  note: string | null;
}
export interface EmergencyPlanDbRow {
  id: string;
  task: string;
  takeover_member_id: string | null;
  takeover_name: string | null;
  member_name: string | null;
  note: string | null;
}

const LIMIT = 200;

export async function listContacts(db: Queryable, clientId: string): Promise<KeyContactRow[]> {
  const { rows } = await db.query<KeyContactRow>(
    `select id, kind, name, phone, note from key_contacts where client_id = $1
     order by case kind when 'gp' then 0 when 'pharmacy' then 1 when 'case_manager' then 2 else 3 end, created_at, id limit ${LIMIT}`,
    [clientId],
  );
  return rows;
}

export async function listMedications(db: Queryable, clientId: string): Promise<MedicationRow[]> {
  const { rows } = await db.query<MedicationRow>(`select id, name, dose, taken_when, note from key_medications where client_id = $1 order by created_at, id limit ${LIMIT}`, [clientId]);
  return rows;
}

export async function listEmergencyPlan(db: Queryable, clientId: string): Promise<EmergencyPlanDbRow[]> {
  const { rows } = await db.query<EmergencyPlanDbRow>(
    `select p.id, p.task, p.takeover_member_id, p.takeover_name, p.note,
            case when m.id is null then null else trim(m.given_name || ' ' || m.family_name) end as member_name
     from key_emergency_plan p left join circle_members m on m.id = p.takeover_member_id
     where p.client_id = $1 order by p.created_at, p.id limit ${LIMIT}`,
    [clientId],
  );
  return rows;
}

export function insertContact(db: Queryable, c: { tenantKey: string; clientId: string; kind: KeyContactKind; name: string; phone: string | null; note: string | null; createdBy: string | null }): Promise<string> {
  return insertedId(db, 'insert into key_contacts (tenant_key, client_id, kind, name, phone, note, created_by) values ($1, $2, $3, $4, $5, $6, $7) returning id', [
    c.tenantKey,
    c.clientId,
    c.kind,
    c.name,
    c.phone,
    c.note,
    c.createdBy,
  ]);
}

export function insertMedication(db: Queryable, m: { tenantKey: string; clientId: string; name: string; dose: string | null; when: string | null; note: string | null; createdBy: string | null }): Promise<string> {
  return insertedId(db, 'insert into key_medications (tenant_key, client_id, name, dose, taken_when, note, created_by) values ($1, $2, $3, $4, $5, $6, $7) returning id', [
    m.tenantKey,
    m.clientId,
    m.name,
    m.dose,
    m.when,
    m.note,
    m.createdBy,
  ]);
}

export function insertEmergencyPlanRow(
  db: Queryable,
  p: { tenantKey: string; clientId: string; task: string; takeoverMemberId: string | null; takeoverName: string | null; note: string | null; createdBy: string | null },
): Promise<string> {
  return insertedId(db, 'insert into key_emergency_plan (tenant_key, client_id, task, takeover_member_id, takeover_name, note, created_by) values ($1, $2, $3, $4, $5, $6, $7) returning id', [
    p.tenantKey,
    p.clientId,
    p.task,
    p.takeoverMemberId,
    p.takeoverName,
    p.note,
    p.createdBy,
  ]);
}

/** The kinds of key information, each with its table (names fixed here, never from input). */
export const KEY_INFO_TABLES = { contacts: 'key_contacts', medications: 'key_medications', emergencyPlan: 'key_emergency_plan' } as const;
export type KeyInfoPart = keyof typeof KEY_INFO_TABLES;

/** Deletes one item of a client's key information; false when there was none with that id. */
export function deleteItem(db: Queryable, part: KeyInfoPart, clientId: string, id: string): Promise<boolean> {
  return anyRow(db, `delete from ${KEY_INFO_TABLES[part]} where id = $1 and client_id = $2`, [id, clientId]);
}

/** True when the member is an active member of the client's circle. */
export function isActiveCircleMember(db: Queryable, clientId: string, memberId: string): Promise<boolean> {
  return anyRow(db, 'select 1 from circle_members where id = $1 and client_id = $2 and left_at is null', [memberId, clientId]);
}

/** For the demo seed: the circle whose main caregiver has this account's e-mail address. */
export async function findCircleOfMainCaregiver(db: Queryable, email: string): Promise<{ client_id: string; tenant_key: string; member_id: string; user_id: string } | undefined> {
  const { rows } = await db.query<{ client_id: string; tenant_key: string; member_id: string; user_id: string }>(
    `select m.client_id, m.tenant_key, m.id as member_id, m.user_id from circle_members m join users u on u.id = m.user_id
     where lower(u.email) = lower($1) and m.is_main_caregiver and m.left_at is null order by m.created_at limit 1`,
    [email],
  );
  return rows[0];
}

/** For the demo seed: the active member of the client's circle with this account's e-mail address. */
export async function findMemberByEmail(db: Queryable, clientId: string, email: string): Promise<{ id: string; user_id: string } | undefined> {
  const { rows } = await db.query<{ id: string; user_id: string }>(
    'select m.id, m.user_id from circle_members m join users u on u.id = m.user_id where m.client_id = $1 and lower(u.email) = lower($2) and m.left_at is null limit 1',
    [clientId, email],
  );
  return rows[0];
}

/** For the demo seed: whether the client already has key information (the seed runs once). */
export function hasKeyInfo(db: Queryable, clientId: string): Promise<boolean> {
  return anyRow(db, 'select 1 from key_contacts where client_id = $1 limit 1', [clientId]);
}
