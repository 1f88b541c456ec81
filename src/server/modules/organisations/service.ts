import type { Actor, Origin, Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { organisationPolicy } from '../../platform/policy/organisation.ts';
import { pageWindow, type PageInput } from '../../platform/paging.ts';
import { assertAcceptablePassword, hashPassword } from '../../platform/passwords.ts';
import { randomToken, sha256 } from '../../platform/tokens.ts';
import { findUserByEmail, insertUser } from '../accounts/queries.ts';
import { assertMunicipality } from '../reference/service.ts';
import { staffInvitationMail } from './mails.ts';
import * as q from './queries.ts';

/** Days a staff invitation link works. */
const INVITATION_DAYS = 14;

/** Creates an organisation (platform admin only). */
export async function organisationCreator(
  services: Services,
  actor: Actor,
  input: { name: string; kind: string; sector?: string | null; municipalityCode?: string | null; region?: string | null },
  origin: Origin,
): Promise<q.OrganisationRow> {
  organisationPolicy.assertCreate(actor);
  return services.db.transaction(async (tx) => {
    if (input.municipalityCode) {
      await assertMunicipality(tx, input.municipalityCode);
      if (input.kind === 'municipality' && (await q.municipalityHasOrganisation(tx, input.municipalityCode))) throw new AppError('conflict', 'municipality_taken');
    }
    const id = await q.insertOrganisation(tx, {
      name: input.name,
      kind: input.kind,
      sector: input.sector ?? null,
      municipalityCode: input.municipalityCode ?? null,
      region: input.region ?? null,
    });
    await audit(tx, { actor }, origin, { action: 'create', resourceType: 'organisation', resourceId: id, organisationId: id });
    return (await q.findOrganisation(tx, id)) as q.OrganisationRow;
  });
}

/** Lists organisations: all for a platform admin, else the caller's own. */
export async function organisationLister(services: Services, actor: Actor, input: PageInput) {
  const onlyIds = organisationPolicy.readableIds(actor);
  return q.listOrganisations(services.db, { onlyIds, ...pageWindow(input) });
}

/** Reads one organisation. */
export async function organisationReader(services: Services, actor: Actor, input: { organisationId: string }) {
  organisationPolicy.assertRead(actor, input.organisationId);
  const org = await q.findOrganisation(services.db, input.organisationId);
  if (!org) throw new AppError('not_found');
  return org;
}

/** Lists the organisation's staff and volunteers. */
export async function memberLister(services: Services, actor: Actor, input: { organisationId: string }) {
  organisationPolicy.assertRead(actor, input.organisationId);
  return q.listMembers(services.db, input.organisationId);
}

/** Invites a person by e-mail to join the organisation in a role; the link works 14 days. */
export async function staffInviter(
  services: Services,
  actor: Actor,
  input: { organisationId: string; email: string; role: string; jobTitle?: string | null },
  origin: Origin,
): Promise<string> {
  organisationPolicy.assertManageStaff(actor, input.organisationId);
  const org = await q.findOrganisation(services.db, input.organisationId);
  if (!org) throw new AppError('not_found');
  const token = randomToken();
  return services.db.transaction(async (tx) => {
    const id = await q.insertInvitation(tx, {
      organisationId: input.organisationId,
      email: input.email,
      role: input.role,
      jobTitle: input.jobTitle ?? null,
      tokenHash: sha256(token),
      invitedBy: actor.userId,
      expiresAt: new Date(services.now().getTime() + INVITATION_DAYS * 86_400_000),
    });
    await services.mailer.enqueue(tx, staffInvitationMail({ to: input.email, organisationName: org.name, inviterName: actor.displayName, role: input.role, token, validDays: INVITATION_DAYS, publicUrl: services.config.publicUrl }));
    await audit(tx, { actor }, origin, { action: 'create', resourceType: 'staff_invitation', resourceId: id, organisationId: input.organisationId, detail: { role: input.role } });
    return id;
  });
}

/** Lists the organisation's invitations. */
export async function invitationLister(services: Services, actor: Actor, input: { organisationId: string }) {
  organisationPolicy.assertManageStaff(actor, input.organisationId);
  return q.listInvitations(services.db, input.organisationId);
}

/** Revokes an invitation that was not yet accepted. */
export async function invitationRevoker(services: Services, actor: Actor, input: { organisationId: string; invitationId: string }, origin: Origin): Promise<void> {
  organisationPolicy.assertManageStaff(actor, input.organisationId);
  await services.db.transaction(async (tx) => {
    if (!(await q.revokeInvitation(tx, input.organisationId, input.invitationId))) throw new AppError('not_found');
    await audit(tx, { actor }, origin, { action: 'delete', resourceType: 'staff_invitation', resourceId: input.invitationId, organisationId: input.organisationId });
  });
}

function assertUsable(inv: q.InvitationRow | null, now: Date): asserts inv is q.InvitationRow {
  if (!inv || inv.accepted_at || inv.revoked_at || inv.expires_at.getTime() <= now.getTime()) throw new AppError('token_invalid');
}

/** What an invitation link offers (shown before accepting). Anyone holding the link may read it. */
export async function invitationPreviewer(services: Services, input: { token: string }) {
  const inv = await q.findInvitationByToken(services.db, sha256(input.token));
  assertUsable(inv, services.now());
  const existing = await findUserByEmail(services.db, inv.email);
  return { inv, accountExists: existing !== null };
}

/**
 * Accepts an invitation. A logged-in user joins with their own account (any address: the
 * link itself is the proof); otherwise a new account is made for the invited address with
 * the given name and password (following the link proves the address).
 */
export async function invitationAccepter(
  services: Services,
  actor: Actor | null,
  input: { token: string; displayName?: string; password?: string },
  origin: Origin,
): Promise<{ userId: string; organisationId: string; createdAccount: boolean }> {
  const inv = await q.findInvitationByToken(services.db, sha256(input.token));
  assertUsable(inv, services.now());
  let passwordHash: string | null = null;
  if (!actor) {
    if (!input.displayName || !input.password) throw new AppError('validation_failed', 'name_and_password_needed');
    assertAcceptablePassword(input.password, inv.email);
    passwordHash = await hashPassword(input.password);
  }
  return services.db.transaction(async (tx) => {
    let userId = actor?.userId;
    let createdAccount = false;
    if (!userId) {
      if (await findUserByEmail(tx, inv.email)) throw new AppError('email_taken', 'invitation_email_taken');
      userId = await insertUser(tx, {
        email: inv.email,
        displayName: input.displayName as string,
        passwordHash,
        personas: [],
        locale: 'nl',
        municipalityCode: null,
        verified: true,
      });
      createdAccount = true;
    }
    await q.insertMembership(tx, { organisationId: inv.organisation_id, userId, role: inv.role, jobTitle: inv.job_title });
    await q.markInvitationAccepted(tx, inv.id);
    await audit(tx, { actor, userId }, origin, { action: 'create', resourceType: 'membership', resourceId: inv.id, organisationId: inv.organisation_id, detail: { role: inv.role } });
    return { userId, organisationId: inv.organisation_id, createdAccount };
  });
}
