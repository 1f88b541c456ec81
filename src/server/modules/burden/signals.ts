import type { Queryable } from '../../../db/types.ts';
import { scoreFacts, signalReasons, type Score } from '../../../domain/burden.ts';
import { dutchDate } from '../../../domain/dates.ts';
import type { Actor, Origin, Services } from '../../platform/context.ts';
import { audit, auditMany, type AuditEntry } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { inBatches } from '../../platform/jobs.ts';
import { NEXT_SIGNAL_STATUSES, type SignalActionKind, type SignalStatus } from '../../../common/burden.ts';
import { pageOf, pageWindow, type PageInput } from '../../platform/paging.ts';
import { insertContact } from '../caseload/queries.ts';
import { instrumentsByVersion } from './instruments.ts';
import { assertSignalAccess, burdenPolicy, type SignalFacts } from '../../platform/policy/burden.ts';
import { ClientAccessRefused, type ClientAccessFacts } from '../../platform/policy/client.ts';
import { loadAccessFacts, loadAccessFactsMany } from '../circles/queries.ts';
import { previousTotal } from './checks.queries.ts';
import { newSignalMail, signalEscalatedMail } from './mails.ts';
import * as q from './signals.queries.ts';

/** A signal nobody followed up within this many days is escalated (by a job). */
export const SIGNAL_ESCALATION_DAYS = 5;
const DAY_MS = 86_400_000;

const STATUS_NL: Record<SignalStatus, string> = { open: 'open', contacted: 'contact gehad', plan_agreed: 'plan afgesproken', closed: 'gesloten' };

/** Who hears of a signal: the assigned professional, else the coordinators and admins, else all professionals. */
async function recipients(tx: Queryable, organisationId: string, assignedUserId: string | null, includeLeads: boolean): Promise<string[]> {
  const emails = new Set<string>();
  const assigned = assignedUserId ? await q.activeUserEmail(tx, assignedUserId) : null;
  if (assigned) emails.add(assigned);
  if (emails.size === 0 || includeLeads) for (const s of await q.organisationStaff(tx, organisationId, ['coordinator', 'org_admin'])) emails.add(s.email);
  if (emails.size === 0) for (const s of await q.organisationStaff(tx, organisationId, ['professional'])) emails.add(s.email);
  return [...emails];
}

/** Where a signal about a check goes, and who is assigned. */
export interface SignalRoute {
  organisationId: string | null;
  routedTo: q.SignalRow['routed_to'];
  assignedUserId: string | null;
}

/**
 * Routing: the organisation of the professional who took the check; else, when the caregiver
 * shared the result, the organisation linked to the client with full access (care providers
 * first); else the municipality's caregiver support centre; else the municipality itself.
 * An unshared result never goes to a care organisation.
 */
async function routeOf(tx: Queryable, actor: Actor, input: { tenantKey: string; clientId: string; shared: boolean; professionalOrganisationId: string | null; now: Date }): Promise<SignalRoute> {
  if (input.professionalOrganisationId) return { organisationId: input.professionalOrganisationId, routedTo: 'professional', assignedUserId: actor.userId };
  if (input.shared) {
    const linked = (await q.linkedOrganisations(tx, input.clientId, dutchDate(input.now)))[0];
    if (linked) return { organisationId: linked.id, routedTo: 'professional', assignedUserId: await q.professionalOnMap(tx, input.clientId, linked.id) };
  }
  const local = await q.localSupport(tx, input.tenantKey);
  const centre = local.find((o) => o.is_support_centre) ?? local.find((o) => o.kind === 'welfare');
  const municipality = local.find((o) => o.kind === 'municipality');
  if (centre) return { organisationId: centre.id, routedTo: 'support_centre', assignedUserId: null };
  if (municipality) return { organisationId: municipality.id, routedTo: 'municipality', assignedUserId: null };
  return { organisationId: null, routedTo: 'none', assignedUserId: null };
}

/**
 * Raises a signal for a completed check that needs follow-up (a heavy score, or a rise of 3
 * or more), or adds the check to the caregiver's open signal at the same organisation. There
 * is one open signal per caregiver and receiving organisation (see routeOf), so a check is
 * only ever added to a signal of the organisation it may reach: an unshared result never
 * lands on (and is never shown in) a care organisation's signal. A rise is measured against
 * the previous check that organisation may see. Nothing happens when the check needs no
 * follow-up there, or is already on a signal of that organisation (sharing it again).
 * Runs inside the caller's transaction, with its audit line and mail.
 */
