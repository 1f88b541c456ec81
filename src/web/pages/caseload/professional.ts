import type { Me } from '../../types.ts';

/** The organisations where the person works as a professional (who sees that organisation's clients). */
export function professionalOrganisations(me: Me): { organisationId: string; organisationName: string }[] {
  const seen = new Map<string, { organisationId: string; organisationName: string }>();
  for (const m of me.memberships) if (m.role === 'professional') seen.set(m.organisationId, { organisationId: m.organisationId, organisationName: m.organisationName });
  return [...seen.values()];
}
