import type { EmergencyPlanInput, KeyContactInput, KeyInfo, MedicationInput } from '../../../common/key-info-schemas.ts';
import { api } from '../../api.ts';

/** The parts of the key information, as their URL segment. */
export type KeyInfoSegment = 'contacts' | 'medications' | 'emergency-plan';

/** Query key: under the circle's key, so reloading the circle reloads it too. */
export const keyInfoKeys = { all: (clientId: string) => ['circle', clientId, 'key-info'] as const };

const base = (clientId: string) => `/api/circles/${clientId}/key-info`;

/** The key information API, one function per call. */
export const keyInfoApi = {
  get: (clientId: string) => api.get<KeyInfo>(base(clientId)),
  addContact: (clientId: string, body: KeyContactInput) => api.post<{ id: string }>(`${base(clientId)}/contacts`, body),
  addMedication: (clientId: string, body: MedicationInput) => api.post<{ id: string }>(`${base(clientId)}/medications`, body),
  addPlanRow: (clientId: string, body: EmergencyPlanInput) => api.post<{ id: string }>(`${base(clientId)}/emergency-plan`, body),
  remove: (clientId: string, segment: KeyInfoSegment, id: string) => api.delete(`${base(clientId)}/${segment}/${id}`),
};
