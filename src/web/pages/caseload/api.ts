import type { z } from 'zod';
import type { ContactKind, NetworksInvited } from '../../../common/caseload-schemas.ts';
import type { Circle, RegisterClientInput } from '../../../common/circle-schemas.ts';
import { ROUTES, fillRoute } from '../../../common/paths.ts';
import { api, query } from '../../api.ts';
import type { List, Paged } from '../../types.ts';
import type { CaseloadItem, ContactItem } from '../../components/scan/types.ts';

/** Addresses of the caseload pages (an organisation's clients) in the web app. */
export const caseloadPaths = {
  list: (organisationId: string) => fillRoute(ROUTES.caseload, { id: organisationId }),
  register: (organisationId: string) => fillRoute(ROUTES.registerClient, { id: organisationId }),
  linkCode: (organisationId: string) => fillRoute(ROUTES.linkCode, { id: organisationId }),
  contact: (organisationId: string, clientId: string, back?: string) => `${fillRoute(ROUTES.contact, { id: organisationId, clientId })}${query({ terug: back })}`,
};

/** Query keys; `all` and `list(organisationId)` are prefixes of every caseload list. */
export const caseloadKeys = {
  all: ['caseload'] as const,
  list: (organisationId: string) => ['caseload', organisationId] as const,
  page: (organisationId: string, search: string) => ['caseload', organisationId, search] as const,
  contacts: (clientId: string) => ['contacts', clientId] as const,
};

type RegisterBody = Omit<z.input<typeof RegisterClientInput>, 'client'> & { client: Omit<z.input<typeof RegisterClientInput>['client'], 'careNeeds'> & { careNeeds: string[] } };

/** The caseload API, one function per call. */
export const caseloadApi = {
  /** One page of the caseload; `search` is the query string of the filters (see params.ts). */
  list: (organisationId: string, search: string) => api.get<Paged<CaseloadItem>>(`/api/organisations/${organisationId}/clients?${search}`),
  inviteNetworks: (organisationId: string, clientIds: string[]) => api.post<NetworksInvited>(`/api/organisations/${organisationId}/clients/invite-networks`, { clientIds }),
  register: (body: RegisterBody) => api.post<Circle>('/api/clients', body),
  contacts: (clientId: string) => api.get<List<ContactItem>>(`/api/circles/${clientId}/contacts`),
  recordContact: (clientId: string, body: { memberId: string; kind: ContactKind; note: string | null; occurredAt: string }) => api.post<{ id: string }>(`/api/circles/${clientId}/contacts`, body),
};
