import { describe, expect, it } from 'vitest';
import type { Actor, ActorMembership } from '../context.ts';
import { isProfessionalOf, organisationPolicy, professionalOrgIds } from './organisation.ts';

const membership = (organisationId: string, role: ActorMembership['role'], organisationKind = 'care_provider'): ActorMembership => ({ organisationId, organisationKind, organisationName: organisationId, role, municipalityCode: null });
const actor = (memberships: ActorMembership[], over: Partial<Actor> = {}): Actor => ({
  userId: 'u',
  email: 'u@x.nl',
  displayName: 'U',
  isPlatformAdmin: false,
  personas: [],
  locale: 'nl',
  municipalityCode: null,
  memberships,
  sessionId: 's',
  mfaVerified: true,
  mfaRequired: true,
  totpEnabled: true,
  ...over,
});

describe('organisation policy: professionals', () => {
  const pro = actor([membership('a', 'professional'), membership('b', 'coordinator'), membership('c', 'professional', 'welfare')]);

  it('knows in which organisations the actor is a professional', () => {
    expect(professionalOrgIds(pro)).toEqual(['a', 'c']);
    expect(isProfessionalOf(pro, 'a')).toBe(true);
    expect(isProfessionalOf(pro, 'b')).toBe(false);
    expect(isProfessionalOf(pro, 'x')).toBe(false);
  });

  it('lets only a professional of the organisation do its professional work, after the second factor', () => {
    expect(() => organisationPolicy.assertProfessional(pro, 'a', 'caseload_professional_only')).not.toThrow();
    expect(() => organisationPolicy.assertProfessional(pro, 'b', 'caseload_professional_only')).toThrow(expect.objectContaining({ code: 'forbidden', detail: 'caseload_professional_only' }));
    expect(() => organisationPolicy.assertProfessional({ ...pro, mfaVerified: false }, 'a', 'caseload_professional_only')).toThrow(expect.objectContaining({ code: 'mfa_required' }));
  });

  it('links the organisation asked for, or the first where the actor is a professional', () => {
    expect(organisationPolicy.linkingOrganisation(pro, undefined)).toBe('a');
    expect(organisationPolicy.linkingOrganisation(pro, 'c')).toBe('c');
    expect(() => organisationPolicy.linkingOrganisation(pro, 'b')).toThrow(expect.objectContaining({ code: 'forbidden', detail: 'link_professional_only' }));
    expect(() => organisationPolicy.linkingOrganisation(actor([membership('b', 'coordinator')]), undefined)).toThrow(expect.objectContaining({ detail: 'link_professional_only' }));
  });

  it('lets only a professional of a care provider import a circle, for one named or unambiguous provider', () => {
    const mine = organisationPolicy.assertMayImport(pro);
    expect(mine.map((m) => m.organisationId)).toEqual(['a']);
    expect(organisationPolicy.importingOrganisation(mine, null)?.organisationId).toBe('a');
    expect(organisationPolicy.importingOrganisation(mine, 'a')?.organisationId).toBe('a');
    expect(() => organisationPolicy.importingOrganisation(mine, 'c')).toThrow(expect.objectContaining({ code: 'forbidden', detail: 'not_professional_of_organisation' }));
    const two = [membership('a', 'professional'), membership('d', 'professional')];
    expect(organisationPolicy.importingOrganisation(two, undefined)).toBeNull();
    expect(() => organisationPolicy.assertMayImport(actor([membership('c', 'professional', 'welfare')]))).toThrow(expect.objectContaining({ code: 'forbidden', detail: 'import_professional_only' }));
  });
});
