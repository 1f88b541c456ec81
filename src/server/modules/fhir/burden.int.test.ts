import fs from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../../test/support/engines.ts';
import { createTestCircle, requestsAs, testAccounts, useTestApp } from '../../../../test/support/harness.ts';
import { MK, OBSERVATION_CATEGORY_SYSTEM } from '../../../fhir/codes.ts';
import type { Bundle, Observation, OperationOutcome, QuestionnaireResponse, ResourceBase } from '../../../fhir/types.ts';
import { syncInstruments } from '../burden/instruments.ts';
import { insertMembership, insertOrganisation } from '../organisations/queries.ts';
import { createFhirTestApp, fhirBody as fhir } from './testing.ts';

const PW = 'Kring-test-wachtwoord-1';
const CSI = 'https://mantelkring.nl/fhir/Questionnaire/csi';
const EDIZ_PLUS = 'https://mantelkring.nl/fhir/Questionnaire/ediz-plus';
const ANSWER_SYSTEM = 'https://mantelkring.nl/fhir/CodeSystem/burden-answer';

type Questionnaire = ResourceBase & { id: string; url: string; version: string; name?: string; status: string; code?: { code: string }[] };
const resources = <T extends ResourceBase>(b: Bundle): T[] => (b.entry ?? []).map((e) => e.resource as T);
/** QuestionnaireResponse items: `yes` of `n` questions answered with `hit`, the rest with `miss`. */
const items = (prefix: string, n: number, yes: number, hit = 'ja', miss = 'nee') =>
  Array.from({ length: n }, (_, i) => ({ linkId: `${prefix}-${String(i + 1).padStart(2, '0')}`, answer: [{ valueCoding: { system: ANSWER_SYSTEM, code: i < yes ? hit : miss } }] }));