export async function raiseSignal(
  tx: Queryable,
  services: Services,
  actor: Actor,
  origin: Origin,
  input: {
    tenantKey: string;
    clientId: string;
    memberId: string;
    responseId: string;
    instrumentKey: string;
    score: Score;
    completedAt: Date;
    shared: boolean;
    professionalOrganisationId: string | null;
    now: Date;
  },
): Promise<{ signalId: string; created: boolean } | null> {
  const route = await routeOf(tx, actor, input);
  const previous = await previousTotal(tx, { memberId: input.memberId, instrumentKey: input.instrumentKey, before: input.completedAt, excludeId: input.responseId, sharedOnly: route.routedTo === 'professional' });
  const reasons = signalReasons(input.score, previous);
  if (reasons.length === 0 || (await q.signalHoldsResponse(tx, route.organisationId, input.responseId))) return null;
  const { organisationId, routedTo, assignedUserId } = route;

  const existing = await q.findUnclosedSignal(tx, input.memberId, organisationId);
  if (existing) {
    await q.addCheckToSignal(tx, existing.id, { responseId: input.responseId, total: input.score.total, reasons, now: input.now });
    await q.insertSignalEvent(tx, { tenantKey: input.tenantKey, signalId: existing.id, kind: 'new_check', note: null, userId: actor.userId, at: input.now });
    await audit(tx, { actor }, origin, { action: 'update', resourceType: 'burden_signal', resourceId: existing.id, clientId: input.clientId, tenantKey: input.tenantKey, organisationId: existing.organisation_id, detail: { newCheck: input.responseId } });
    return { signalId: existing.id, created: false };
  }

  const signalId = await q.insertSignal(tx, {
    tenantKey: input.tenantKey,
    clientId: input.clientId,
    memberId: input.memberId,
    responseId: input.responseId,
    reasons,
    total: input.score.total,
    previousTotal: previous,
    organisationId,
    routedTo,
    assignedUserId,
    now: input.now,
  });
  await q.insertSignalEvent(tx, { tenantKey: input.tenantKey, signalId, kind: 'created', toStatus: 'open', userId: null, at: input.now });
  await audit(tx, { actor }, origin, { action: 'create', resourceType: 'burden_signal', resourceId: signalId, clientId: input.clientId, tenantKey: input.tenantKey, organisationId, detail: { routedTo, reasons } });
  if (organisationId) {
    // The mail says only that there is a signal: no names, no scores (health data stays in the app).
    for (const to of await recipients(tx, organisationId, assignedUserId, false)) {
      await services.mailer.enqueue(tx, newSignalMail({ to, organisationId, signalId, escalationDays: SIGNAL_ESCALATION_DAYS, publicUrl: services.config.publicUrl }));
    }
  }
  return { signalId, created: true };
}

// ---------------------------------------------------------------------------------------
// Access to signals

/** Refusals of the signal policy, written to the access log (NEN 7513) as denied attempts. */
const REFUSALS: ReadonlySet<string> = new Set(['not_found', 'forbidden', 'mfa_required', 'mfa_setup_required']);
const loggedRefusals = new WeakSet<object>();

/**
 * Runs a signal use case; a refusal (no such signal here, wrong role, no access to the
 * client any more) is written to the access log with outcome `denied`, on `services.db`
 * itself so it survives the rollback of the use case's transaction, and thrown on.
 */
async function refusalsLogged<T>(services: Services, actor: Actor, origin: Origin, attempt: { action: string; organisationId: string; signalId?: string }, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof AppError && REFUSALS.has(error.code) && !loggedRefusals.has(error) && !(error instanceof ClientAccessRefused && error.logged)) {
      const f = error instanceof ClientAccessRefused ? error.facts : null;
      await audit(services.db, { actor }, origin, {
        action: attempt.action,
        resourceType: 'burden_signal',
        resourceId: attempt.signalId ?? null,
        clientId: f?.clientId ?? null,
        tenantKey: f?.tenantKey ?? null,
        organisationId: attempt.organisationId,
        outcome: 'denied',
        detail: { code: error.code },
      });
      loggedRefusals.add(error);
      if (error instanceof ClientAccessRefused) error.logged = true;
    }
    throw error;
  }
}

/** Whose access facts a signal route loads: the actor, today, as far as they come through the receiving organisation. */
const throughOrganisation = (services: Services, actor: Actor, organisationId: string) => ({ userId: actor.userId, today: dutchDate(services.now()), professionalOrgIds: [organisationId] });

/** The facts of the signal's client as far as they come through the receiving organisation. */
function signalClientFacts(services: Services, actor: Actor, db: Queryable, organisationId: string, clientId: string): Promise<ClientAccessFacts | null> {
  return loadAccessFacts(db, { ...throughOrganisation(services, actor, organisationId), clientId });
}

