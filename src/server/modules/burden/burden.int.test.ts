import { beforeAll, expect, it } from 'vitest';
import { createTestCircle, createTestUser, lastMailTo, login, requestsAs, sessionCookie, useTestApp } from '../../../../test/support/harness.ts';
import { describeEachEngine } from '../../../../test/support/engines.ts';
import { createJobRunner } from '../../platform/jobs.ts';
import { insertMembership, insertOrganisation } from '../organisations/queries.ts';
import { syncInstruments } from './instruments.ts';
import { BURDEN_JOBS } from './jobs.ts';
import { burdenCheckRecorder } from './checks.ts';
import { runBurdenReminders } from './reminders.ts';
import { runSignalEscalations, SIGNAL_ESCALATION_DAYS } from './signals.ts';

const PW = 'Belasting-test-wachtwoord-1';
const DAY = 86_400_000;

describeEachEngine('burden checks with follow-up', (engine) => {
  const t = useTestApp(engine);
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let clientId: string;
  let members: Record<string, string> = {};

  const as = (who: string) => requestsAs(t.app, cookies[who]);
  const checks = (member: string) => `/api/circles/${clientId}/members/${members[member]}/burden-checks`;
  const all = (linkPrefix: string, n: number, yes: number, hit = 'ja', miss = 'nee') =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`${linkPrefix}-${String(i + 1).padStart(2, '0')}`, i < yes ? hit : miss]));

  async function user(key: string, email: string, opts: { totp?: boolean; admin?: boolean; name?: string } = {}) {
    const id = await createTestUser(t.db, { email, displayName: opts.name ?? key, password: PW, totp: opts.totp, admin: opts.admin });
    ids[key] = id;
    const res = await login(t, email, PW);
    cookies[key] = sessionCookie(res);
    return id;
  }

  beforeAll(async () => {
    await syncInstruments(t.db);
    ids.homeCare = await insertOrganisation(t.db, { name: 'Thuiszorg Leiden', kind: 'care_provider', sector: 'home_care', municipalityCode: 'GM0546', region: 'Leiden' });
    ids.steunpunt = await insertOrganisation(t.db, { name: 'Mantelzorgsteunpunt Leiden', kind: 'welfare', sector: null, municipalityCode: 'GM0546', region: 'Leiden' });
    ids.vrijwilligers = await insertOrganisation(t.db, { name: 'Vrijwilligerscentrale Leiden', kind: 'volunteer', sector: null, municipalityCode: 'GM0546', region: 'Leiden' });
    ids.gemeente = await insertOrganisation(t.db, { name: 'Gemeente Leiden', kind: 'municipality', sector: null, municipalityCode: 'GM0546', region: 'Leiden' });
    ids.elders = await insertOrganisation(t.db, { name: 'Mantelzorgsteunpunt Zwolle', kind: 'welfare', sector: null, municipalityCode: 'GM0193', region: 'Zwolle' });
    await user('anja', 'anja@example.nl', { name: 'Anja de Vries' });
    await user('piet', 'piet@example.nl');
    await user('karin', 'karin@example.nl');
    await user('stranger', 'vreemde@example.nl');
    await user('fatima', 'fatima@zorg.nl', { totp: true });
    await user('sanne', 'sanne@steunpunt.nl', { totp: true });
    await user('admin', 'beheer@mantelkring.nl', { totp: true, admin: true });
    await insertMembership(t.db, { organisationId: ids.homeCare, userId: ids.fatima as string, role: 'professional', jobTitle: 'Wijkverpleegkundige' });
    await insertMembership(t.db, { organisationId: ids.steunpunt, userId: ids.sanne as string, role: 'coordinator', jobTitle: 'Consulent mantelzorg' });
    // Log in again: memberships are read at login for the second-factor requirement.
    cookies.fatima = sessionCookie(await login(t, 'fatima@zorg.nl', PW));
    cookies.sanne = sessionCookie(await login(t, 'sanne@steunpunt.nl', PW));

    const circle = await createTestCircle(
      as('anja'),
      { client: { givenName: 'Gerrit', familyName: 'de Vries', municipalityCode: 'GM0546' }, me: { relationshipCode: 'DAUC' }, clientCanDecide: false },
      {
        piet: { kind: 'relative', givenName: 'Piet', familyName: 'de Vries', email: 'piet@example.nl', accessLevel: 'agenda' },
        karin: { kind: 'caregiver', givenName: 'Karin', familyName: 'de Vries', email: 'karin@example.nl', accessLevel: 'agenda' },
        joost: { kind: 'volunteer', givenName: 'Joost', accessLevel: 'agenda' },
      },
    );
    clientId = circle.clientId;
    members = { anja: circle.starter, ...circle.members };
    // As if Piet and Karin accepted their invitations (the invitation flow is tested in circles/).
    await t.db.query('update circle_members set user_id = $2 where id = $1', [members.piet, ids.piet]);
    await t.db.query('update circle_members set user_id = $2 where id = $1', [members.karin, ids.karin]);
    const code = (await as('anja').post(`/api/circles/${clientId}/organisation-invitation`, { accessLevel: 'full' })).json().code;
    expect((await as('fatima').post('/api/circle-invitations/accept', { code })).statusCode).toBe(200);
  });

  it('ships the four instruments, loaded once however often the app starts', async () => {
    expect(Object.values(await syncInstruments(t.db))).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    const list = (await as('anja').get('/api/burden/instruments')).json().items;
    expect(list.map((i: { key: string }) => i.key).sort()).toEqual(['csi', 'ediz', 'ediz-plus', 'self-rated-burden']);
    const plus = (await as('anja').get('/api/burden/instruments/ediz-plus')).json();
    expect(plus).toMatchObject({ version: '1.0.0', itemCount: 15, scoring: { minScore: 0, maxScore: 15, overloadCutOff: 9 } });
    expect(plus.items[0]).toMatchObject({ linkId: 'ep-01', kind: 'choice', options: [{ code: 'nee', points: 0 }, { code: 'min-of-meer', points: 1 }, { code: 'ja', points: 1 }] });
    expect(plus.questionnaire.resourceType).toBe('Questionnaire');
    expect((await t.app.inject({ url: '/api/burden/instruments' })).statusCode).toBe(401);
  });

  it('lets a caregiver pause and resume a check, and refuses wrong or missing answers in Dutch', async () => {
    const start = await as('anja').post(checks('anja'), { instrument: 'ediz-plus' });
    expect(start.statusCode, start.body).toBe(201);
    const draft = start.json();
    expect(draft).toMatchObject({ status: 'in_progress', mode: 'self', instrument: { key: 'ediz-plus', version: '1.0.0' }, answeredCount: 0, itemCount: 15, result: null });
    ids.anjaDraft = draft.id;
    const saved = await as('anja').patch(`${checks('anja')}/${draft.id}`, { answers: { 'ep-01': 'ja', 'ep-02': 'min-of-meer' }, currentLinkId: 'ep-03' });
    expect(saved.json()).toMatchObject({ answeredCount: 2, currentLinkId: 'ep-03' });
    const wrong = await as('anja').patch(`${checks('anja')}/${draft.id}`, { answers: { 'ep-03': 'misschien' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().detail).toBe('Kies bij vraag 3 een van de antwoorden: Nee, Min of meer, Ja.');
    // Coming back later: starting again resumes the same check where it was left.
    const resumed = await as('anja').post(checks('anja'), { instrument: 'ediz-plus' });
    expect(resumed.statusCode).toBe(200);
    expect(resumed.json()).toMatchObject({ id: draft.id, answers: { 'ep-01': 'ja', 'ep-02': 'min-of-meer' }, currentLinkId: 'ep-03' });
    expect((await as('anja').get(`${checks('anja')}?status=in_progress`)).json().items).toHaveLength(1);
    const early = await as('anja').post(`${checks('anja')}/${draft.id}/complete`, {});
    expect(early.statusCode).toBe(400);
    expect(early.json().detail).toMatch(/^De vragen 3, 4, .* en 15 zijn nog niet beantwoord\. Zonder alle antwoorden kan de score niet goed worden berekend\.$/);
  });

  it('lands a caregiver who shares in the heavy band and signals her professional’s organisation', async () => {
    const res = await as('anja').post(`${checks('anja')}/${ids.anjaDraft}/complete`, { answers: all('ep', 15, 9), shareWithProfessional: true });
    expect(res.statusCode, res.body).toBe(200);
    const check = res.json();
    expect(check).toMatchObject({ status: 'completed', sharedWithProfessional: true });
    expect(check.result).toMatchObject({ total: 9, overload: true, band: { code: 'heavy', label: 'Zware belasting', level: 'heavy' }, previousTotal: null });
    expect(check.result.nextSteps.map((s: { kind: string }) => s.kind)).toContain('respite');
    expect(check.result.supportOffers.map((o: { name: string }) => o.name)).toEqual(['Mantelzorgsteunpunt Leiden', 'Vrijwilligerscentrale Leiden', 'Gemeente Leiden']);
    expect(check.result.signal).toMatchObject({ status: 'open', routedTo: 'professional', organisationName: 'Thuiszorg Leiden' });
    ids.anjaSignal = check.result.signal.id;
    // The organisation hears of it without names or scores in the mail.
    const mail = await lastMailTo(t.db, 'fatima@zorg.nl');
    expect(mail?.subject).toMatch(/Nieuw signaal/);
    expect(mail?.body_text).not.toMatch(/Anja|Gerrit|Zware|score van/);
    const list = (await as('fatima').get(`/api/organisations/${ids.homeCare}/burden-signals`)).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ status: 'open', reasons: ['heavy_score'], total: 9, bandLabel: 'Zware belasting', caregiver: { name: 'Anja de Vries', email: 'anja@example.nl' }, client: { name: 'Gerrit de Vries' }, overdue: false });
    // The support centre does not see a signal that went to the professional.
    expect((await as('sanne').get(`/api/organisations/${ids.steunpunt}/burden-signals`)).json().total).toBe(0);
    expect((await as('sanne').get(`/api/organisations/${ids.homeCare}/burden-signals`)).statusCode).toBe(403);
  });

  it('lets the professional follow up, move the signal on and close it, keeping the time to first follow-up', async () => {
    const url = `/api/organisations/${ids.homeCare}/burden-signals/${ids.anjaSignal}`;
    expect((await as('fatima').post(`${url}/status`, { status: 'plan_agreed' })).json().code).toBe('conflict');
    const action = await as('fatima').post(`${url}/actions`, { kind: 'conversation', note: 'Gebeld; ze slaapt slecht. Respijt besproken.' });
    expect(action.statusCode, action.body).toBe(201);
    const afterCall = (await as('fatima').get(url)).json();
    expect(afterCall).toMatchObject({ status: 'contacted', firstFollowUpAt: expect.any(String), minutesToFirstFollowUp: expect.any(Number) });
    expect(afterCall.actions[0]).toMatchObject({ kind: 'conversation', recordedBy: 'fatima', contactId: expect.any(String) });
    const { rows } = await t.db.query<{ kind: string }>('select kind from caregiver_contacts where member_id = $1', [members.anja]);
    expect(rows.map((r) => r.kind)).toEqual(['how_are_you']);
    expect((await as('fatima').post(`${url}/actions`, { kind: 'respite', note: 'Aangemeld voor dagopvang op dinsdag.' })).statusCode).toBe(201);
    expect((await as('fatima').post(`${url}/actions`, { kind: 'verzonnen' })).statusCode).toBe(400);
    expect((await as('fatima').post(`${url}/status`, { status: 'plan_agreed', note: 'Dinsdag dagopvang, broer rijdt op zaterdag.' })).json().status).toBe('plan_agreed');
    expect((await as('fatima').post(`${url}/status`, { status: 'contacted' })).statusCode).toBe(409);
    const closed = (await as('fatima').post(`${url}/status`, { status: 'closed' })).json();
    expect(closed).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect(closed.events.map((e: { kind: string; toStatus: string | null }) => `${e.kind}:${e.toStatus}`)).toEqual(['created:open', 'status:contacted', 'status:plan_agreed', 'status:closed']);
    expect((await as('fatima').post(`${url}/actions`, { kind: 'referral' })).statusCode).toBe(409);
    expect((await as('sanne').get(url)).statusCode).toBe(403);
  });

  it('sends the signal of a caregiver who does not share to the municipality’s support centre, with the check taken at agenda level', async () => {
    const start = await as('karin').post(checks('karin'), { instrument: 'ediz-plus' });
    expect(start.statusCode, start.body).toBe(201);
    const done = (await as('karin').post(`${checks('karin')}/${start.json().id}/complete`, { answers: all('ep', 15, 12, 'min-of-meer') })).json();
    expect(done.result).toMatchObject({ total: 12, band: { code: 'heavy' }, signal: { routedTo: 'support_centre', organisationName: 'Mantelzorgsteunpunt Leiden' } });
    ids.karinCheck = done.id;
    const list = (await as('sanne').get(`/api/organisations/${ids.steunpunt}/burden-signals?status=open`)).json();
    expect(list.items).toEqual([expect.objectContaining({ routedTo: 'support_centre', caregiver: expect.objectContaining({ name: 'Karin de Vries' }), client: null })]);
    ids.karinSignal = list.items[0].id;
    expect((await as('fatima').get(`/api/organisations/${ids.homeCare}/burden-signals?status=open`)).json().total).toBe(0);
    // Not shared: the professional sees neither the result nor a trend point.
    expect((await as('fatima').get(`${checks('karin')}/${done.id}`)).statusCode).toBe(404);
    expect((await as('fatima').get(`/api/circles/${clientId}/members/${members.karin}/burden-trend`)).json().series).toEqual([]);
    const overview = (await as('fatima').get(`/api/circles/${clientId}/burden`)).json().caregivers;
    expect(overview.map((c: { name: string }) => c.name)).toEqual(['Anja de Vries']);
    // Sharing afterwards opens the result to the professional, and (her newest, heavy) it
    // becomes a signal for the professional's organisation, as if shared at once.
    expect((await as('karin').put(`${checks('karin')}/${done.id}/sharing`, { shared: true })).json().sharedWithProfessional).toBe(true);
    expect((await as('fatima').get(`${checks('karin')}/${done.id}`)).statusCode).toBe(200);
    const shared = (await as('fatima').get(`/api/organisations/${ids.homeCare}/burden-signals?status=open`)).json();
    expect(shared.items).toEqual([expect.objectContaining({ routedTo: 'professional', total: 12, instrument: expect.objectContaining({ key: 'ediz-plus' }), caregiver: expect.objectContaining({ name: 'Karin de Vries' }) })]);
    // Sharing again adds nothing.
    expect((await as('karin').put(`${checks('karin')}/${done.id}/sharing`, { shared: true })).statusCode).toBe(200);
    expect((await as('fatima').get(`/api/organisations/${ids.homeCare}/burden-signals/${shared.items[0].id}`)).json().events.map((e: { kind: string }) => e.kind)).toEqual(['created']);
    expect((await as('karin').put(`${checks('karin')}/${done.id}/sharing`, { shared: false })).statusCode).toBe(200);
    expect((await as('fatima').get(`${checks('karin')}/${done.id}`)).statusCode).toBe(404);
    // Stopping sharing takes the result out of the signal; the signal stays.
    expect((await as('fatima').get(`/api/organisations/${ids.homeCare}/burden-signals/${shared.items[0].id}`)).json()).toMatchObject({ total: null, previousTotal: null, instrument: null, bandLabel: null, reasons: [] });
  });

  it('creates a signal for a rise of three points since the previous check', async () => {
    const once = async (value: number) => {
      const id = (await as('piet').post(checks('piet'), { instrument: 'self-rated-burden' })).json().id;
      return (await as('piet').post(`${checks('piet')}/${id}/complete`, { answers: { srb: value } })).json();
    };
    const first = await once(2);
    expect(first.result).toMatchObject({ total: 2, band: null, overload: false, previousTotal: null, signal: null });
    const second = await once(4);
    expect(second.result).toMatchObject({ change: 2, rising: false, signal: null });
    const third = await once(7);
    expect(third.result).toMatchObject({ total: 7, previousTotal: 4, change: 3, rising: true, signal: { routedTo: 'support_centre' } });
    const signal = (await as('sanne').get(`/api/organisations/${ids.steunpunt}/burden-signals/${third.result.signal.id}`)).json();
    expect(signal).toMatchObject({ reasons: ['rise'], total: 7, previousTotal: 4 });
    const trend = (await as('piet').get(`/api/circles/${clientId}/members/${members.piet}/burden-trend`)).json();
    expect(trend.series[0].points.map((p: { total: number }) => p.total)).toEqual([2, 4, 7]);
    expect(trend.series[0].instrument).toMatchObject({ key: 'self-rated-burden', minScore: 0, maxScore: 10, bands: [] });
  });

  it('keeps results private: 404 outside the circle, 403 for other members whatever their level', async () => {
    const anjaTrend = `/api/circles/${clientId}/members/${members.anja}/burden-trend`;
    expect((await as('stranger').get(anjaTrend)).statusCode).toBe(404);
    expect((await as('stranger').post(checks('anja'), { instrument: 'ediz-plus' })).statusCode).toBe(404);
    expect((await as('stranger').get(`/api/circles/${clientId}/burden`)).statusCode).toBe(404);
    const agendaOnly = await as('piet').get(anjaTrend);
    expect(agendaOnly.statusCode).toBe(403);
    expect(agendaOnly.headers['content-type']).toMatch(/problem\+json/);
    expect((await as('piet').get(`${checks('anja')}/${ids.anjaDraft}`)).statusCode).toBe(403);
    // Even the main caregiver (manage level) does not see another caregiver's results.
    expect((await as('anja').get(`/api/circles/${clientId}/members/${members.karin}/burden-trend`)).statusCode).toBe(403);
    expect((await as('piet').get(`/api/circles/${clientId}/burden`)).json().caregivers.map((c: { name: string; isMe: boolean }) => [c.name, c.isMe])).toEqual([['Piet de Vries', true]]);
    // A volunteer is not a caregiver: no burden check on them.
    expect((await as('fatima').post(checks('joost'), { instrument: 'ediz' })).statusCode).toBe(400);
    // The professional sees the shared trend, but cannot share for the caregiver or set her schedule.
    expect((await as('fatima').get(anjaTrend)).json().series[0].points).toHaveLength(1);
    expect((await as('fatima').put(`${checks('anja')}/${ids.anjaDraft}/sharing`, { shared: false })).statusCode).toBe(403);
    expect((await as('fatima').get(`/api/circles/${clientId}/members/${members.anja}/burden-schedules`)).statusCode).toBe(403);
  });

  it('lets a professional take the check in a conversation, recorded as administered by them', async () => {
    const start = await as('fatima').post(checks('anja'), { instrument: 'csi' });
    expect(start.statusCode, start.body).toBe(201);
    expect(start.json()).toMatchObject({ mode: 'professional', administeredBy: 'fatima', organisation: { id: ids.homeCare } });
    // The caregiver's own drafts are separate from the professional's.
    expect((await as('anja').get(`${checks('anja')}?status=in_progress`)).json().items).toEqual([]);
    const done = (await as('fatima').post(`${checks('anja')}/${start.json().id}/complete`, { answers: all('csi', 13, 7) })).json();
    expect(done.result).toMatchObject({ total: 7, overload: true, band: { code: 'high' }, signal: { routedTo: 'professional', organisationName: 'Thuiszorg Leiden' } });
    expect(done.sharedWithProfessional).toBe(true);
    const signal = (await as('fatima').get(`/api/organisations/${ids.homeCare}/burden-signals/${done.result.signal.id}`)).json();
    expect(signal.assignedTo).toMatchObject({ userId: ids.fatima });
    const { rows } = await t.db.query<{ kind: string }>("select kind from caregiver_contacts where member_id = $1 and kind = 'conversation'", [members.anja]);
    expect(rows).toHaveLength(1);
    // The caregiver sees it in her own trend too.
    const trend = (await as('anja').get(`/api/circles/${clientId}/members/${members.anja}/burden-trend?instrument=csi`)).json();
    expect(trend.series[0].points[0]).toMatchObject({ total: 7, mode: 'professional', bandLabel: 'Hoge belasting' });
    // Closing early needs a reason.
    const url = `/api/organisations/${ids.homeCare}/burden-signals/${done.result.signal.id}`;
    expect((await as('fatima').post(`${url}/status`, { status: 'closed' })).statusCode).toBe(400);
    expect((await as('fatima').post(`${url}/status`, { status: 'closed', note: 'Al besproken in het gesprek zelf; plan loopt via eerder signaal.' })).json().status).toBe('closed');
  });

  it('binds every response to the instrument version it answered, also after an import of a new version', async () => {
    const file = (await as('admin').get('/api/burden/instruments/ediz-plus')).json().questionnaire;
    const next = { ...file, version: '1.1.0', item: file.item.map((i: { linkId: string; text: string }) => (i.linkId === 'ep-01' ? { ...i, text: 'Door de zorg houd ik te weinig tijd over voor mezelf.' } : i)) };
    expect((await as('anja').post('/api/admin/burden/instruments', { questionnaire: next })).statusCode).toBe(403);
    const broken = await as('admin').post('/api/admin/burden/instruments', { questionnaire: { ...next, extension: [] } });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().errors[0]).toMatchObject({ path: '/questionnaire/extension', message: expect.stringMatching(/scoringsextensie/) });
    const imported = await as('admin').post('/api/admin/burden/instruments', { questionnaire: next });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({ key: 'ediz-plus', version: '1.1.0', current: true });
    expect((await as('admin').post('/api/admin/burden/instruments', { questionnaire: next })).json().code).toBe('conflict');
    const old = (await as('anja').get(`${checks('anja')}/${ids.anjaDraft}`)).json();
    expect(old.instrument).toMatchObject({ version: '1.0.0', isCurrentVersion: false });
    expect(old.items[0].text).toBe('Door de zorg voor mijn naaste heb ik te weinig tijd voor mijn eigen leven.');
    expect(old.result.total).toBe(9);
    const fresh = (await as('anja').post(checks('anja'), { instrument: 'ediz-plus' })).json();
    expect(fresh.instrument).toMatchObject({ version: '1.1.0', isCurrentVersion: true });
    expect(fresh.items[0].text).toBe('Door de zorg houd ik te weinig tijd over voor mezelf.');
    expect((await as('anja').del(`${checks('anja')}/${fresh.id}`)).statusCode).toBe(204);
    // A new instrument works without code changes.
    const own = { ...next, id: 'mijn-check', url: 'https://voorbeeld.nl/fhir/Questionnaire/mijn-check', version: '1', title: 'Eigen check' };
    expect((await as('admin').post('/api/admin/burden/instruments', { questionnaire: own })).statusCode).toBe(201);
    expect((await as('admin').post('/api/admin/burden/instruments', { questionnaire: { ...own, version: '2', url: 'https://ander.nl/x' } })).json().code).toBe('conflict');
  });

  it('records a completed check in one go for the FHIR layer, refusing incomplete answers', async () => {
    const origin = { ip: null, sourceSystem: 'fhir' as const };
    const actor = { userId: ids.karin as string, email: 'karin@example.nl', displayName: 'karin', isPlatformAdmin: false, personas: [], locale: 'nl' as const, municipalityCode: null, memberships: [], sessionId: 'x', mfaVerified: false, mfaRequired: false, totpEnabled: false };
    await expect(burdenCheckRecorder(t.services, actor, { clientId, memberId: members.karin as string, instrumentKey: 'csi', answers: all('csi', 12, 3) }, origin)).rejects.toMatchObject({ code: 'validation_failed' });
    const view = await burdenCheckRecorder(t.services, actor, { clientId, memberId: members.karin as string, instrumentKey: 'csi', instrumentVersion: '1.0.0', answers: all('csi', 13, 3) }, origin);
    expect(view.row).toMatchObject({ status: 'completed', total: 3, source_system: 'fhir', mode: 'self' });
  });

  it('keeps a schedule per caregiver that she can change', async () => {
    const url = `/api/circles/${clientId}/members/${members.anja}/burden-schedules`;
    const items = (await as('anja').get(url)).json().items as { instrumentKey: string; intervalMonths: number | null; enabled: boolean; stored: boolean; nextDueOn: string | null }[];
    const by = (k: string) => items.find((i) => i.instrumentKey === k);
    expect(by('self-rated-burden')).toMatchObject({ intervalMonths: 1, enabled: true, stored: true });
    expect(by('ediz-plus')).toMatchObject({ intervalMonths: 3, enabled: true, stored: true });
    expect(by('csi')).toMatchObject({ intervalMonths: null, enabled: false, stored: false });
    const changed = (await as('anja').put(`${url}/ediz-plus`, { intervalMonths: 2 })).json().items.find((i: { instrumentKey: string }) => i.instrumentKey === 'ediz-plus');
    expect(changed.intervalMonths).toBe(2);
    expect(changed.nextDueOn > (by('ediz-plus')?.nextDueOn ?? '')).toBe(false);
    expect((await as('anja').put(`${url}/ediz-plus`, { intervalMonths: 13 })).statusCode).toBe(400);
    expect((await as('anja').put(`${url}/ediz-plus`, {})).statusCode).toBe(400);
    const me = (await as('anja').get('/api/burden/me')).json().circles[0];
    expect(me).toMatchObject({ clientId, memberId: members.anja, clientGivenName: 'Gerrit' });
    expect(me.latest.map((l: { instrumentKey: string }) => l.instrumentKey).sort()).toEqual(['csi', 'ediz-plus']);
  });

  it('writes a reminder once per due date, also when two instances run the job together', async () => {
    expect((await runBurdenReminders(t.services)).sent).toBe(0);
    const later = new Date(t.services.now().getTime() + 35 * DAY);
    const [a, b] = await Promise.all([runBurdenReminders(t.services, later), runBurdenReminders(t.services, later)]);
    // Anja: check-in (monthly) and EDIZ-plus (now every two months: not yet); Karin and Piet: their check-in.
    expect(a.sent + b.sent).toBe(3);
    expect((await runBurdenReminders(t.services, new Date(later.getTime() + DAY))).sent).toBe(0);
    const { rows } = await t.db.query<{ n: number }>("select count(*)::int as n from outbox where to_address = 'anja@example.nl' and subject like 'Hoe gaat het met u?%'");
    expect(rows[0]?.n).toBe(1);
    const mail = await lastMailTo(t.db, 'anja@example.nl');
    expect(mail?.body_text).toContain(`/kringen/${clientId}/belasting`);
    expect(mail?.body_text).not.toMatch(/Gerrit|score/i);
    // A month later: Anja's EDIZ-plus (every two months) is due; the check-ins were reminded
    // already for their due date, and Karin switched hers off.
    await as('karin').put(`/api/circles/${clientId}/members/${members.karin}/burden-schedules/self-rated-burden`, { enabled: false });
    expect((await runBurdenReminders(t.services, new Date(later.getTime() + 30 * DAY))).sent).toBe(1);
    const karin = await t.db.query<{ n: number }>("select count(*)::int as n from outbox where to_address = 'karin@example.nl' and subject like 'Hoe gaat het met u?%'");
    expect(karin.rows[0]?.n).toBe(1);
  });

  it('escalates a signal nobody picked up within the set number of days, once', async () => {
    expect((await runSignalEscalations(t.services)).escalated).toBe(0);
    const late = new Date(t.services.now().getTime() + SIGNAL_ESCALATION_DAYS * DAY + 60_000);
    const [a, b] = await Promise.all([runSignalEscalations(t.services, late), runSignalEscalations(t.services, late)]);
    // Karin's and Piet's signals at the support centre, and Karin's shared-later one at the
    // home care organisation; Anja's are closed.
    expect(a.escalated + b.escalated).toBe(3);
    expect((await runSignalEscalations(t.services, late)).escalated).toBe(0);
    expect((await lastMailTo(t.db, 'sanne@steunpunt.nl'))?.subject).toMatch(/niet opgepakt/i);
    const escalated = (await as('sanne').get(`/api/organisations/${ids.steunpunt}/burden-signals?escalated=true`)).json();
    expect(escalated.total).toBe(2);
    expect(escalated.items[0].escalatedAt).not.toBeNull();
    const detail = (await as('sanne').get(`/api/organisations/${ids.steunpunt}/burden-signals/${ids.karinSignal}`)).json();
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'escalated']);
  });

  it('runs due jobs through the job runner on one instance at a time', async () => {
    await t.db.query('delete from jobs');
    const one = createJobRunner(t.services, BURDEN_JOBS);
    const two = createJobRunner(t.services, BURDEN_JOBS);
    const [ranOne, ranTwo] = await Promise.all([one.runDue(), two.runDue()]);
    expect([...ranOne, ...ranTwo].sort()).toEqual(['burden-reminders', 'burden-signal-escalations']);
    expect(await one.runDue()).toEqual([]);
    const { rows } = await t.db.query<{ name: string; runs: number; last_error: string | null }>('select name, runs, last_error from jobs order by name');
    expect(rows).toEqual([
      { name: 'burden-reminders', runs: 1, last_error: null },
      { name: 'burden-signal-escalations', runs: 1, last_error: null },
    ]);
    one.start();
    await one.stop();
  });

  it('logs reads and changes of burden data in the access log', async () => {
    const { rows } = await t.db.query<{ resource_type: string; action: string }>(
      "select distinct resource_type, action from audit_log where client_id = $1 and resource_type like 'burden%' order by 1, 2",
      [clientId],
    );
    const seen = rows.map((r) => `${r.resource_type}:${r.action}`);
    expect(seen).toEqual(expect.arrayContaining(['burden_response:create', 'burden_response:read', 'burden_response:update', 'burden_signal:create', 'burden_signal:read', 'burden_signal:update', 'burden_signal_action:create', 'burden_reminder:create']));
  });
});