describeEachEngine('FHIR API: burden checks', (engine) => {
  const t = useTestApp(() => createFhirTestApp(engine));
  const { users, cookies, create: user, login } = testAccounts(t, PW);
  let members: Record<string, string> = {};
  let clientId: string;
  let homeCare: string;
  let token: string;
  let csiResponseId: string;

  /** As a logged-in user (cookie), or as the external record system with Fatima's API token. */
  const auth = (who: string | null): Record<string, string> => (who === 'ecd' ? { authorization: `Bearer ${token}` } : who ? { cookie: cookies[who] ?? '' } : {});
  const get = (who: string | null, url: string) => t.app.inject({ url, headers: auth(who) });
  const post = (who: string | null, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/fhir/QuestionnaireResponse', payload: typeof payload === 'string' ? payload : JSON.stringify(payload), headers: { ...auth(who), 'content-type': 'application/fhir+json', ...headers } });
  const response = (over: Record<string, unknown> = {}) => ({
    resourceType: 'QuestionnaireResponse',
    questionnaire: `${CSI}|1.0.0`,
    status: 'completed',
    subject: { reference: `RelatedPerson/${members.anja}` },
    author: { reference: `RelatedPerson/${members.anja}` },
    authored: '2026-11-20T10:00:00+01:00',
    item: items('csi', 13, 7),
    ...over,
  });
  const counts = async () =>
    (await t.db.query<{ responses: number; signals: number }>('select (select count(*)::int from burden_responses) as responses, (select count(*)::int from burden_signals) as signals')).rows[0];
  const fhirLines = async (userKey: string) =>
    (await t.db.query<{ action: string; resource_type: string; resource_id: string | null; client_id: string | null; tenant_key: string | null; organisation_id: string | null }>(
      "select action, resource_type, resource_id, client_id, tenant_key, organisation_id from audit_log where user_id = $1 and source_system = 'fhir' order by id",
      [users[userKey]],
    )).rows;

  beforeAll(async () => {
    await syncInstruments(t.db);
    homeCare = await insertOrganisation(t.db, { name: 'Thuiszorg Leiden', kind: 'care_provider', sector: 'home_care', municipalityCode: 'GM0546', region: 'Leiden' });
    await insertOrganisation(t.db, { name: 'Mantelzorgsteunpunt Leiden', kind: 'welfare', sector: null, municipalityCode: 'GM0546', region: 'Leiden' });
    for (const key of ['anja', 'piet', 'kees', 'vreemde']) await user(key);
    await insertMembership(t.db, { organisationId: homeCare, userId: await user('fatima', { totp: true, displayName: 'Fatima Yilmaz' }), role: 'professional', jobTitle: 'Wijkverpleegkundige' });
    await user('beheer', { totp: true, admin: true });
    for (const key of ['anja', 'piet', 'kees', 'vreemde', 'fatima', 'beheer']) await login(key);

    const circle = await createTestCircle(
      requestsAs(t.app, cookies.anja),
      { client: { givenName: 'Gerrit', familyName: 'de Vries', birthDate: '1941-03-12', municipalityCode: 'GM0546' }, me: { relationshipCode: 'DAUC' }, clientCanDecide: false },
      {
        piet: { kind: 'relative', givenName: 'Piet', familyName: 'de Vries', relationshipCode: 'SONC', accessLevel: 'full' },
        kees: { kind: 'relative', givenName: 'Kees', familyName: 'de Vries', relationshipCode: 'BRO', accessLevel: 'agenda' },
        fatima: { kind: 'professional', givenName: 'Fatima', familyName: 'Yilmaz', organisationId: homeCare, jobTitle: 'Wijkverpleegkundige' },
      },
    );
    clientId = circle.clientId;
    members = { anja: circle.starter, ...circle.members };
    for (const key of ['piet', 'kees', 'fatima']) await t.db.query('update circle_members set user_id = $2 where id = $1', [members[key], users[key]]);
    const code = (await t.app.inject({ method: 'POST', url: `/api/circles/${clientId}/organisation-invitation`, headers: { cookie: cookies.anja ?? '' }, payload: { accessLevel: 'full' } })).json().code;
    expect((await t.app.inject({ method: 'POST', url: '/api/circle-invitations/accept', headers: { cookie: cookies.fatima ?? '' }, payload: { code } })).statusCode).toBe(200);

    // The external record system: a personal API token made by Fatima after two-step login.
    const made = await t.app.inject({ method: 'POST', url: '/api/me/tokens', headers: { cookie: cookies.fatima ?? '' }, payload: { name: 'ECD Thuiszorg Leiden', days: 30 } });
    expect(made.statusCode, made.body).toBe(201);
    token = made.json().token;
  });

  it('lists every instrument as a Questionnaire with url and version, searchable by url, name and status', async () => {
    const all = await fhir<Bundle>(await get('ecd', '/fhir/Questionnaire'), 200);
    const qs = resources<Questionnaire>(all);
    expect(qs.map((q) => q.id).sort()).toEqual(['csi', 'ediz', 'ediz-plus', 'self-rated-burden']);
    expect(all.entry?.find((e) => e.resource?.id === 'csi')?.fullUrl).toBe('https://mk.example.nl/fhir/Questionnaire/csi');
    const csi = await fhir<Questionnaire>(await get('ecd', '/fhir/Questionnaire/csi'), 200);
    expect(csi).toMatchObject({ url: CSI, version: '1.0.0', status: 'active', code: [{ code: 'csi' }] });
    // Any logged-in user reads them; the stored resource is what is served.
    expect((await fhir<Questionnaire>(await get('kees', '/fhir/Questionnaire/ediz-plus'), 200)).url).toBe(EDIZ_PLUS);
    const ids = async (query: string) => resources<Questionnaire>(await fhir<Bundle>(await get('anja', `/fhir/Questionnaire?${query}`), 200)).map((q) => q.id);
    expect(await ids(`url=${encodeURIComponent(CSI)}`)).toEqual(['csi']);
    expect(await ids(`url=${encodeURIComponent(`${CSI}|1.0.0`)}`)).toEqual(['csi']);
    expect(await ids(`url=${encodeURIComponent(`${CSI}|9.9`)}`)).toEqual([]);
    expect(await ids('name=mantelkringediz')).toEqual(expect.arrayContaining(['ediz', 'ediz-plus']));
    expect(await ids('status=retired')).toEqual([]);
    expect(await ids('_id=self-rated-burden')).toEqual(['self-rated-burden']);
    expect((await fhir<OperationOutcome>(await get('anja', '/fhir/Questionnaire?title=x'), 400)).issue[0]?.code).toBe('not-supported');
    await fhir<OperationOutcome>(await get('anja', '/fhir/Questionnaire/zarit'), 404);
    await fhir<OperationOutcome>(await get(null, '/fhir/Questionnaire'), 401);
  });

  it('accepts a CSI response from an external client with an API token, scores it and raises a signal', async () => {
    const before = await counts();
    const res = await post('ecd', response());
    const qr = await fhir<QuestionnaireResponse>(res, 201);
    csiResponseId = qr.id ?? '';
    expect(res.headers.location).toBe(`https://mk.example.nl/fhir/QuestionnaireResponse/${csiResponseId}`);
    expect(qr).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      questionnaire: `${CSI}|1.0.0`,
      status: 'completed',
      subject: { reference: `RelatedPerson/${members.anja}` },
      source: { reference: `RelatedPerson/${members.anja}` },
      // Taken by the professional: she is the author, as her PractitionerRole in this circle.
      author: { reference: `PractitionerRole/${members.fatima}`, display: 'Fatima Yilmaz' },
    });
    expect(qr.item).toHaveLength(13);
    expect(qr.extension?.[0]).toEqual({
      url: MK.burdenResult,
      extension: [
        { url: 'total', valueInteger: 7 },
        { url: 'band', valueString: 'Hoge belasting' },
        { url: 'overload', valueBoolean: true },
        { url: 'observation', valueReference: { reference: `Observation/${csiResponseId}` } },
      ],
    });
    // Stored as a check taken in a conversation, with a signal for the professional's organisation.
    const stored = await t.db.query<{ mode: string; total: number; band_code: string; source_system: string; shared_with_professional: boolean; organisation_id: string }>(
      'select mode, total, band_code, source_system, shared_with_professional, organisation_id from burden_responses where id = $1',
      [csiResponseId],
    );
    expect(stored.rows[0]).toEqual({ mode: 'professional', total: 7, band_code: 'high', source_system: 'fhir', shared_with_professional: true, organisation_id: homeCare });
    expect(await counts()).toEqual({ responses: (before?.responses ?? 0) + 1, signals: (before?.signals ?? 0) + 1 });
    const signals = (await t.app.inject({ url: `/api/organisations/${homeCare}/burden-signals`, headers: { cookie: cookies.fatima ?? '' } })).json();
    expect(signals.items[0]).toMatchObject({ status: 'open', reasons: ['heavy_score'], total: 7, routedTo: 'professional', instrument: { key: 'csi' }, caregiver: { memberId: members.anja } });
  });

  it('reads back the response and the score as an Observation derived from it', async () => {
    const qr = await fhir<QuestionnaireResponse>(await get('ecd', `/fhir/QuestionnaireResponse/${csiResponseId}`), 200);
    expect(qr.extension?.[0]?.extension?.[0]).toEqual({ url: 'total', valueInteger: 7 });
    for (const q of [`subject=RelatedPerson/${members.anja}`, `subject=${members.anja}`, `subject=${encodeURIComponent(`https://mk.example.nl/fhir/RelatedPerson/${members.anja}`)}`]) {
      const bundle = await fhir<Bundle>(await get('ecd', `/fhir/QuestionnaireResponse?${q}`), 200);
      expect(resources<QuestionnaireResponse>(bundle).map((r) => r.id)).toEqual([csiResponseId]);
    }

    const expected = {
      resourceType: 'Observation',
      id: csiResponseId,
      status: 'final',
      category: [{ coding: [{ system: OBSERVATION_CATEGORY_SYSTEM, code: 'survey' }] }],
      code: { coding: [{ system: MK.burdenInstrument, code: 'csi' }] },
      subject: { reference: `Patient/${clientId}` },
      focus: [{ reference: `RelatedPerson/${members.anja}` }],
      valueInteger: 7,
      interpretation: [{ coding: [{ system: MK.burdenLevel, code: 'heavy' }], text: 'Hoge belasting' }],
      performer: [{ reference: `PractitionerRole/${members.fatima}` }, { reference: `Organization/${homeCare}`, display: 'Thuiszorg Leiden' }],
      derivedFrom: [{ reference: `QuestionnaireResponse/${csiResponseId}` }],
    };
    const bySubject = await fhir<Bundle>(await get('ecd', `/fhir/Observation?subject=RelatedPerson/${members.anja}`), 200);
    expect(bySubject.total).toBe(1);
    expect(resources<Observation>(bySubject)[0]).toMatchObject(expected);
    expect(resources<Observation>(await fhir<Bundle>(await get('ecd', `/fhir/Observation?focus=${members.anja}`), 200))[0]).toMatchObject(expected);
    expect(await fhir<Observation>(await get('ecd', `/fhir/Observation/${csiResponseId}`), 200)).toMatchObject(expected);
    // The caregiver sees her own result too.
    expect((await fhir<Bundle>(await get('anja', `/fhir/Observation?subject=RelatedPerson/${members.anja}`), 200)).total).toBe(1);

    expect((await get('ecd', `/fhir/Observation?subject=Patient/${clientId}`)).statusCode).toBe(400);
    expect((await get('ecd', '/fhir/Observation')).statusCode).toBe(400);
    expect((await get('ecd', `/fhir/QuestionnaireResponse?subject=${members.anja}&status=completed`)).statusCode).toBe(400);
    // Professionals are not RelatedPersons.
    await fhir<OperationOutcome>(await get('ecd', `/fhir/QuestionnaireResponse?subject=RelatedPerson/${members.fatima}`), 404);
  });

  it('refuses an EDIZ-plus response with a missing answer with a 422 OperationOutcome in Dutch, and stores nothing', async () => {
    const before = await counts();
    const fourteen = items('ep', 15, 9).filter((i) => i.linkId !== 'ep-03');
    const res = await post('ecd', response({ questionnaire: EDIZ_PLUS, item: fourteen }));
    const outcome = await fhir<OperationOutcome>(res, 422);
    expect(outcome.issue[0]).toMatchObject({ severity: 'error', code: 'invalid', expression: ['QuestionnaireResponse.item'], details: { coding: [{ code: 'validation_failed' }] } });
    expect(outcome.issue[0]?.diagnostics).toBe('Vraag 3 is nog niet beantwoord. Zonder alle antwoorden kan de score niet goed worden berekend.');
    expect(outcome.issue[1]).toMatchObject({ expression: ["QuestionnaireResponse.item.where(linkId = 'ep-03')"], diagnostics: 'Vraag 3 is nog niet beantwoord.' });
    // An answer that is not an option of the question: the reader's message and place.
    const wrong = items('ep', 15, 9);
    wrong[4] = { linkId: 'ep-05', answer: [{ valueCoding: { system: ANSWER_SYSTEM, code: 'soms' } }] };
    const bad = await fhir<OperationOutcome>(await post('ecd', response({ questionnaire: EDIZ_PLUS, item: wrong })), 422);
    expect(bad.issue[0]).toMatchObject({ expression: ['QuestionnaireResponse.item[4].answer[0].valueCoding'] });
    expect(bad.issue[0]?.diagnostics).toMatch(/^Kies bij vraag 5 een van de antwoorden/);
    // Code from another system does not match.
    const otherSystem = items('csi', 13, 7);
    otherSystem[0] = { linkId: 'csi-01', answer: [{ valueCoding: { system: 'http://loinc.org', code: 'ja' } }] };
    await fhir<OperationOutcome>(await post('ecd', response({ item: otherSystem })), 422);
    expect(await counts()).toEqual(before);
  });

  it('refuses unknown instruments, unfinished responses and malformed bodies', async () => {
    const before = await counts();
    const unknown = await fhir<OperationOutcome>(await post('ecd', response({ questionnaire: 'https://example.org/Questionnaire/zarit|1' })), 422);
    expect(unknown.issue[0]).toMatchObject({ code: 'not-found', expression: ['QuestionnaireResponse.questionnaire'] });
    expect((await fhir<OperationOutcome>(await post('ecd', response({ questionnaire: `${CSI}|0.9` })), 422)).issue[0]?.diagnostics).toMatch(/Onbekende vragenlijst/);
    const draft = await fhir<OperationOutcome>(await post('ecd', response({ status: 'in-progress' })), 422);
    expect(draft.issue[0]).toMatchObject({ code: 'business-rule', expression: ['QuestionnaireResponse.status'] });
    await fhir<OperationOutcome>(await post('ecd', response({ subject: { reference: `Patient/${clientId}` } })), 422);
    await fhir<OperationOutcome>(await post('ecd', response({ author: { reference: `RelatedPerson/${members.piet}` } })), 422);
    await fhir<OperationOutcome>(await post('ecd', { resourceType: 'Observation' }), 400);
    await fhir<OperationOutcome>(await post('ecd', '{"resourceType": "QuestionnaireResponse",'), 400);
    await fhir<OperationOutcome>(await post('ecd', response(), { 'if-none-exist': 'identifier=x' }), 400);
    // A professional is not a RelatedPerson; an unknown id does not exist.
    await fhir<OperationOutcome>(await post('ecd', response({ subject: { reference: `RelatedPerson/${members.fatima}` }, author: undefined })), 404);
    await fhir<OperationOutcome>(await post('ecd', response({ subject: { reference: 'RelatedPerson/00000000-0000-4000-8000-000000000000' }, author: undefined })), 404);
    expect(await counts()).toEqual(before);
  });

  it('lets only the caregiver and the client’s professional in: other members 403, outsiders 404, no login 401', async () => {
    const before = await counts();
    for (const who of ['kees', 'piet']) {
      // Agenda-only (Kees) or full access (Piet): results are the caregiver's, not the circle's.
      expect((await fhir<OperationOutcome>(await post(who, response()), 403)).issue[0]?.code).toBe('forbidden');
      for (const url of [`/fhir/QuestionnaireResponse?subject=RelatedPerson/${members.anja}`, `/fhir/Observation?subject=RelatedPerson/${members.anja}`, `/fhir/QuestionnaireResponse/${csiResponseId}`, `/fhir/Observation/${csiResponseId}`]) {
        await fhir<OperationOutcome>(await get(who, url), 403);
      }
    }
    await fhir<OperationOutcome>(await post('vreemde', response()), 404);
    // Access is decided before the answers are read: nobody learns more from a bad response.
    await fhir<OperationOutcome>(await post('vreemde', response({ questionnaire: EDIZ_PLUS, item: [] })), 404);
    await fhir<OperationOutcome>(await post('kees', response({ questionnaire: 'https://example.org/onbekend' })), 403);
    for (const url of [`/fhir/QuestionnaireResponse?subject=RelatedPerson/${members.anja}`, `/fhir/Observation?subject=RelatedPerson/${members.anja}`, `/fhir/QuestionnaireResponse/${csiResponseId}`, `/fhir/Observation/${csiResponseId}`]) {
      expect((await fhir<OperationOutcome>(await get('vreemde', url), 404)).issue[0]?.code).toBe('not-found');
    }
    await fhir<OperationOutcome>(await post(null, response()), 401);
    await fhir<OperationOutcome>(await get(null, `/fhir/Observation/${csiResponseId}`), 401);
    expect(await counts()).toEqual(before);
  });

  it('lets the caregiver record her own check; the professional does not see it until she shares it', async () => {
    const res = await post('anja', response({ questionnaire: 'https://mantelkring.nl/fhir/Questionnaire/self-rated-burden', item: [{ linkId: 'srb', answer: [{ valueInteger: 4 }] }] }));
    const qr = await fhir<QuestionnaireResponse>(res, 201);
    expect(qr).toMatchObject({ questionnaire: 'https://mantelkring.nl/fhir/Questionnaire/self-rated-burden|1.0.0', author: { reference: `RelatedPerson/${members.anja}` }, item: [{ linkId: 'srb', answer: [{ valueInteger: 4 }] }] });
    const mode = await t.db.query<{ mode: string; shared_with_professional: boolean }>('select mode, shared_with_professional from burden_responses where id = $1', [qr.id]);
    expect(mode.rows[0]).toEqual({ mode: 'self', shared_with_professional: false });
    const own = await fhir<Bundle>(await get('anja', `/fhir/Observation?subject=RelatedPerson/${members.anja}`), 200);
    const srb = resources<Observation>(own).find((o) => o.id === qr.id);
    expect(srb).toMatchObject({ valueInteger: 4, code: { coding: [{ code: 'self-rated-burden' }] } });
    expect(srb?.performer).toBeUndefined();
    expect(srb?.interpretation).toBeUndefined();
    // Not shared: the professional sees only the check she took herself.
    expect(resources(await fhir<Bundle>(await get('ecd', `/fhir/QuestionnaireResponse?subject=RelatedPerson/${members.anja}`), 200)).map((r) => r.id)).toEqual([csiResponseId]);
    await fhir<OperationOutcome>(await get('ecd', `/fhir/Observation/${qr.id}`), 404);
    // Shared through the app: now she does.
    const shared = await t.app.inject({ method: 'PUT', url: `/api/circles/${clientId}/members/${members.anja}/burden-checks/${qr.id}/sharing`, headers: { cookie: cookies.anja ?? '' }, payload: { shared: true } });
    expect(shared.statusCode, shared.body).toBe(200);
    await fhir<Observation>(await get('ecd', `/fhir/Observation/${qr.id}`), 200);
  });

  it('does not publish a paused check', async () => {
    const draft = await t.app.inject({ method: 'POST', url: `/api/circles/${clientId}/members/${members.anja}/burden-checks`, headers: { cookie: cookies.anja ?? '' }, payload: { instrument: 'ediz' } });
    expect(draft.statusCode, draft.body).toBe(201);
    const id = draft.json().id;
    await fhir<OperationOutcome>(await get('anja', `/fhir/QuestionnaireResponse/${id}`), 404);
    await fhir<OperationOutcome>(await get('anja', `/fhir/Observation/${id}`), 404);
    const listed = resources(await fhir<Bundle>(await get('anja', `/fhir/QuestionnaireResponse?subject=${members.anja}`), 200)).map((r) => r.id);
    expect(listed).not.toContain(id);
  });

  it('serves every stored version and binds a response to the version it names, also for imported instruments', async () => {
    const csi = JSON.parse(fs.readFileSync('data/instruments/csi.json', 'utf8')) as Record<string, unknown>;
    const imported = async (questionnaire: Record<string, unknown>) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/admin/burden/instruments', headers: { cookie: cookies.beheer ?? '' }, payload: { questionnaire } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { versionId: string };
    };
    const v11 = await imported({ ...csi, version: '1.1.0' });
    const versions = resources<Questionnaire>(await fhir<Bundle>(await get('ecd', `/fhir/Questionnaire?url=${encodeURIComponent(CSI)}`), 200));
    const old = versions.find((q) => q.version === '1.0.0');
    expect(versions.map((q) => `${q.id === 'csi' ? 'csi' : 'uuid'}|${q.version}`).sort()).toEqual(['csi|1.1.0', 'uuid|1.0.0']);
    expect((await fhir<Questionnaire>(await get('ecd', `/fhir/Questionnaire/${old?.id}`), 200)).version).toBe('1.0.0');
    expect((await fhir<Questionnaire>(await get('ecd', '/fhir/Questionnaire/csi'), 200)).version).toBe('1.1.0');
    // The current version has one id: its key.
    await fhir<OperationOutcome>(await get('ecd', `/fhir/Questionnaire/${v11.versionId}`), 404);
    expect(resources<Questionnaire>(await fhir<Bundle>(await get('ecd', `/fhir/Questionnaire?url=${encodeURIComponent(CSI)}&version=1.0.0`), 200)).map((q) => q.id)).toEqual([old?.id]);

    const current = await fhir<QuestionnaireResponse>(await post('ecd', response({ questionnaire: CSI, item: items('csi', 13, 1) })), 201);
    expect(current.questionnaire).toBe(`${CSI}|1.1.0`);
    const pinned = await fhir<QuestionnaireResponse>(await post('ecd', response({ questionnaire: `${CSI}|1.0.0`, item: items('csi', 13, 1) })), 201);
    expect(pinned.questionnaire).toBe(`${CSI}|1.0.0`);

    // An instrument an organisation imported, without a code of its own.
    const own = { ...csi, id: 'org-csi', url: 'https://zorg.example/fhir/Questionnaire/org-csi', version: '2', name: 'OrgCsi', code: undefined };
    await imported(own);
    const res = await fhir<QuestionnaireResponse>(await post('ecd', response({ questionnaire: own.url, item: items('csi', 13, 8) })), 201);
    const obs = await fhir<Observation>(await get('ecd', `/fhir/Observation/${res.id}`), 200);
    expect(obs).toMatchObject({ valueInteger: 8, code: { coding: [{ system: MK.burdenInstrument, code: 'org-csi' }] } });
  });

  it('writes one NEN 7513 line per FHIR read, search and create, named after the FHIR type', async () => {
    const before = (await fhirLines('fatima')).length;
    await get('ecd', '/fhir/Questionnaire/csi');
    await get('ecd', `/fhir/QuestionnaireResponse/${csiResponseId}`);
    await get('ecd', `/fhir/QuestionnaireResponse?subject=RelatedPerson/${members.anja}`);
    await get('ecd', `/fhir/Observation/${csiResponseId}`);
    await get('ecd', `/fhir/Observation?subject=RelatedPerson/${members.anja}`);
    const created = await fhir<QuestionnaireResponse>(await post('ecd', response({ item: items('csi', 13, 2) })), 201);
    const circle = { client_id: clientId, tenant_key: 'GM0546', organisation_id: homeCare };
    expect((await fhirLines('fatima')).slice(before)).toEqual([
      { action: 'read', resource_type: 'Questionnaire', resource_id: 'csi', client_id: null, tenant_key: null, organisation_id: null },
      { action: 'read', resource_type: 'QuestionnaireResponse', resource_id: csiResponseId, ...circle },
      { action: 'search', resource_type: 'QuestionnaireResponse', resource_id: null, ...circle },
      { action: 'read', resource_type: 'Observation', resource_id: csiResponseId, ...circle },
      { action: 'search', resource_type: 'Observation', resource_id: null, ...circle },
      { action: 'create', resource_type: 'QuestionnaireResponse', resource_id: created.id, ...circle },
    ]);
    // Refused requests are not logged as reads.
    const keesBefore = (await fhirLines('kees')).length;
    await get('kees', `/fhir/Observation/${csiResponseId}`);
    expect((await fhirLines('kees')).length).toBe(keesBefore);
  });
});
