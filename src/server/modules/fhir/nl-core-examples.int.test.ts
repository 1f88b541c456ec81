import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../../test/support/engines.ts';
import { createTestUser, sessionCookie } from '../../../../test/support/harness.ts';
import { PROFILES } from '../../../fhir/codes.ts';
import type { Bundle, Patient, RelatedPerson } from '../../../fhir/types.ts';
import { currentTotp } from '../../platform/totp.ts';
import { insertMembership, insertOrganisation } from '../organisations/queries.ts';
import { createFhirTestApp, fhirBody } from './testing.ts';

/**
 * Issue 13: Nictiz's own nl-core example resources (data/fhir/examples, CC0) are accepted in a
 * transaction Bundle and come back with their profile and every code as pushed.
 */

const PW = 'Kring-test-wachtwoord-1';
const SECRET = 'JBSWY3DPEHPK3PXP';
type Json = Record<string, unknown>;
const example = (name: string): Json => JSON.parse(readFileSync(new URL(`../../../../data/fhir/examples/${name}.json`, import.meta.url), 'utf8')) as Json;
const CONTACT_PERSONS = [
  'nl-core-ContactPerson-01',
  'nl-core-CareTeam-01-RelatedPerson-01',
  'nl-core-AdvanceDirective-01-RelatedPerson-01',
  'nl-core-HelpFromOthers-01-RelatedPerson-01',
  'nl-core-TreatmentDirective2-01-RelatedPerson-01',
];
const P = 'urn:uuid:11111111-1111-4111-8111-111111111111';
const memberUrl = (i: number) => `urn:uuid:22222222-2222-4222-8222-${String(i).padStart(12, '0')}`;
const T = 'urn:uuid:44444444-4444-4444-8444-444444444444';
const codings = (r: Json) => ((r.relationship as { coding?: Json[] }[] | undefined) ?? []).flatMap((c) => c.coding ?? []).map((c) => `${String(c.system)}|${String(c.code)}|${String(c.display)}`);

/** The examples as a record system would push them: the Patient's references rewritten to its fullUrl, plus a CareTeam. */
function examplesBundle(): { bundle: Json; pushed: Json[] } {
  const pushed = CONTACT_PERSONS.map((name) => {
    const rp = example(name);
    // Each refers to Patient/nl-core-Patient-01: inside a transaction that is the Patient entry.
    return { ...rp, patient: { ...(rp.patient as Json), reference: P } };
  });
  const entry = (fullUrl: string, resource: Json) => ({ fullUrl, resource, request: { method: 'POST', url: resource.resourceType } });
  const bundle = {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      entry(P, example('nl-core-Patient-01')),
      ...pushed.map((rp, i) => entry(memberUrl(i), rp)),
      entry(T, { resourceType: 'CareTeam', status: 'active', subject: { reference: P }, participant: [{ member: { reference: P } }, ...pushed.map((_, i) => ({ member: { reference: memberUrl(i) } }))] }),
    ],
  };
  return { bundle, pushed };
}

describeEachEngine('FHIR: Nictiz nl-core examples round trip', (engine) => {
  let t: Awaited<ReturnType<typeof createFhirTestApp>>;
  let cookie = '';

  beforeAll(async () => {
    t = await createFhirTestApp(engine);
    const org = await insertOrganisation(t.db, { name: 'Thuiszorg Kaag', kind: 'care_provider', sector: 'home_care', municipalityCode: 'GM1884', region: 'Leiden' });
    const userId = await createTestUser(t.db, { email: 'prof@example.nl', displayName: 'Prof', password: PW, totp: true });
    await insertMembership(t.db, { organisationId: org, userId, role: 'professional', jobTitle: 'Wijkverpleegkundige' });
    cookie = sessionCookie(await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'prof@example.nl', password: PW, totp: currentTotp(SECRET) } }));
  });
  afterAll(async () => t?.close());

  it('accepts nl-core-ContactPerson-01 (roles 01 and 07, no family relationship) and the other examples, and gives back every role and relationship as pushed', async () => {
    const { bundle, pushed } = examplesBundle();
    const res = await t.app.inject({ method: 'POST', url: '/fhir', payload: JSON.stringify(bundle), headers: { cookie, 'content-type': 'application/fhir+json' } });
    const response = await fhirBody<Bundle>(res, 200);
    const locations = response.entry?.map((e) => e.response?.location ?? '') ?? [];
    expect(response.entry?.every((e) => e.response?.status === '201 Created')).toBe(true);

    for (const [i, rp] of pushed.entries()) {
      const back = await fhirBody<RelatedPerson>(await t.app.inject({ url: `/fhir/${locations[i + 1]}`, headers: { cookie } }), 200);
      expect(back.meta?.profile, CONTACT_PERSONS[i]).toEqual([PROFILES.contactPerson]);
      expect(codings(back as unknown as Json), CONTACT_PERSONS[i]).toEqual(codings(rp));
      expect(back.patient.reference).toBe(locations[0]);
    }

    // The example itself: kind other, both roles stored, 01 the primary one.
    const id = locations[1]?.replace('RelatedPerson/', '');
    const row = (await t.db.query<{ kind: string; role_code: string; role_codes: string[]; relationship_codes: string[]; family_name: string }>('select kind, role_code, role_codes, relationship_codes, family_name from circle_members where id = $1', [id])).rows[0];
    expect(row).toEqual({ kind: 'other', role_code: '01', role_codes: ['01', '07'], relationship_codes: [], family_name: 'van Putten-van der Giessen' });
    const team = (await t.db.query<{ kind: string; is_representative: boolean }>('select kind, is_representative from circle_members where client_id = $1 order by created_at, id', [locations[0]?.replace('Patient/', '')])).rows;
    expect(team.map((m) => m.kind).sort()).toEqual(['neighbour', 'other', 'other', 'relative', 'relative']);
    expect(team.filter((m) => m.is_representative)).toHaveLength(1);

    // nl-core-Patient-01: what Mantelkring keeps of it, still as nl-core-Patient.
    const patient = await fhirBody<Patient>(await t.app.inject({ url: `/fhir/${locations[0]}`, headers: { cookie } }), 200);
    expect(patient.meta?.profile).toEqual([PROFILES.patient]);
    expect(patient).toMatchObject({ birthDate: '1934-04-28', identifier: [{ system: 'http://fhir.nl/fhir/NamingSystem/bsn', value: '111222333' }], address: [{ district: 'Kaag en Braassem' }] });
    expect(patient.name?.[0]).toMatchObject({ family: 'van Putten-van der Giessen', given: ['Jo'] });
  });

  it('keeps the extra roles when the app later changes the primary role (trigger keeps role_codes in step)', async () => {
    const { rows } = await t.db.query<{ id: string }>("select id from circle_members where role_codes = array['01', '07']");
    const id = rows[0]?.id;
    await t.db.query("update circle_members set role_code = '02' where id = $1", [id]);
    expect((await t.db.query<{ role_codes: string[] }>('select role_codes from circle_members where id = $1', [id])).rows[0]?.role_codes).toEqual(['02', '07']);
    await t.db.query('update circle_members set role_code = null where id = $1', [id]);
    expect((await t.db.query<{ role_codes: string[] }>('select role_codes from circle_members where id = $1', [id])).rows[0]?.role_codes).toEqual(['07']);
    await expect(t.db.query("update circle_members set role_codes = array['99'] where id = $1", [id])).rejects.toThrow();
  });
});
