import type { Queryable } from '../../../db/types.ts';
import { dutchDate } from '../../../domain/dates.ts';
import type { Actor, Services } from '../../platform/context.ts';
import type { ClientAccessFacts } from '../../platform/policy/client.ts';
import { loadAccessFacts } from './queries.ts';

/** The organisations in which the actor works as a professional (the ones that may see clients). */
export function professionalOrgIds(actor: Actor): string[] {
  return actor.memberships.filter((m) => m.role === 'professional').map((m) => m.organisationId);
}

/** Loads the facts the client policy decides on, for this actor and client. */
export function accessFacts(services: Services, actor: Actor, clientId: string, db: Queryable = services.db): Promise<ClientAccessFacts | null> {
  return loadAccessFacts(db, { userId: actor.userId, clientId, today: dutchDate(services.now()), professionalOrgIds: professionalOrgIds(actor) });
}

/** Today's date in the Netherlands for the services' clock. */
export const today = (services: Services): string => dutchDate(services.now());
