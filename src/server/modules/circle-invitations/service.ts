import { randomBytes } from 'node:crypto';
import type { AccessLevel } from '../../../common/codes.ts';
import type { Actor, Origin, Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { requireMfaSatisfied } from '../../platform/policy/index.ts';
import { organisationPolicy } from '../../platform/policy/organisation.ts';
import { sha256 } from '../../platform/tokens.ts';
import { CODE_LIMITS, ipBucket, isLimited, recordFailure } from '../../platform/throttle.ts';
import { clientAccess, clientAudit, clientListReader, today } from '../circles/access.ts';
import { findClient, findMember, insertConsent, insertLink, isActiveMember } from '../circles/queries.ts';
import { circleInvitationMail } from './mails.ts';
import * as q from './queries.ts';

const INVITATION_DAYS = 14;
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A new invitation code, XXXX-XXXX (about 40 bits; codes expire and wrong tries are throttled). */
function newInvitationCode(): string {
  const chars = [...randomBytes(8)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** Normalises a typed code (case, spaces, dash) and hashes it. */
const hashInvitationCode = (code: string): string => sha256(code.toUpperCase().replace(/[^A-Z0-9]/g, ''));

const userBucket = (userId: string) => `code-user:${userId}`;

function usable(inv: q.CircleInvitationRow | null, now: Date): inv is q.CircleInvitationRow {
  return Boolean(inv && !inv.accepted_at && !inv.revoked_at && inv.expires_at.getTime() > now.getTime());
}

/**
 * Invites a person on the map to join with their own account (manage level): by e-mail
 * (a mail with the link) or by a code to pass on. What they may see follows the consent.
 */
export async function memberInviter(services: Services, actor: Actor, input: { clientId: string; memberId: string; email?: string | null }, origin: Origin): Promise<{ id: string; code: string; expiresAt: Date }> {
  const f = await clientAccess(services, actor, origin, input.clientId, 'manage', { action: 'create', resourceType: 'circle_invitation' });
  const member = await findMember(services.db, input.clientId, input.memberId, today(services));
  if (!member) throw new AppError('not_found');
  if (member.has_account) throw new AppError('conflict', 'member_has_account');
  const email = input.email ?? member.email;
  const clientName = (await findClient(services.db, input.clientId))?.given_name ?? '';
  const code = newInvitationCode();
  const expiresAt = new Date(services.now().getTime() + INVITATION_DAYS * 86_400_000);
  const id = await services.db.transaction(async (tx) => {
    const invitationId = await q.insertInvitation(tx, { clientId: input.clientId, tenantKey: f.tenantKey, memberId: input.memberId, email: email ?? null, codeHash: hashInvitationCode(code), accessLevel: member.access_level ?? 'agenda', expiresAt, createdBy: actor.userId });
    if (email) {
      await services.mailer.enqueue(
        tx,
        circleInvitationMail({ to: email, name: member.given_name, inviterName: actor.displayName, clientGivenName: clientName, code, validDays: INVITATION_DAYS, publicUrl: services.config.publicUrl }),
      );
    }
    await audit(tx, { actor }, origin, clientAudit(f, 'create', 'circle_invitation', invitationId, { memberId: input.memberId, byMail: Boolean(email) }));
    return invitationId;
  });
  return { id, code, expiresAt };
}

/**
 * A code for a care organisation (decider only): a professional who enters it links their
 * organisation to this circle with the access level chosen here.
 */
export async function organisationInviter(services: Services, actor: Actor, input: { clientId: string; accessLevel: AccessLevel }, origin: Origin): Promise<{ id: string; code: string; expiresAt: Date }> {
  const f = await clientAccess(services, actor, origin, input.clientId, 'decide', { action: 'create', resourceType: 'circle_invitation' });
  const code = newInvitationCode();
  const expiresAt = new Date(services.now().getTime() + INVITATION_DAYS * 86_400_000);
  const id = await services.db.transaction(async (tx) => {
    const invitationId = await q.insertInvitation(tx, { clientId: input.clientId, tenantKey: f.tenantKey, memberId: null, email: null, codeHash: hashInvitationCode(code), accessLevel: input.accessLevel, expiresAt, createdBy: actor.userId });
    await audit(tx, { actor }, origin, clientAudit(f, 'create', 'circle_invitation', invitationId, { forOrganisation: true, level: input.accessLevel }));
    return invitationId;
  });
  return { id, code, expiresAt };
}

/** Looks up a code for a logged-in user; wrong codes count towards a limit. */
async function findUsable(services: Services, actor: Actor, code: string, origin: Origin): Promise<q.CircleInvitationRow> {
  const now = services.now();
  const limits = [
    { bucket: userBucket(actor.userId), limit: CODE_LIMITS.perUser },
    { bucket: `code-${ipBucket(origin.ip)}`, limit: CODE_LIMITS.perIp },
  ];
  if (await isLimited(services.db, limits, CODE_LIMITS.windowMinutes, now)) throw new AppError('too_many_attempts');
  const inv = await q.findByCode(services.db, hashInvitationCode(code));
  if (!usable(inv, now)) {
    await recordFailure(services.db, limits.map((l) => l.bucket), now);
    throw new AppError('token_invalid', 'invitation_code_invalid');
  }
  return inv;
}

/** What an invitation code offers, shown before accepting. */
export async function circleInvitationPreviewer(services: Services, actor: Actor, input: { code: string }, origin: Origin) {
  requireMfaSatisfied(actor);
  const inv = await findUsable(services, actor, input.code, origin);
  return inv;
}

/**
 * Accepts an invitation code. A member invitation links the person on the map to the
 * actor's account. An organisation invitation links one of the actor's organisations (as
 * professional) with the access level the decider chose.
 */
export async function circleInvitationAccepter(services: Services, actor: Actor, input: { code: string; organisationId?: string }, origin: Origin): Promise<{ clientId: string }> {
  requireMfaSatisfied(actor);
  const inv = await findUsable(services, actor, input.code, origin);
  if (inv.for_organisation) {
    const organisationId = organisationPolicy.linkingOrganisation(actor, input.organisationId);
    await services.db.transaction(async (tx) => {
      if (!(await q.markAccepted(tx, { id: inv.id, userId: actor.userId, organisationId }))) throw new AppError('token_invalid');
      await insertLink(tx, { clientId: inv.client_id, tenantKey: inv.tenant_key, organisationId: organisationId, createdBy: actor.userId });
      const decider = (await findClient(tx, inv.client_id))?.decider ?? 'client';
      await insertConsent(tx, { clientId: inv.client_id, tenantKey: inv.tenant_key, organisationId: organisationId, decision: 'permit', accessLevel: inv.access_level, validUntil: null, decidedAs: decider, recordedBy: inv.created_by ?? actor.userId });
      await audit(tx, { actor }, origin, { action: 'create', resourceType: 'organisation_link', resourceId: organisationId, clientId: inv.client_id, tenantKey: inv.tenant_key, organisationId, detail: { via: 'invitation' } });
    });
    return { clientId: inv.client_id };
  }
  await services.db.transaction(async (tx) => {
    if (await isActiveMember(tx, inv.client_id, actor.userId)) throw new AppError('conflict', 'circle_already_member');
    if (!(await q.markAccepted(tx, { id: inv.id, userId: actor.userId, organisationId: null }))) throw new AppError('token_invalid');
    if (!(await q.linkMemberToUser(tx, { clientId: inv.client_id, memberId: inv.member_id as string, userId: actor.userId }))) throw new AppError('token_invalid', 'invitation_no_longer_valid');
    await audit(tx, { actor }, origin, { action: 'update', resourceType: 'circle_member', resourceId: inv.member_id, clientId: inv.client_id, tenantKey: inv.tenant_key, detail: { joined: true } });
  });
  return { clientId: inv.client_id };
}

/** Open and past invitations of a circle (manage level); the read is logged. */
export async function circleInvitationLister(services: Services, actor: Actor, input: { clientId: string }, origin: Origin) {
  return clientListReader(services, actor, origin, { clientId: input.clientId, need: 'manage', resourceType: 'circle_invitation' }, () => q.listForClient(services.db, input.clientId));
}

export async function circleInvitationRevoker(services: Services, actor: Actor, input: { clientId: string; invitationId: string }, origin: Origin): Promise<void> {
  const f = await clientAccess(services, actor, origin, input.clientId, 'manage', { action: 'delete', resourceType: 'circle_invitation', resourceId: input.invitationId });
  await services.db.transaction(async (tx) => {
    if (!(await q.revoke(tx, input.clientId, input.invitationId))) throw new AppError('not_found');
    await audit(tx, { actor }, origin, clientAudit(f, 'delete', 'circle_invitation', input.invitationId));
  });
}
