import { describe, expect, it } from 'vitest';
import {
  assertCanDecide,
  assertClientAccess,
  assertMayChangeClient,
  assertMayChangeRoles,
  assertProfessionalWork,
  CLIENT_FIELD_LEVEL,
  ClientAccessRefused,
  clientPolicy,
  levelForClientChange,
  professionalOrganisation,
  roleChanges,
  type ClientAccessFacts,
} from './client.ts';
import type { Actor } from '../context.ts';

const actor: Actor = { userId: 'u', email: 'u@x.nl', displayName: 'U', isPlatformAdmin: false, personas: [], locale: 'nl', municipalityCode: null, memberships: [], sessionId: 's', mfaVerified: false, mfaRequired: false, totpEnabled: false };
const base: ClientAccessFacts = { clientId: 'c', tenantKey: 'GM0546', decider: 'client', isClient: false, clientHasAccount: true, member: null, organisations: [] };
const member = (over: Partial<NonNullable<ClientAccessFacts['member']>>) => ({ id: 'm', kind: 'caregiver', isMainCaregiver: false, isRepresentative: false, level: null, ...over });

describe('client policy', () => {
  it('gives a stranger nothing and answers 404, not 403', () => {
    expect(clientPolicy.level(base)).toBe('none');
    expect(() => assertClientAccess(actor, base, 'agenda')).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => assertClientAccess(actor, null, 'agenda')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('limits an agenda-only member to the agenda level', () => {
    const f = { ...base, member: member({ level: 'agenda' }) };
    expect(clientPolicy.level(f)).toBe('agenda');
    expect(() => assertClientAccess(actor, f, 'agenda')).not.toThrow();
    expect(() => assertClientAccess(actor, f, 'full')).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('lets the client decide when the client decides, and no one else', () => {
    expect(clientPolicy.canDecide({ ...base, isClient: true })).toBe(true);
    expect(clientPolicy.canDecide({ ...base, member: member({ isMainCaregiver: true, level: 'manage' }) })).toBe(false);
  });

  it('lets the main caregiver or managing organisation record the decisions of a client without an account', () => {
    const f = { ...base, clientHasAccount: false, member: member({ isMainCaregiver: true, level: 'manage' }) };
    expect(clientPolicy.canDecide(f)).toBe(true);
    expect(clientPolicy.canDecide({ ...f, member: member({ level: 'full' }) })).toBe(false);
    expect(clientPolicy.canDecide({ ...base, clientHasAccount: false, organisations: [{ organisationId: 'o', level: 'manage' }] })).toBe(true);
    expect(clientPolicy.canDecide({ ...base, clientHasAccount: false, organisations: [{ organisationId: 'o', level: 'full' }] })).toBe(false);
  });

  it('lets the main caregiver decide only when recorded that the client cannot', () => {
    const f = { ...base, decider: 'main_caregiver' as const, member: member({ isMainCaregiver: true, level: null }) };
    expect(clientPolicy.canDecide(f)).toBe(true);
    expect(clientPolicy.level(f)).toBe('manage');
    expect(clientPolicy.canDecide({ ...f, isClient: true, member: null })).toBe(false);
  });

  it('lets a legal representative decide when recorded as decider', () => {
    const f = { ...base, decider: 'representative' as const, member: member({ kind: 'relative', isRepresentative: true }) };
    expect(clientPolicy.canDecide(f)).toBe(true);
  });

  it('gives a professional the level the client granted to their organisation', () => {
    const f = { ...base, organisations: [{ organisationId: 'o', level: 'full' as const }] };
    expect(clientPolicy.level(f)).toBe('full');
    expect(clientPolicy.viaOrganisation(f)).toBe('o');
    expect(clientPolicy.canSeeBsn(f)).toBe(true);
  });

  it('demands the second factor where the role requires it', () => {
    const pro = { ...actor, mfaRequired: true, totpEnabled: true, mfaVerified: false };
    expect(() => assertClientAccess(pro, { ...base, isClient: true }, 'agenda')).toThrow(expect.objectContaining({ code: 'mfa_required' }));
  });

  it('gives every field of the client one level, and a change the highest of its fields', () => {
    expect(levelForClientChange(['bsn'])).toBe('manage');
    expect(levelForClientChange(['givenName', 'bsn'])).toBe('manage');
    expect(levelForClientChange([])).toBe('manage');
    for (const field of Object.keys(CLIENT_FIELD_LEVEL) as (keyof typeof CLIENT_FIELD_LEVEL)[]) expect(levelForClientChange([field])).toBe(CLIENT_FIELD_LEVEL[field]);
    const pro = (level: 'full' | 'manage') => ({ ...base, organisations: [{ organisationId: 'o', level }] });
    expect(() => assertMayChangeClient(actor, pro('full'), ['bsn'])).toThrow(expect.objectContaining({ code: 'forbidden', detail: 'circle_level_too_low' }));
    expect(() => assertMayChangeClient(actor, pro('full'), ['givenName', 'bsn'])).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => assertMayChangeClient(actor, pro('manage'), ['givenName', 'bsn'])).not.toThrow();
    // Only a professional records a BSN, through an organisation that manages the circle.
    expect(() => assertMayChangeClient(actor, { ...base, member: member({ level: 'manage' }) }, ['bsn'])).toThrow(expect.objectContaining({ detail: 'bsn_professional_only' }));
    expect(() => assertMayChangeClient(actor, { ...pro('full'), member: member({ level: 'manage' }) }, ['bsn'])).toThrow(expect.objectContaining({ detail: 'bsn_organisation_must_manage' }));
  });

  it('lets only the decider give or move the deciding roles', () => {
    const friend = { ...base, decider: 'main_caregiver' as const, member: member({ kind: 'friend', level: 'manage' }) };
    const changes = roleChanges({ isMainCaregiver: false, isRepresentative: false }, { isMainCaregiver: true });
    expect(changes).toEqual([{ role: 'isMainCaregiver', from: false, to: true }]);
    expect(roleChanges({ isMainCaregiver: true, isRepresentative: false }, { isMainCaregiver: true, isRepresentative: false })).toEqual([]);
    expect(roleChanges(null, { isRepresentative: true, isMainCaregiver: false })).toEqual([{ role: 'isRepresentative', from: false, to: true }]);
    expect(() => assertMayChangeRoles(actor, friend, changes)).toThrow(expect.objectContaining({ code: 'forbidden', detail: 'member_roles_decider_only' }));
    expect(() => assertMayChangeRoles(actor, friend, [])).not.toThrow();
    expect(() => assertMayChangeRoles(actor, { ...friend, member: member({ isMainCaregiver: true, level: 'manage' }) }, changes)).not.toThrow();
  });

  it('throws refusals that say which client and what was needed, for the access log', () => {
    const f = { ...base, member: member({ level: 'agenda' }) };
    const refusal = (() => {
      try {
        assertCanDecide(actor, f);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(ClientAccessRefused);
    expect(refusal).toMatchObject({ code: 'forbidden', needed: 'decide', facts: f, logged: false });
    expect(() => assertClientAccess(actor, base, 'agenda')).toThrow(ClientAccessRefused);
  });

  it('finds the organisation through which a professional works with the client at full access or more', () => {
    expect(professionalOrganisation(base)).toBeNull();
    expect(professionalOrganisation({ ...base, organisations: [{ organisationId: 'o', level: 'agenda' }] })).toBeNull();
    expect(professionalOrganisation({ ...base, organisations: [{ organisationId: 'o', level: 'agenda' }, { organisationId: 'p', level: 'full' }] })).toBe('p');
    expect(professionalOrganisation({ ...base, member: member({ level: 'manage' }), organisations: [{ organisationId: 'o', level: 'manage' }] })).toBe('o');
  });

  it('lets only someone working through an organisation do professional work, with a plain 403 for others', () => {
    const pro = { ...base, organisations: [{ organisationId: 'o', level: 'full' as const }] };
    expect(assertProfessionalWork(actor, pro, 'full', 'scan_needs_professional')).toBe('o');
    const relative = { ...base, member: member({ kind: 'relative', level: 'full' }) };
    let refusal: unknown;
    try {
      assertProfessionalWork(actor, relative, 'full', 'scan_needs_professional');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ code: 'forbidden', detail: 'scan_needs_professional' });
    expect(refusal).not.toBeInstanceOf(ClientAccessRefused);
    expect(() => assertProfessionalWork(actor, base, 'full', 'scan_needs_professional')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
