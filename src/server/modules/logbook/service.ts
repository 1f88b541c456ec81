import type { LogbookVisibility } from '../../../common/logbook.ts';
import { fillRoute, ROUTES } from '../../../common/paths.ts';
import type { Queryable } from '../../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor, Origin, Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { notify } from '../../platform/notifications.ts';
import { ClientAccessRefused, clientPolicy, type ClientAccessFacts, type Level } from '../../platform/policy/client.ts';
import { circlePeopleLevels, clientAccess, clientAudit, withRefusalsLogged } from '../circles/access.ts';
import * as q from './queries.ts';

const RESOURCE = 'logbook_entry';

/** The visibilities a level may read (private entries: only their author, see queries.ts). */
export function visibilitiesFor(level: Level): LogbookVisibility[] {
  if (level === 'full' || level === 'manage') return ['circle', 'full'];
  if (level === 'agenda') return ['circle'];
  return [];
}

/** True when someone at this level may read an entry with this visibility (not being its author). */
export function mayRead(level: Level, visibility: LogbookVisibility): boolean {
  return visibilitiesFor(level).includes(visibility);
}

/** What this actor may read of the logbook (attachments use it too). */
export const readerOf = (actor: Actor, f: ClientAccessFacts): q.LogbookReader => ({ userId: actor.userId, visibilities: visibilitiesFor(clientPolicy.level(f)) });

/** The logbook entries the actor may see: at least agenda level; the server filters by visibility. */
export async function entriesLister(services: Services, actor: Actor, input: { clientId: string }, origin: Origin) {
  const f = await clientAccess(services, actor, origin, input.clientId, 'agenda', { action: 'read', resourceType: RESOURCE });
  const rows = await q.listEntries(services.db, input.clientId, readerOf(actor, f));
  await audit(services.db, { actor }, origin, clientAudit(f, 'read', RESOURCE, null, { count: rows.length }));
  return rows;
}

/** One entry; an entry the actor may not see does not exist for them (404). */
export async function entryReader(services: Services, actor: Actor, input: { clientId: string; entryId: string }, origin: Origin) {
  const f = await clientAccess(services, actor, origin, input.clientId, 'agenda', { action: 'read', resourceType: RESOURCE, resourceId: input.entryId });
  const row = await q.findEntry(services.db, input.clientId, input.entryId, readerOf(actor, f));
  if (!row) throw new AppError('not_found');
  await audit(services.db, { actor }, origin, clientAudit(f, 'read', RESOURCE, row.id));
  return row;
}

/** The users other than the author who may read an entry with this visibility, by the client policy. */
async function readersOf(services: Services, db: Queryable, clientId: string, visibility: LogbookVisibility, authorUserId: string): Promise<string[]> {
  if (visibility === 'private') return [];
  return (await circlePeopleLevels(services, clientId, db)).filter((p) => p.userId !== authorUserId && mayRead(p.level, visibility)).map((p) => p.userId);
}

/** A new entry: agenda level for `circle` and `private`, full level for `full`; its readers are notified. */
export async function entryAdder(services: Services, actor: Actor, input: { clientId: string; body: string; visibility: LogbookVisibility }, origin: Origin): Promise<string> {
  const attempt = { action: 'create', resourceType: RESOURCE };
  const f = await clientAccess(services, actor, origin, input.clientId, input.visibility === 'full' ? 'full' : 'agenda', attempt);
  return withRefusalsLogged(services, actor, origin, input.clientId, attempt, () =>
    services.db.transaction(async (tx) => {
      if (input.visibility === 'full' && !mayRead(clientPolicy.level(f), 'full')) throw new ClientAccessRefused('forbidden', 'logbook_full_needs_full', 'full', f);
      const id = await q.insertEntry(tx, { clientId: input.clientId, tenantKey: f.tenantKey, authorUserId: actor.userId, visibility: input.visibility, body: input.body });
      await audit(tx, { actor }, origin, clientAudit(f, 'create', RESOURCE, id, { visibility: input.visibility }));
      const readers = await readersOf(services, tx, input.clientId, input.visibility, actor.userId);
      if (readers.length > 0) {
        const names = await q.namesFor(tx, input.clientId, actor.userId);
        const params: Record<string, string> = {};
        if (names.author) params.author = names.author;
        if (names.client_name) params.clientName = names.client_name;
        const link = fillRoute(ROUTES.logbookEntry, { clientId: input.clientId, entryId: id });
        await notify(
          tx,
          readers.map((userId) => ({ userId, kind: 'logbook_entry' as const, client: { id: input.clientId, tenantKey: f.tenantKey }, params, link })),
        );
      }
      return id;
    }),
  );
}

/** Deletes an entry: only its author, who must still see it. */
export async function entryDeleter(services: Services, actor: Actor, input: { clientId: string; entryId: string }, origin: Origin): Promise<void> {
  const attempt = { action: 'delete', resourceType: RESOURCE, resourceId: input.entryId };
  const f = await clientAccess(services, actor, origin, input.clientId, 'agenda', attempt);
  await withRefusalsLogged(services, actor, origin, input.clientId, attempt, () =>
    services.db.transaction(async (tx) => {
      const row = await q.findEntry(tx, input.clientId, input.entryId, readerOf(actor, f));
      if (!row) throw new AppError('not_found');
      if (row.author_user_id !== actor.userId) throw new ClientAccessRefused('forbidden', 'logbook_delete_author_only', 'agenda', f);
      await q.deleteOwnEntry(tx, input.clientId, input.entryId, actor.userId);
      await audit(tx, { actor }, origin, clientAudit(f, 'delete', RESOURCE, input.entryId));
    }),
  );
}
