import { describe, expect, it } from 'vitest';
import { assertClientAccess, clientPolicy, type ClientAccessFacts } from './client.ts';
import type { Actor } from '../context.ts';

const actor: Actor = { userId: 'u', email: 'u@x.nl', displayName: 'U', isPlatformAdmin: false, personas: [], memberships: [], sessionId: 's', mfaVerified: false, mfaRequired: false, totpEnabled: false };
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
});
