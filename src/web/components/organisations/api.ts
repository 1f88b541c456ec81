import type { z } from 'zod';
import type { InvitationInput, OrganisationInput } from '../../../common/schemas.ts';
import { ROUTES, fillRoute } from '../../../common/paths.ts';
import { api, query } from '../../api.ts';
import type { Invitation, InvitationAccepted, InvitationPreview, List, Member, Organisation, Paged } from '../../types.ts';

/** Addresses of the organisation pages in the web app. */
export const organisationPaths = {
  list: () => ROUTES.organisations,
  organisation: (organisationId: string) => fillRoute(ROUTES.organisation, { id: organisationId }),
  /** A staff invitation link (the mail links here too: PATHS.invitation in src/common/paths.ts). */
  invitation: (token: string) => `${ROUTES.invitation}${query({ token })}`,
};

/** Query keys; `organisation(id)` is the prefix of its staff and invitation lists. */
export const organisationKeys = {
  all: ['organisations'] as const,
  page: (page: number) => ['organisations', page] as const,
  organisation: (organisationId: string) => ['organisation', organisationId] as const,
  members: (organisationId: string) => ['organisation', organisationId, 'members'] as const,
  invitations: (organisationId: string) => ['organisation', organisationId, 'invitations'] as const,
  invitationPreview: (token: string) => ['invitation', token] as const,
};

/** The organisations API (organisations, their staff and staff invitations), one function per call. */
export const organisationApi = {
  list: (page: number, pageSize: number) => api.get<Paged<Organisation>>(`/api/organisations${query({ page, pageSize })}`),
  organisation: (organisationId: string) => api.get<Organisation>(`/api/organisations/${organisationId}`),
  create: (body: z.output<typeof OrganisationInput>) => api.post<Organisation>('/api/organisations', body),
  members: (organisationId: string) => api.get<List<Member>>(`/api/organisations/${organisationId}/members`),
  invitations: (organisationId: string) => api.get<List<Invitation>>(`/api/organisations/${organisationId}/invitations`),
  invite: (organisationId: string, body: z.output<typeof InvitationInput>) => api.post<{ id: string }>(`/api/organisations/${organisationId}/invitations`, body),
  revokeInvitation: (organisationId: string, invitationId: string) => api.delete(`/api/organisations/${organisationId}/invitations/${invitationId}`),
  invitationPreview: (token: string) => api.get<InvitationPreview>(`/api/invitations/preview${query({ token })}`),
  /** Accepting with an existing account (logged in), or making one (`displayName`, `password`). */
  acceptInvitation: (body: { token: string; displayName?: string; password?: string }) => api.post<InvitationAccepted>('/api/invitations/accept', body),
};
