import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, createTestCircle, createTestUser, sessionCookie, TEST_TOTP_SECRET, type TestApp, requestsAs } from '../../../../test/support/harness.ts';
import { describeEachEngine } from '../../../../test/support/engines.ts';
import { currentTotp } from '../../platform/totp.ts';
import { insertMembership, insertOrganisation } from '../organisations/queries.ts';

const PW = 'Berichten-wachtwoord-1';

/** Issue 16: message threads in a circle. */
describeEachEngine('message threads', (engine) => {
  let t: TestApp;
  let anja: string; // main caregiver
  let joost: string; // volunteer, agenda level
  let fatima: string; // professional, home care
  let stranger: string;
  let gerrit: string;
  const ids: Record<string, string> = {};

  const as = (cookie: string) => requestsAs(t.app, cookie);
  const login = async (email: string, totp = false) =>
    sessionCookie(await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PW, ...(totp ? { totp: currentTotp(TEST_TOTP_SECRET) } : {}) } }));
  const unread = async (cookie: string, threadId: string): Promise<number | undefined> => {
    const res = await as(cookie).get(`/api/circles/${gerrit}/threads`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { id: string; unreadCount: number }[]).find((x) => x.id === threadId)?.unreadCount;
  };
  const notificationsOf = async (threadId: string) =>
    (await t.db.query<{ user_id: string }>(`select user_id from notifications where kind = 'thread_message' and params->>'threadId' = $1 order by user_id`, [threadId])).rows.map((r) => r.user_id);

  beforeAll(async () => {
    t = await createTestApp(engine);
    for (const key of ['anja', 'joost', 'vreemde']) ids[key] = await createTestUser(t.db, { email: `${key}@example.nl`, password: PW, displayName: key });
    ids.fatima = await createTestUser(t.db, { email: 'fatima@zorg.nl', password: PW, totp: true, displayName: 'fatima' });
    const homeCare = await insertOrganisation(t.db, { name: 'Thuiszorg Leiden', kind: 'care_provider', sector: 'home_care', municipalityCode: 'GM0546', region: 'Leiden' });
    await insertMembership(t.db, { organisationId: homeCare, userId: ids.fatima, role: 'professional', jobTitle: 'Wijkverpleegkundige' });
    anja = await login('anja@example.nl');
    joost = await login('joost@example.nl');
    stranger = await login('vreemde@example.nl');
    fatima = await login('fatima@zorg.nl', true);
    const circle = await createTestCircle(
      as(anja),
      { client: { givenName: 'Gerrit', familyName: 'de Vries', municipalityCode: 'GM0546' }, clientCanDecide: false },
      { joost: { kind: 'volunteer', givenName: 'Joost', email: 'joost@example.nl', accessLevel: 'agenda' } },
    );
    gerrit = circle.clientId;
    const invite = (await as(anja).post(`/api/circles/${gerrit}/members/${circle.members.joost}/invitation`, {})).json();
    expect((await as(joost).post('/api/circle-invitations/accept', { code: invite.code })).statusCode).toBe(200);
    const orgCode = (await as(anja).post(`/api/circles/${gerrit}/organisation-invitation`, { accessLevel: 'full' })).json().code;
    expect((await as(fatima).post('/api/circle-invitations/accept', { code: orgCode })).statusCode).toBe(200);
  });
  afterAll(async () => t?.close());

  it('shows a circle thread to an agenda-level member, who can reply; others in the circle are told', async () => {
    const started = await as(anja).post(`/api/circles/${gerrit}/threads`, { subject: 'Planning deze week', audience: 'circle', body: 'Wie kan dinsdag?' });
    expect(started.statusCode, started.body).toBe(201);
    const id: string = started.json().id;
    expect(await notificationsOf(id)).toEqual([ids.joost, ids.fatima].sort());
    expect(await unread(joost, id)).toBe(1);
    expect(await unread(anja, id)).toBe(0);
    const opened = await as(joost).get(`/api/circles/${gerrit}/threads/${id}`);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ subject: 'Planning deze week', audience: 'circle', unreadCount: 0, messages: [{ body: 'Wie kan dinsdag?', author: 'anja', isMine: false }] });
    expect(await unread(joost, id)).toBe(0);
    expect((await as(joost).post(`/api/circles/${gerrit}/threads/${id}/messages`, { body: 'Ik kan dinsdag.' })).statusCode).toBe(201);
    expect(await unread(anja, id)).toBe(1);
    expect(await unread(joost, id)).toBe(0);
    // Every read is in the access log.
    const lines = await t.db.query<{ resource_id: string }>(`select resource_id from audit_log where action = 'read' and resource_type = 'thread' and user_id = $1 and resource_id = $2`, [ids.joost, id]);
    expect(lines.rows.length).toBe(1);
    // Someone outside the circle sees nothing.
    expect((await as(stranger).get(`/api/circles/${gerrit}/threads`)).statusCode).toBe(404);
    expect((await as(stranger).get(`/api/circles/${gerrit}/threads/${id}`)).statusCode).toBe(404);
  });

  it('links the notification to the thread page; opening the thread reads its notifications', async () => {
    const started = await as(fatima).post(`/api/circles/${gerrit}/threads`, { subject: 'Wondzorg', audience: 'circle', body: 'Het wondje geneest goed.' });
    expect(started.statusCode, started.body).toBe(201);
    const id: string = started.json().id;
    const rows = async () =>
      (await t.db.query<{ link: string | null; read_at: Date | null }>(`select link, read_at from notifications where kind = 'thread_message' and params->>'threadId' = $1 and user_id = $2`, [id, ids.anja])).rows;
    expect(await rows()).toEqual([{ link: `/kringen/${gerrit}/berichten/${id}`, read_at: null }]);
    const count = async () => ((await as(anja).get('/api/notifications?pageSize=1&unread=true')).json() as { unread: number }).unread;
    const before = await count();
    expect((await as(anja).get(`/api/circles/${gerrit}/threads/${id}`)).statusCode).toBe(200);
    expect((await rows())[0]?.read_at).toBeInstanceOf(Date);
    expect(await count()).toBe(before - 1);
    // Joost's notification about it stays unread until he opens it himself.
    const joosts = await t.db.query<{ read_at: Date | null }>(`select read_at from notifications where kind = 'thread_message' and params->>'threadId' = $1 and user_id = $2`, [id, ids.joost]);
    expect(joosts.rows).toEqual([{ read_at: null }]);
  });

  it('keeps a private thread between caregiver and professional from the rest of the circle', async () => {
    const people = (await as(anja).get(`/api/circles/${gerrit}/thread-people`)).json().items as { userId: string }[];
    expect(people.map((p) => p.userId).sort()).toEqual([ids.joost, ids.fatima].sort());
    const started = await as(anja).post(`/api/circles/${gerrit}/threads`, { subject: 'Medicatie', audience: 'private', participantUserIds: [ids.fatima], body: 'Kunt u de medicatie bekijken?' });
    expect(started.statusCode, started.body).toBe(201);
    const id: string = started.json().id;
    expect(await notificationsOf(id)).toEqual([ids.fatima]);
    expect(await unread(fatima, id)).toBe(1);
    expect(await unread(joost, id)).toBeUndefined();
    expect((await as(joost).get(`/api/circles/${gerrit}/threads/${id}`)).statusCode).toBe(404);
    expect((await as(joost).post(`/api/circles/${gerrit}/threads/${id}/messages`, { body: 'Mag ik meelezen?' })).statusCode).toBe(404);
    // Fatima reads and answers; unread goes up for Anja and back to 0 when she opens it.
    expect((await as(fatima).get(`/api/circles/${gerrit}/threads/${id}`)).statusCode).toBe(200);
    expect(await unread(fatima, id)).toBe(0);
    expect((await as(fatima).post(`/api/circles/${gerrit}/threads/${id}/messages`, { body: 'Ik kijk er morgen naar.' })).statusCode).toBe(201);
    expect((await as(fatima).post(`/api/circles/${gerrit}/threads/${id}/messages`, { body: 'En ik bel de huisarts.' })).statusCode).toBe(201);
    expect(await unread(anja, id)).toBe(2);
    expect((await as(anja).get(`/api/circles/${gerrit}/threads/${id}`)).json().messages).toHaveLength(3);
    expect(await unread(anja, id)).toBe(0);
    // Notifications only for the other participant, never for Joost or the author.
    expect(await notificationsOf(id)).toEqual([ids.fatima, ids.anja, ids.anja].sort());
  });

  it('answers bad input with a 400 problem', async () => {
    const bad = [
      { subject: '', audience: 'circle', body: 'x' },
      { subject: 'Onderwerp', audience: 'circle', body: 'x'.repeat(4001) },
      { subject: 'Onderwerp', audience: 'everyone', body: 'x' },
      { subject: 'Onderwerp', audience: 'circle', body: 'x', extra: true },
      { subject: 'Onderwerp', audience: 'private', body: 'x' },
      { subject: 'Onderwerp', audience: 'private', participantUserIds: [ids.vreemde], body: 'x' },
      { subject: 'Onderwerp', audience: 'private', participantUserIds: ['geen-id'], body: 'x' },
    ];
    for (const body of bad) {
      const res = await as(anja).post(`/api/circles/${gerrit}/threads`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const priv = await as(anja).post(`/api/circles/${gerrit}/threads`, { subject: 'Onderwerp', audience: 'private', participantUserIds: [ids.vreemde], body: 'x' });
    expect(priv.json()).toMatchObject({ code: 'validation_failed', messageKey: 'thread_participant_not_in_circle' });
    const threads = (await as(anja).get(`/api/circles/${gerrit}/threads`)).json().items as { id: string }[];
    const first = threads[0]?.id ?? '';
    expect((await as(anja).post(`/api/circles/${gerrit}/threads/${first}/messages`, { body: '   ' })).statusCode).toBe(400);
    expect((await as(anja).get(`/api/circles/${gerrit}/threads/niet-een-id`)).statusCode).toBe(400);
    expect(await t.db.query('select 1 from threads where subject = $1', ['Onderwerp']).then((r) => r.rows.length)).toBe(0);
  });
});
