import { ROUTES, fillRoute } from '../../../common/paths.ts';
import type { StartThreadInput } from '../../../common/threads-schemas.ts';
import type { Queryable } from '../../../db/types.ts';
import type { Actor, Origin, Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { notify } from '../../platform/notifications.ts';
import type { ClientAccessFacts } from '../../platform/policy/client.ts';
import { circlePeopleLevels, clientAccess, clientAudit } from '../circles/access.ts';
import * as q from './queries.ts';

/** People with an account who reach at least agenda level in the circle now (per the client policy). */
export async function circlePeople(services: Services, db: Queryable, clientId: string): Promise<{ userId: string; name: string }[]> {
  return (await circlePeopleLevels(services, clientId, db)).filter((p) => p.level !== 'none').map(({ userId, name }) => ({ userId, name }));
}

/** The people one may choose for a private thread (agenda level). */
export async function peopleLister(services: Services, actor: Actor, input: { clientId: string }, origin: Origin) {
  const f = await clientAccess(services, actor, origin, input.clientId, 'agenda', { action: 'read', resourceType: 'thread_people' });
  const people = (await circlePeople(services, services.db, input.clientId)).filter((p) => p.userId !== actor.userId);
  await audit(services.db, { actor }, origin, clientAudit(f, 'read', 'thread_people', null, { count: people.length }));
  return people;
}

/** The threads the actor is in, with unread counts. */
export async function threadsLister(services: Services, actor: Actor, input: { clientId: string }, origin: Origin) {
  const f = await clientAccess(services, actor, origin, input.clientId, 'agenda', { action: 'read', resourceType: 'thread' });
  const rows = await q.listThreads(services.db, input.clientId, actor.userId);
  await audit(services.db, { actor }, origin, clientAudit(f, 'read', 'thread', null, { count: rows.length }));
  return rows;
}

async function threadOf(db: Queryable, actor: Actor, f: ClientAccessFacts, threadId: string): Promise<q.ThreadRow> {
  const thread = await q.findThread(db, f.clientId, actor.userId, threadId);
  // Someone not in a private thread learns nothing about it.
  if (!thread) throw new AppError('not_found');
  return thread;
}

/** Opens a thread: its messages; marks it read for the actor. */
export async function threadReader(services: Services, actor: Actor, input: { clientId: string; threadId: string }, origin: Origin) {
  const f = await clientAccess(services, actor, origin, input.clientId, 'agenda', { action: 'read', resourceType: 'thread', resourceId: input.threadId });
  return services.db.transaction(async (tx) => {
    const thread = await threadOf(tx, actor, f, input.threadId);
    const messages = await q.listMessages(tx, input.threadId);
    await q.markRead(tx, { threadId: thread.id, clientId: f.clientId, tenantKey: f.tenantKey, userId: actor.userId, at: services.now() });
    await q.readThreadNotifications(tx, { userId: actor.userId, clientId: f.clientId, threadId: thread.id, at: services.now() });
    await audit(tx, { actor }, origin, clientAudit(f, 'read', 'thread', thread.id, { messages: messages.length }));
    return { thread: { ...thread, unread_count: 0 }, messages };
  });
}

/** Everyone to tell about a new message: the thread's people with an account, except the author. */
async function recipients(services: Services, db: Queryable, thread: q.ThreadRow, authorId: string): Promise<string[]> {
  const ids = thread.audience === 'circle' ? (await circlePeople(services, db, thread.client_id)).map((p) => p.userId) : thread.participants.map((p) => p.user_id);
  return [...new Set(ids)].filter((id) => id !== authorId);
}

async function tell(services: Services, db: Queryable, f: ClientAccessFacts, thread: q.ThreadRow, actor: Actor): Promise<void> {
  const to = await recipients(services, db, thread, actor.userId);
  const link = fillRoute(ROUTES.thread, { clientId: f.clientId, threadId: thread.id });
  await notify(
    db,
    to.map((userId) => ({ userId, kind: 'thread_message' as const, client: { id: f.clientId, tenantKey: f.tenantKey }, params: { subject: thread.subject, author: actor.displayName, threadId: thread.id }, link })),
  );
}

/** Starts a thread with its first message (agenda level); a private one with chosen people of the circle. */
export async function threadStarter(services: Services, actor: Actor, input: StartThreadInput & { clientId: string }, origin: Origin): Promise<string> {
  const f = await clientAccess(services, actor, origin, input.clientId, 'agenda', { action: 'create', resourceType: 'thread' });
  return services.db.transaction(async (tx) => {
    let participants: string[] = [];
    if (input.audience === 'private') {
      const chosen = [...new Set(input.participantUserIds ?? [])].filter((id) => id !== actor.userId);
      if (chosen.length === 0) throw new AppError('validation_failed', 'thread_needs_other_participant');
      const inCircle = new Set((await circlePeople(services, tx, input.clientId)).map((p) => p.userId));
      if (chosen.some((id) => !inCircle.has(id))) throw new AppError('validation_failed', 'thread_participant_not_in_circle');
      participants = [actor.userId, ...chosen];
    }
    const at = services.now();
    const id = await q.insertThread(tx, { clientId: f.clientId, tenantKey: f.tenantKey, subject: input.subject, audience: input.audience, createdBy: actor.userId, at });
    if (participants.length > 0) await q.insertParticipants(tx, { threadId: id, clientId: f.clientId, tenantKey: f.tenantKey, userIds: participants });
    await q.insertMessage(tx, { threadId: id, clientId: f.clientId, tenantKey: f.tenantKey, authorUserId: actor.userId, body: input.body, at });
    await q.markRead(tx, { threadId: id, clientId: f.clientId, tenantKey: f.tenantKey, userId: actor.userId, at });
    await audit(tx, { actor }, origin, clientAudit(f, 'create', 'thread', id, { audience: input.audience, participants: participants.length }));
    const thread = await threadOf(tx, actor, f, id);
    await tell(services, tx, f, thread, actor);
    return id;
  });
}

/** Posts a message in a thread the actor is in; tells the others. */
export async function messagePoster(services: Services, actor: Actor, input: { clientId: string; threadId: string; body: string }, origin: Origin): Promise<string> {
  const f = await clientAccess(services, actor, origin, input.clientId, 'agenda', { action: 'create', resourceType: 'thread_message', resourceId: input.threadId });
  return services.db.transaction(async (tx) => {
    const thread = await threadOf(tx, actor, f, input.threadId);
    const at = services.now();
    const id = await q.insertMessage(tx, { threadId: thread.id, clientId: f.clientId, tenantKey: f.tenantKey, authorUserId: actor.userId, body: input.body, at });
    await q.markRead(tx, { threadId: thread.id, clientId: f.clientId, tenantKey: f.tenantKey, userId: actor.userId, at });
    await audit(tx, { actor }, origin, clientAudit(f, 'create', 'thread_message', id, { threadId: thread.id }));
    await tell(services, tx, f, thread, actor);
    return id;
  });
}