const signalFacts = (row: q.SignalRow): SignalFacts => ({ organisationId: row.organisation_id, routedTo: row.routed_to, clientDeniedOrganisation: row.client_denied_organisation });

/** Loads one signal of the organisation and checks the policy on it (after assertSignalStaff). */
async function loadSignal(services: Services, actor: Actor, db: Queryable, organisationId: string, signalId: string): Promise<{ row: q.SignalRow; f: ClientAccessFacts }> {
  const row = await q.findSignal(db, organisationId, signalId);
  if (!row) throw new AppError('not_found');
  const f = await signalClientFacts(services, actor, db, organisationId, row.client_id);
  assertSignalAccess(actor, signalFacts(row), f);
  return { row, f };
}

/** Facts about one signal, shaped for the API. */
export interface SignalView {
  row: q.SignalRow;
  /** The instrument of the check the signal shows; null when it shows none (no longer shared). */
  instrument: { key: string; title: string } | null;
  bandLabel: string | null;
  followUpDueAt: Date;
  overdue: boolean;
  /** The client, only for an organisation that works with the client (linked with consent). */
  client: { id: string; name: string } | null;
}

async function viewOf(db: Queryable, services: Services, rows: q.SignalRow[]): Promise<SignalView[]> {
  const versions = await instrumentsByVersion(db, rows.flatMap((r) => (r.instrument_version_id ? [r.instrument_version_id] : [])));
  const now = services.now();
  const today = dutchDate(now);
  const linked = await q.linkedOrganisationsOfClients(db, [...new Set(rows.map((r) => r.client_id))], today);
  const linkedByClient = new Map<string, Set<string>>();
  for (const l of linked) linkedByClient.set(l.client_id, (linkedByClient.get(l.client_id) ?? new Set()).add(l.id));
  return rows.map((row) => {
    const v = row.instrument_version_id ? versions.get(row.instrument_version_id) : undefined;
    const followUpDueAt = new Date(row.created_at.getTime() + SIGNAL_ESCALATION_DAYS * DAY_MS);
    const isLinked = row.organisation_id !== null && (linkedByClient.get(row.client_id)?.has(row.organisation_id) ?? false);
    return {
      row,
      instrument: row.instrument_key ? { key: row.instrument_key, title: v?.instrument.title ?? row.instrument_key } : null,
      bandLabel: v && row.score_total !== null ? (scoreFacts(v.instrument, row.score_total).band?.label ?? null) : null,
      followUpDueAt,
      overdue: row.status === 'open' && row.first_follow_up_at === null && now > followUpDueAt,
      client: isLinked ? { id: row.client_id, name: `${row.client_given_name} ${row.client_family_name}`.trim() } : null,
    };
  });
}

/**
 * An organisation's signals, paged (its professionals, coordinators and admins). Only
 * signals the organisation may still reach (burdenPolicy.assertSignalAccess: the SQL
 * leaves the others out, and every client on the page is checked again by the policy).
 * The access log gets one line per client shown.
 */
export async function signalLister(
  services: Services,
  actor: Actor,
  input: PageInput & { organisationId: string; statuses: SignalStatus[]; escalatedOnly: boolean; mine: boolean },
  origin: Origin,
): Promise<{ items: SignalView[]; page: number; pageSize: number; total: number }> {
  return refusalsLogged(services, actor, origin, { action: 'search', organisationId: input.organisationId }, async () => {
    burdenPolicy.assertSignalStaff(actor, input.organisationId);
    const { rows, total } = await q.listSignals(services.db, {
      organisationId: input.organisationId,
      today: dutchDate(services.now()),
      statuses: input.statuses,
      escalatedOnly: input.escalatedOnly,
      assignedTo: input.mine ? actor.userId : null,
      page: pageWindow(input),
    });
    // The facts of every client on the page in one query (not one per signal).
    const facts = await loadAccessFactsMany(services.db, { ...throughOrganisation(services, actor, input.organisationId), clientIds: rows.map((r) => r.client_id) });
    const shown: q.SignalRow[] = [];
    const byClient = new Map<string, { f: ClientAccessFacts; signals: string[] }>();
    for (const row of rows) {
      const known = byClient.get(row.client_id);
      const f = facts.get(row.client_id) ?? null;
      try {
        assertSignalAccess(actor, signalFacts(row), f);
      } catch (error) {
        if (error instanceof ClientAccessRefused) continue;
        throw error;
      }
      if (!f) continue;
      shown.push(row);
      if (known) known.signals.push(row.id);
      else byClient.set(row.client_id, { f, signals: [row.id] });
    }
    const filter = { statuses: input.statuses, escalatedOnly: input.escalatedOnly, mine: input.mine, page: input.page };
    const entries: AuditEntry[] = [...byClient.values()].map(({ f, signals }) => ({
      action: 'search',
      resourceType: 'burden_signal',
      clientId: f.clientId,
      tenantKey: f.tenantKey,
      organisationId: input.organisationId,
      detail: { ...filter, shown: signals },
    }));
    // An empty page is a search too.
    if (entries.length === 0) entries.push({ action: 'search', resourceType: 'burden_signal', organisationId: input.organisationId, detail: { ...filter, shown: [] } });
    await auditMany(services.db, { actor }, origin, entries);
    return pageOf(input, await viewOf(services.db, services, shown), total - (rows.length - shown.length));
  });
}

