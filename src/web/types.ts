import type { AuditItem, OutboxMail, UserItem } from '../common/admin-schemas.ts';
import type { MembershipRole, OrganisationKind, Sector } from '../common/codes.ts';
import type {
  Me,
  Municipality,
  Organisation,
  RecoveryCodes,
  Session,
  StaffInvitation,
  StaffInvitationAccepted,
  StaffInvitationPreview,
  StaffMember,
  TotpSetup,
} from '../common/schemas.ts';

/**
 * Shapes of API answers, as the web app uses them: each is `z.infer` of the answer schema the
 * server validates with (src/common), so the two cannot drift.
 */
export type { AuditItem, Me, Municipality, Organisation, OutboxMail, RecoveryCodes, Session, TotpSetup, UserItem };
export type { List, Paged } from '../common/paging.ts';
export type Role = MembershipRole;
export type Kind = OrganisationKind;
export type SectorCode = Sector;
/** A staff member of an organisation. */
export type Member = StaffMember;
/** An invitation to an organisation's staff. */
export type Invitation = StaffInvitation;
export type InvitationPreview = StaffInvitationPreview;
/** What accepting a staff invitation gives back. */
export type InvitationAccepted = StaffInvitationAccepted;
