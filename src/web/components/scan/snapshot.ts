import type { Circle } from '../../../common/circle-schemas.ts';
import type { SnapshotMember } from './types.ts';

type Member = Circle['members'][number];
const CLOSENESS = ['inner', 'middle', 'outer'] as const;
const TIES = ['strong', 'weak', 'strained'] as const;
const KINDS = ['caregiver', 'relative', 'friend', 'neighbour', 'volunteer', 'professional'] as const;

/**
 * The network as it was when a scan was completed, in the shape of a live circle, so the same
 * genogram and ecomap can draw it. Names come as one string in a snapshot; the first word is
 * taken as the given name. Who is main caregiver comes from the live circle where that person
 * is still there (a snapshot does not keep it).
 */
export function circleFromSnapshot(live: Circle, snapshot: SnapshotMember[]): Circle {
  const liveById = new Map(live.members.map((m) => [m.id, m]));
  const members: Member[] = snapshot.map((s) => {
    const now = liveById.get(s.id);
    const [given = s.name, ...rest] = s.name.split(' ');
    return {
      id: s.id,
      kind: (KINDS as readonly string[]).includes(s.kind) ? (s.kind as Member['kind']) : 'relative',
      givenName: now?.givenName ?? given,
      familyName: now?.familyName ?? rest.join(' '),
      isMainCaregiver: now?.isMainCaregiver ?? false,
      hasAccount: now?.hasAccount ?? false,
      isMe: now?.isMe ?? false,
      details: {
        isRepresentative: now?.details?.isRepresentative ?? false,
        roleCode: now?.details?.roleCode ?? null,
        relationshipCode: s.relationshipCode,
        closeness: (CLOSENESS as readonly string[]).includes(s.closeness) ? (s.closeness as (typeof CLOSENESS)[number]) : 'middle',
        tie: (TIES as readonly string[]).includes(s.tie) ? (s.tie as (typeof TIES)[number]) : 'strong',
        helpKinds: s.helpKinds,
        hoursPerWeek: s.hoursPerWeek,
        availability: null,
        since: null,
        email: null,
        phone: null,
        organisationId: null,
        organisationName: now?.details?.organisationName ?? null,
        jobTitle: now?.details?.jobTitle ?? null,
        accessLevel: null,
        accessUntil: null,
      },
    };
  });
  return { ...live, members };
}