/** One signal with its actions and history. */
export async function signalReader(services: Services, actor: Actor, input: { organisationId: string; signalId: string }, origin: Origin) {
  return refusalsLogged(services, actor, origin, { action: 'read', ...input }, async () => {
    burdenPolicy.assertSignalStaff(actor, input.organisationId);
    const { row } = await loadSignal(services, actor, services.db, input.organisationId, input.signalId);
    const [view] = await viewOf(services.db, services, [row]);
    const [actions, events] = await Promise.all([q.listActions(services.db, row.id), q.listEvents(services.db, row.id)]);
    await audit(services.db, { actor }, origin, { action: 'read', resourceType: 'burden_signal', resourceId: row.id, clientId: row.client_id, tenantKey: row.tenant_key, organisationId: input.organisationId });
    return { view: view as SignalView, actions, events };
  });
}

/** Moves a signal on: open → contacted → plan agreed → closed (closing early needs a reason). */
export async function signalStatusChanger(
  services: Services,
  actor: Actor,
  input: { organisationId: string; signalId: string; status: SignalStatus; note?: string | null },
  origin: Origin,
): Promise<void> {
  await refusalsLogged(services, actor, origin, { action: 'update', organisationId: input.organisationId, signalId: input.signalId }, async () => {
  burdenPolicy.assertSignalStaff(actor, input.organisationId);
  const now = services.now();
  await services.db.transaction(async (tx) => {
    const { row } = await loadSignal(services, actor, tx, input.organisationId, input.signalId);
    if (!NEXT_SIGNAL_STATUSES[row.status].includes(input.status)) {
      const allowed = NEXT_SIGNAL_STATUSES[row.status].map((s) => `"${STATUS_NL[s]}"`).join(' of ');
      throw new AppError('conflict', row.status === 'closed' ? 'signal_already_closed' : { key: 'signal_status_not_allowed', params: { from: STATUS_NL[row.status], allowed } });
    }
    if (input.status === 'closed' && row.status !== 'plan_agreed' && !input.note?.trim()) {
      throw new AppError('validation_failed', 'signal_close_reason_needed', [{ path: '/note' }]);
    }
    if (!(await q.updateSignalStatus(tx, { id: row.id, from: row.status, to: input.status, now }))) throw new AppError('conflict');
    await q.insertSignalEvent(tx, { tenantKey: row.tenant_key, signalId: row.id, kind: 'status', fromStatus: row.status, toStatus: input.status, note: input.note ?? null, userId: actor.userId, at: now });
    await audit(tx, { actor }, origin, { action: 'update', resourceType: 'burden_signal', resourceId: row.id, clientId: row.client_id, tenantKey: row.tenant_key, organisationId: input.organisationId, detail: { from: row.status, to: input.status } });
  });
  });
}

/**
 * Records a follow-up action on a signal. The first action (or status change) sets the time
 * of first follow-up. A conversation is also kept as a caregiver contact ("Hoe gaat het met
 * u?") and moves an open signal to "contacted".
 */
