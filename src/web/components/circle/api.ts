import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AddMemberInput, Circle, ConsentInput, DeciderInput, StartCircleInput, UpdateClientInput, UpdateMemberInput } from '../../../common/circle-schemas.ts';
import { ROUTES, fillRoute } from '../../../common/paths.ts';
import { api, query, request } from '../../api.ts';
import type { List, Paged } from '../../types.ts';
import type { AccessLogLine, CircleInvitation, CircleInvitationPreview, CircleListItem, Consent, IssuedCode, Note } from './data.ts';

/** Addresses of the circle pages in the web app. */
export const circlePaths = {
  list: () => ROUTES.circles,
  start: () => ROUTES.startCircle,
  circle: (clientId: string, section?: string) => fillRoute(ROUTES.circle, { clientId, section }),
  invitation: (code: string) => `${ROUTES.circleInvitation}${query({ code })}`,
};

/**
 * Query keys. Everything of one circle starts with `circle(clientId)`, so invalidating that
 * key loads its sub-lists (consents, invitations, notes, access log) again too.
 */
export const circleKeys = {
  mine: ['circles'] as const,
  circle: (clientId: string) => ['circle', clientId] as const,
  consents: (clientId: string) => ['circle', clientId, 'consents'] as const,
  invitations: (clientId: string) => ['circle', clientId, 'invitations'] as const,
  notes: (clientId: string) => ['circle', clientId, 'notes'] as const,
  accessLog: (clientId: string, page: number) => ['circle', clientId, 'access-log', page] as const,
  invitationPreview: (code: string) => ['circle-invitation', code] as const,
};

/**
 * The body of a call as the shared input schema describes it, but with code lists as plain
 * strings: the forms hold what people chose as text and the server checks the codes.
 */
type Body<S extends z.ZodType> = Loose<z.input<S>>;
type Loose<T> = T extends string ? string : T extends readonly (infer U)[] ? Loose<U>[] : T extends object ? { [K in keyof T]: Loose<T[K]> } : T;

const base = (clientId: string) => `/api/circles/${clientId}`;

/** The circle API, one function per call. */
export const circleApi = {
  mine: () => api.get<List<CircleListItem>>('/api/circles'),
  circle: (clientId: string) => api.get<Circle>(base(clientId)),
  start: (body: Body<typeof StartCircleInput>) => api.post<Circle>('/api/circles', body),
  updateClient: (clientId: string, body: Body<typeof UpdateClientInput>) => api.patch<Circle>(base(clientId), body),
  addMember: (clientId: string, body: Body<typeof AddMemberInput>) => api.post<{ id: string }>(`${base(clientId)}/members`, body),
  updateMember: (clientId: string, memberId: string, body: Body<typeof UpdateMemberInput>) => api.patch<unknown>(`${base(clientId)}/members/${memberId}`, body),
  removeMember: (clientId: string, memberId: string) => api.delete(`${base(clientId)}/members/${memberId}`),
  setDecider: (clientId: string, body: Body<typeof DeciderInput>) => request<void>('PUT', `${base(clientId)}/decider`, body),
  consents: (clientId: string) => api.get<List<Consent>>(`${base(clientId)}/consents`),
  decide: (clientId: string, body: Body<typeof ConsentInput>) => api.post<unknown>(`${base(clientId)}/consents`, body),
  notes: (clientId: string) => api.get<List<Note>>(`${base(clientId)}/notes`),
  addNote: (clientId: string, body: string) => api.post<{ id: string }>(`${base(clientId)}/notes`, { body }),
  accessLog: (clientId: string, page: number, pageSize: number) => api.get<Paged<AccessLogLine>>(`${base(clientId)}/access-log${query({ page, pageSize })}`),
  invitations: (clientId: string) => api.get<List<CircleInvitation>>(`${base(clientId)}/invitations`),
  inviteMember: (clientId: string, memberId: string, body: { email?: string }) => api.post<IssuedCode>(`${base(clientId)}/members/${memberId}/invitation`, body),
  inviteOrganisation: (clientId: string, accessLevel: string) => api.post<IssuedCode>(`${base(clientId)}/organisation-invitation`, { accessLevel }),
  revokeInvitation: (clientId: string, invitationId: string) => api.delete(`${base(clientId)}/invitations/${invitationId}`),
  unlinkOrganisation: (clientId: string, organisationId: string) => api.delete(`${base(clientId)}/organisations/${organisationId}`),
  invitationPreview: (code: string) => api.get<CircleInvitationPreview>(`/api/circle-invitations/preview${query({ code })}`),
  /** Accepting an invitation code: as a person, or for an organisation (`organisationId`). */
  acceptInvitation: (body: { code: string; organisationId?: string }) => api.post<{ clientId: string }>('/api/circle-invitations/accept', body),
};

/** The live circle of a client. */
export function useCircle(clientId: string) {
  return useQuery({ queryKey: circleKeys.circle(clientId), queryFn: () => circleApi.circle(clientId) });
}

/** The circles the person belongs to. */
export function useMyCircles() {
  return useQuery({ queryKey: circleKeys.mine, queryFn: circleApi.mine });
}

/** After a change: the circle, its sub-lists and the list of circles load again. */
export function refreshCircle(queryClient: QueryClient, clientId: string): Promise<void> {
  return Promise.all([queryClient.invalidateQueries({ queryKey: circleKeys.circle(clientId) }), queryClient.invalidateQueries({ queryKey: circleKeys.mine })]).then(() => undefined);
}
