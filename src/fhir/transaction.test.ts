import { describe, expect, it } from 'vitest';
import { parseCircleTransaction, transactionResponse, type TransactionPlan } from './transaction.ts';
import { r4Errors } from './testing/validator.ts';
import { BUNDLE_URLS, goodBundle } from './testing/fixtures.ts';

const { P, A, B, T } = BUNDLE_URLS;
const ROLE = 'urn:oid:2.16.840.1.113883.2.4.3.11.22.472';
const V3 = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';
type Json = Record<string, unknown>;
const entry = (fullUrl: string, resource: Json) => ({ fullUrl, resource, request: { method: 'POST', url: resource.resourceType } });


function plan(body: unknown): TransactionPlan {
  const r = parseCircleTransaction(body);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.plan;
}
function failure(body: unknown) {
  const r = parseCircleTransaction(body);
  if (r.ok) throw new Error('expected a failure');
  return { status: r.status, text: r.issues.map((i) => `${i.code} ${i.expression?.join(',') ?? ''} ${i.diagnostics ?? ''}`).join('\n') };
}

describe('transaction Bundle: reading a network', () => {
  it('reads the client, the members with their kinds and codes, and the team', () => {
    const p = plan(goodBundle());
    expect(p.patient.client).toEqual({ givenName: 'Gerrit', familyName: 'de Vries', birthDate: '1941-03-12', bsn: '111222333', municipality: { name: 'Leiden' } });
    expect(p.members).toEqual([
      expect.objectContaining({ fullUrl: A, kind: 'caregiver', roleCode: '01', relationshipCode: 'DAUC', givenName: 'Anja', familyName: 'de Vries', email: 'anja@example.nl', phone: '06-12345678', isRepresentative: false }),
      expect.objectContaining({ fullUrl: B, kind: 'neighbour', roleCode: '19', relationshipCode: 'OTH', givenName: 'Els', familyName: '' }),
    ]);
    expect(p.careTeam).toEqual({ index: 3, fullUrl: T, managingOrganizationId: null });
    // What is not stored is said, not silently dropped.
    const patientWarnings = (p.warnings.get(0) ?? []).map((w) => w.expression?.[0]);
    expect(patientWarnings).toEqual(expect.arrayContaining(['Bundle.entry[0].resource.gender', 'Bundle.entry[0].resource.identifier[1]', 'Bundle.entry[0].resource.address[0]']));
  });

  it('takes a GM code in district, a friend from role 20, a representative from role 24, and the organisation', () => {
    const p = plan(
      goodBundle({
        patient: { address: [{ district: 'GM0546' }] },
        els: { relationship: [{ coding: [{ system: ROLE, code: '20' }] }, { coding: [{ system: ROLE, code: '24' }] }] },
        team: { managingOrganization: [{ reference: 'Organization/5D1B2C3A-0000-4000-8000-000000000001' }] },
      }),
    );
    expect(p.patient.client.municipality).toEqual({ code: 'GM0546' });
    expect(p.members[1]).toMatchObject({ kind: 'friend', roleCode: '24', isRepresentative: true });
    expect(p.careTeam.managingOrganizationId).toBe('5d1b2c3a-0000-4000-8000-000000000001');
  });

  it('refuses NBOR and FRND with a pointer to roles 19 and 20', () => {
    const f = failure(goodBundle({ els: { relationship: [{ coding: [{ system: V3, code: 'NBOR' }] }] } }));
    expect(f.status).toBe(422);
    expect(f.text).toMatch(/code-invalid Bundle\.entry\[2\]\.resource\.relationship\[0\]\.coding\[0\] NBOR .*rol 19/);
    expect(failure(goodBundle({ els: { relationship: [{ coding: [{ system: V3, code: 'FRND' }] }] } })).text).toMatch(/FRND/);
  });

  it('refuses unknown codes, a bad BSN and a partial birth date, all at once', () => {
    const f = failure(
      goodBundle({
        patient: { identifier: [{ system: 'http://fhir.nl/fhir/NamingSystem/bsn', value: '123456789' }], birthDate: '1941' },
        anja: { relationship: [{ coding: [{ system: ROLE, code: '8' }] }] },
        els: { relationship: [{ coding: [{ system: ROLE, code: '23' }] }] },
      }),
    );
    expect(f.status).toBe(422);
    expect(f.text).toMatch(/elfproef/);
    expect(f.text).toMatch(/birthDate/);
    expect(f.text).toMatch(/Onbekende rolcode '8'/);
    // Role 23 alone is a valid nl-core contact person: no longer refused (issue 13).
    expect(f.text).not.toMatch(/entry\[2\]/);
  });

  it('accepts a contact person with several roles and no family relationship as kind other, keeping every code (issue 13)', () => {
    const p = plan(
      goodBundle({
        els: {
          relationship: [{ coding: [{ system: ROLE, code: '01', display: 'Eerste relatie/contactpersoon' }] }, { coding: [{ system: ROLE, code: '07', display: 'Hulpverlener' }] }],
          name: [{ use: 'official', family: 'van Putten-van der Giessen', given: ['J.', 'P.', 'M.'] }],
        },
      }),
    );
    expect(p.members[1]).toMatchObject({ kind: 'other', roleCode: '01', roleCodes: ['01', '07'], relationshipCode: null, relationshipCodes: [], isRepresentative: false, givenName: 'J.', familyName: 'van Putten-van der Giessen' });
  });

  it('keeps several relationships, RelatieCodelijst codes the app does not offer, extra roles, and a contact person with only a family name', () => {
    const MZ = 'urn:oid:2.16.840.1.113883.2.4.3.11.60.40.4.23.1';
    const p = plan(
      goodBundle({
        anja: { relationship: [{ coding: [{ system: MZ, code: '100001' }] }, { coding: [{ system: V3, code: 'STPMTH' }] }, { coding: [{ system: V3, code: 'DAUC' }] }, { coding: [{ system: MZ, code: '100003' }] }, { coding: [{ system: ROLE, code: '24' }] }] },
        els: { name: [{ use: 'official', family: 'de Boer' }] },
      }),
    );
    expect(p.members[0]).toMatchObject({ kind: 'caregiver', roleCode: '24', roleCodes: ['100003', '24'], relationshipCode: 'DAUC', relationshipCodes: ['STPMTH', 'DAUC'], isRepresentative: true });
    expect(p.members[1]).toMatchObject({ kind: 'neighbour', givenName: '', familyName: 'de Boer', roleCode: '19', roleCodes: ['19'] });
    expect(failure(goodBundle({ els: { name: [{ use: 'official', text: 'x' }] } })).text).toMatch(/voornaam of een achternaam/);
    expect(failure(goodBundle({ anja: { relationship: [{ coding: [{ system: MZ, code: '100009' }] }] } })).text).toMatch(/Onbekende rolcode '100009'/);
  });

  it('refuses references that do not resolve inside the Bundle, and members missing from the team', () => {
    const f = failure(goodBundle({ els: { patient: { reference: 'Patient/123' } }, team: { participant: [{ member: { reference: P } }, { member: { reference: 'Practitioner/9' } }] } }));
    expect(f.status).toBe(422);
    expect(f.text).toMatch(/entry\[2\]\.resource\.patient/);
    expect(f.text).toMatch(/Practitioner\/9 is geen Patient of RelatedPerson/);
    expect(f.text).toMatch(/RelatedPerson urn:uuid:2222.* staat niet in het CareTeam/);
  });

  it('answers 400 for a malformed Bundle and 422 for unsupported content', () => {
    expect(failure({ resourceType: 'Patient' }).status).toBe(400);
    expect(failure({ resourceType: 'Bundle', type: 'collection', entry: [] }).status).toBe(400);
    expect(failure({ resourceType: 'Bundle', type: 'batch', entry: [] }).status).toBe(422);
    expect(failure({ ...goodBundle(), entry: 'x' }).status).toBe(400);
    const badName = failure(goodBundle({ anja: { name: [{ family: 7, given: ['A'] }] } }));
    expect(badName.status).toBe(400);
    const obs = goodBundle();
    (obs.entry as unknown[]).push(entry('urn:uuid:55555555-5555-4555-8555-555555555555', { resourceType: 'Observation' }));
    expect(failure(obs).text).toMatch(/Observation kan niet worden ingelezen/);
    const put = goodBundle();
    (put.entry as { request: Json }[])[1] = { ...(put.entry as Json[])[1], request: { method: 'PUT', url: 'RelatedPerson/1' } } as { request: Json };
    expect(failure(put).text).toMatch(/Alleen POST/);
    const dup = goodBundle();
    (dup.entry as Json[])[2] = { ...(dup.entry as Json[])[2], fullUrl: A };
    expect(failure(dup).text).toMatch(/duplicate/);
    expect(failure(goodBundle({ patient: { modifierExtension: [{ url: 'x', valueString: 'y' }] } })).text).toMatch(/Modifier/);
    const twoPatients = goodBundle();
    (twoPatients.entry as unknown[]).push(entry('urn:uuid:66666666-6666-4666-8666-666666666666', { resourceType: 'Patient', name: [{ family: 'X', given: ['Y'] }] }));
    expect(failure(twoPatients).text).toMatch(/Precies één Patient/);
  });

  it('answers a transaction-response Bundle that is valid R4, entries in request order', async () => {
    const p = plan(goodBundle());
    const response = transactionResponse(p, { patientId: 'p1', careTeamId: 'p1', memberIds: new Map([[A, 'm1'], [B, 'm2']]), at: new Date('2026-03-01T10:00:00Z') });
    expect(response.type).toBe('transaction-response');
    expect(response.entry?.map((e) => e.response?.location)).toEqual(['Patient/p1', 'RelatedPerson/m1', 'RelatedPerson/m2', 'CareTeam/p1']);
    expect(response.entry?.every((e) => e.response?.status === '201 Created')).toBe(true);
    expect(response.entry?.[0]?.response?.outcome?.issue.length).toBeGreaterThan(0);
    expect(await r4Errors(response)).toEqual([]);
  });
});
