import { useQuery } from '@tanstack/react-query';
import type { Circle } from '../../../common/circle-schemas.ts';
import { burdenApi, burdenKeys } from './api.ts';
import { isInformalKind } from '../../../common/burden.ts';

/** The circle as the burden pages need it: the client's name, caregivers, linked organisations. */
export function useCircleInfo(clientId: string) {
  return useQuery({ queryKey: burdenKeys.circleInfo(clientId), queryFn: () => burdenApi.circleInfo(clientId), staleTime: 30_000 });
}

export const clientName = (circle: Circle | undefined): string => (circle ? circle.client.givenName : '');

export const memberName = (circle: Circle | undefined, memberId: string): string => {
  const m = circle?.members.find((x) => x.id === memberId);
  return m ? [m.givenName, m.familyName].filter(Boolean).join(' ') : '';
};

/** Members who give informal care (and so can take a check). */
export const informalMembers = (circle: Circle | undefined) => (circle?.members ?? []).filter((m) => isInformalKind(m.kind));

/** Organisations that see a result the caregiver shares (linked with full access). */
export const sharingOrganisations = (circle: Circle | undefined): string[] =>
  (circle?.organisations ?? []).filter((o) => o.accessLevel === 'full' || o.accessLevel === 'manage').map((o) => o.name);
