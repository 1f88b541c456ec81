import type { Queryable } from '../../../db/types.ts';
import { dutchDate } from '../../../domain/dates.ts';
import type { Actor, Origin, Services } from '../../platform/context.ts';
import { audit, type AuditEntry } from '../../platform/audit.ts';
import { assertNeed, ClientAccessRefused, clientPolicy, type ClientAccessFacts, type Level, type Need } from '../../platform/policy/client.ts';
import { professionalOrgIds } from '../../platform/policy/organisation.ts';
import { listCirclePeople, loadAccessFacts, loadAccessFactsMany } from './queries.ts';

/** Loads the facts the client policy decides on, for this actor and client. */
export function accessFacts(services: Services, actor: Actor, clientId: string, db: Queryable = services.db): Promise<ClientAccessFacts | null> {
  return loadAccessFacts(db, { userId: actor.userId, clientId, today: dutchDate(services.now()), professionalOrgIds: professionalOrgIds(actor) });
}

/** Today's date in the Netherlands for the services' clock. */
export const today = (services: Services): string => dutchDate(services.now());

/** Log line facts for a read or change of one client's record: the client, its tenant and the organisation acted through. */
export function clientAudit(f: ClientAccessFacts, action: string, resourceType: string, resourceId: string | null, detail?: Record<string, unknown>): AuditEntry {
  return { action, resourceType, resourceId, clientId: f.clientId, tenantKey: f.tenantKey, organisationId: clientPolicy.viaOrganisation(f), detail };
}

/**
 * A use case that lists one kind of record of a client (notes, consents, contacts,
 * invitations): the access check (a refusal logged), the list, and one access-log line that
 * counts what was shown.
 */
export async function clientListReader<T>(
  services: Services,
  actor: Actor,
  origin: Origin,
  input: { clientId: string; need: Need; resourceType: string },
  list: () => Promise<T[]>,
): Promise<T[]> {
  const f = await clientAccess(services, actor, origin, input.clientId, input.need, { action: 'read', resourceType: input.resourceType });
  const rows = await list();
  await audit(services.db, { actor }, origin, clientAudit(f, 'read', input.resourceType, null, { count: rows.length }));
  return rows;
}

/** What a use case tried to do, for the access log line of a refusal. */
export interface Attempt {
  action: string;
  resourceType: string;
  resourceId?: string | null;
}

/**
 * Writes the access log line of a refused attempt on a client's data (outcome `denied`).
 * It goes to `services.db` itself, never into the use case's transaction, so it survives the
 * rollback of that transaction.
 */
export async function logRefusal(services: Services, actor: Actor, origin: Origin, clientId: string, attempt: Attempt, error: ClientAccessRefused): Promise<void> {
  if (error.logged) return;
  const f = error.facts;
  await audit(services.db, { actor }, origin, {
    action: attempt.action,
    resourceType: attempt.resourceType,
    resourceId: attempt.resourceId ?? (f ? null : clientId),
    clientId: f?.clientId ?? null,
    tenantKey: f?.tenantKey ?? null,
    organisationId: f ? clientPolicy.viaOrganisation(f) : null,
    outcome: 'denied',
    // No client behind the id: the id asked for is kept in the detail only.
    detail: { needed: error.needed, code: error.code, ...(f ? {} : { requestedClientId: clientId }) },
  });
  error.logged = true;
}

/**
 * Runs a step of a client use case (further policy checks, or its whole transaction). A
 * refusal by the client policy inside it is written to the access log, after the step's
 * transaction has rolled back, and then thrown on.
 */
export async function withRefusalsLogged<T>(services: Services, actor: Actor, origin: Origin, clientId: string, attempt: Attempt, step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof ClientAccessRefused) await logRefusal(services, actor, origin, clientId, attempt, error);
    throw error;
  }
}

/**
 * The first statement of every client use case: loads the facts, checks what the use case
 * needs (a level, or the decision; it may depend on the facts), and logs a refusal (404 or
 * 403) with the client and the attempt before throwing it. Returns the facts.
 */
export async function clientAccess(
  services: Services,
  actor: Actor,
  origin: Origin,
  clientId: string,
  need: Need | ((f: ClientAccessFacts | null) => Need),
  attempt: Attempt,
  db: Queryable = services.db,
): Promise<ClientAccessFacts> {
  const f = await accessFacts(services, actor, clientId, db);
  return withRefusalsLogged(services, actor, origin, clientId, attempt, () => {
    assertNeed(actor, f, typeof need === 'function' ? need(f) : need);
    return f;
  });
}

/** The actor's current level in each of these clients ('none' for a client they no longer see). */
export async function levelsIn(services: Services, actor: Actor, clientIds: readonly string[]): Promise<Map<string, Level>> {
  const facts = await loadAccessFactsMany(services.db, { userId: actor.userId, clientIds: [...new Set(clientIds)], today: today(services), professionalOrgIds: professionalOrgIds(actor) });
  return new Map(clientIds.map((id) => { const f = facts.get(id); return [id, f ? clientPolicy.level(f) : 'none'] as const; }));
}

/**
 * Everyone with an account around a client, each with their level by the client policy: the
 * one way features find whom to notify (a logbook entry's readers, a thread's members). One
 * facts query per person, fine for the size of a circle.
 */
export async function circlePeopleLevels(services: Services, clientId: string, db: Queryable = services.db): Promise<{ userId: string; name: string; level: Level }[]> {
  const people: { userId: string; name: string; level: Level }[] = [];
  for (const p of await listCirclePeople(db, clientId)) {
    const f = await loadAccessFacts(db, { userId: p.user_id, clientId, today: today(services), professionalOrgIds: p.org_ids });
    people.push({ userId: p.user_id, name: p.name, level: f ? clientPolicy.level(f) : 'none' });
  }
  return people;
}