export async function signalFollowUpRecorder(
  services: Services,
  actor: Actor,
  input: { organisationId: string; signalId: string; kind: SignalActionKind; note?: string | null; occurredAt?: string | null },
  origin: Origin,
): Promise<string> {
  return refusalsLogged(services, actor, origin, { action: 'create', organisationId: input.organisationId, signalId: input.signalId }, async () => {
  burdenPolicy.assertSignalStaff(actor, input.organisationId);
  const now = services.now();
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
  if (occurredAt.getTime() > now.getTime() + 5 * 60_000) throw new AppError('validation_failed', 'action_in_future', [{ path: '/occurredAt' }]);
  return services.db.transaction(async (tx) => {
    const { row } = await loadSignal(services, actor, tx, input.organisationId, input.signalId);
    if (row.status === 'closed') throw new AppError('conflict', 'signal_closed_no_actions');
    if (occurredAt < row.created_at) throw new AppError('validation_failed', 'action_before_signal', [{ path: '/occurredAt' }]);
    let contactId: string | null = null;
    if (input.kind === 'conversation') {
      contactId = await insertContact(tx, { clientId: row.client_id, tenantKey: row.tenant_key, memberId: row.member_id, professionalUserId: actor.userId, organisationId: input.organisationId, kind: 'how_are_you', note: input.note ?? null, occurredAt });
    }
    const id = await q.insertAction(tx, { tenantKey: row.tenant_key, signalId: row.id, kind: input.kind, note: input.note ?? null, occurredAt, recordedBy: actor.userId, organisationId: input.organisationId, contactId });
    await q.markFollowedUp(tx, row.id, occurredAt, now);
    if (input.kind === 'conversation' && row.status === 'open' && (await q.updateSignalStatus(tx, { id: row.id, from: 'open', to: 'contacted', now }))) {
      await q.insertSignalEvent(tx, { tenantKey: row.tenant_key, signalId: row.id, kind: 'status', fromStatus: 'open', toStatus: 'contacted', note: null, userId: actor.userId, at: now });
    }
    await audit(tx, { actor }, origin, { action: 'create', resourceType: 'burden_signal_action', resourceId: id, clientId: row.client_id, tenantKey: row.tenant_key, organisationId: input.organisationId, detail: { signalId: row.id, kind: input.kind } });
    return id;
  });  });
}

/** Assigns a signal to a colleague (or to nobody). */
export async function signalAssigner(services: Services, actor: Actor, input: { organisationId: string; signalId: string; userId: string | null }, origin: Origin): Promise<void> {
  await refusalsLogged(services, actor, origin, { action: 'update', organisationId: input.organisationId, signalId: input.signalId }, async () => {
  burdenPolicy.assertSignalStaff(actor, input.organisationId);
  const now = services.now();
  await services.db.transaction(async (tx) => {
    const { row } = await loadSignal(services, actor, tx, input.organisationId, input.signalId);
    if (input.userId && !(await q.isStaffOf(tx, input.organisationId, input.userId))) {
      throw new AppError('validation_failed', 'signal_assignee_not_staff', [{ path: '/userId' }]);
    }
    await q.setAssignee(tx, row.id, input.userId, now);
    await q.insertSignalEvent(tx, { tenantKey: row.tenant_key, signalId: row.id, kind: 'assigned', note: null, userId: actor.userId, at: now });
    await audit(tx, { actor }, origin, { action: 'update', resourceType: 'burden_signal', resourceId: row.id, clientId: row.client_id, tenantKey: row.tenant_key, organisationId: input.organisationId, detail: { assignedTo: input.userId } });
  });  });
}

/**
 * Job: escalates open signals nobody followed up within SIGNAL_ESCALATION_DAYS. The
 * organisation's coordinators and admins (and the assigned professional) get a mail. Each
 * signal is escalated once, also with several instances running (rows are locked and
 * `escalated_at` is set in the same transaction).
 */
export async function runSignalEscalations(services: Services, now: Date = services.now()): Promise<{ escalated: number }> {
  const origin: Origin = { ip: null, sourceSystem: 'job' };
  let escalated = 0;
  await inBatches(services.db, 50, async (tx, size) => {
    const batch = await q.claimUnpickedSignals(tx, new Date(now.getTime() - SIGNAL_ESCALATION_DAYS * DAY_MS), size);
    for (const s of batch) {
      if (!(await q.markEscalated(tx, s.id, now))) continue;
      escalated++;
      await q.insertSignalEvent(tx, { tenantKey: s.tenant_key, signalId: s.id, kind: 'escalated', note: `Niet opgepakt binnen ${SIGNAL_ESCALATION_DAYS} dagen.`, userId: null, at: now });
      await audit(tx, { userDisplay: 'Mantelkring (taak)' }, origin, { action: 'update', resourceType: 'burden_signal', resourceId: s.id, clientId: s.client_id, tenantKey: s.tenant_key, organisationId: s.organisation_id, detail: { escalated: true } });
      if (!s.organisation_id) continue;
      for (const to of await recipients(tx, s.organisation_id, s.assigned_user_id, true)) {
        await services.mailer.enqueue(tx, signalEscalatedMail({ to, organisationId: s.organisation_id, signalId: s.id, escalationDays: SIGNAL_ESCALATION_DAYS, publicUrl: services.config.publicUrl }));
      }
    }
    return batch.length;
  });
  return { escalated };
}
