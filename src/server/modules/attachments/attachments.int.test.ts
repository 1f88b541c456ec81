import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, createTestCircle, createTestUser, requestsAs, sessionCookie, TEST_TOTP_SECRET, type TestApp } from '../../../../test/support/harness.ts';
import { describeEachEngine } from '../../../../test/support/engines.ts';
import { ATTACHMENT_MAX_BYTES } from '../../../common/attachments.ts';
import { currentTotp } from '../../platform/totp.ts';
import { insertMembership, insertOrganisation } from '../organisations/queries.ts';
import { contentDisposition } from './present.ts';
import { minimalPdf, solidPng } from './samples.ts';

const PW = 'Bijlage-wachtwoord-1';

/** A multipart/form-data body with one file (and optional extra files). */
function multipart(files: { name: string; type: string; bytes: Buffer }[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----mantelkring' + Math.random().toString(16).slice(2);
  const parts = files.map((f) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`),
      f.bytes,
      Buffer.from('\r\n'),
    ]),
  );
  return { payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(200, 1)]);
const HTML = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');
const SVG = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0]), Buffer.alloc(100)]);

/** Issue 16 part 5: files on logbook entries, visible exactly as their entry. */
describeEachEngine('logbook attachments (issue 16)', (engine) => {
  let t: TestApp;
  let anja: string; // manage
  let joost: string; // agenda
  let fatima: string; // full, via organisation
  let stranger: string;
  let gerrit: string;
  const ids: Record<string, string> = {};
  const entries: Record<string, string> = {};

  const as = (cookie: string) => requestsAs(t.app, cookie);
  const login = async (email: string, totp = false) =>
    sessionCookie(await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PW, ...(totp ? { totp: currentTotp(TEST_TOTP_SECRET) } : {}) } }));
  const url = (entryId: string | undefined, rest = '') => `/api/circles/${gerrit}/logbook/${entryId}/attachments${rest}`;
  const upload = (cookie: string, entryId: string | undefined, files: { name: string; type: string; bytes: Buffer }[], lang = 'nl') => {
    const body = multipart(files);
    return t.app.inject({ method: 'POST', url: url(entryId), headers: { ...body.headers, cookie, 'accept-language': lang }, payload: body.payload });
  };
  const send = async (cookie: string, entryId: string | undefined, file: { name: string; type: string; bytes: Buffer }) => {
    const body = multipart([file]);
    return t.app.inject({ method: 'POST', url: url(entryId), headers: { ...body.headers, cookie }, payload: body.payload });
  };
  const count = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from logbook_attachments')).rows[0]?.n ?? 0;

  beforeAll(async () => {
    t = await createTestApp(engine);
    for (const email of ['anja@example.nl', 'joost@example.nl', 'vreemde@example.nl']) ids[email] = await createTestUser(t.db, { email, password: PW });
    const fatimaId = await createTestUser(t.db, { email: 'fatima@zorg.nl', password: PW, totp: true });
    const homeCare = await insertOrganisation(t.db, { name: 'Thuiszorg Leiden', kind: 'care_provider', sector: 'home_care', municipalityCode: 'GM0546', region: 'Leiden' });
    await insertMembership(t.db, { organisationId: homeCare, userId: fatimaId, role: 'professional', jobTitle: 'Wijkverpleegkundige' });
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
    for (const [key, cookie, visibility] of [['circle', anja, 'circle'], ['full', fatima, 'full']] as const) {
      const res = await as(cookie).post(`/api/circles/${gerrit}/logbook`, { body: `Stuk ${key}`, visibility });
      expect(res.statusCode, res.body).toBe(201);
      entries[key] = res.json().id;
    }
  });
  afterAll(async () => t?.close());

  it('the author uploads a PDF; the entry lists it; a reader downloads it with safe headers', async () => {
    const pdf = minimalPdf('Hallo');
    const res = await send(anja, entries.circle, { name: '../..\\Brief van de huisarts: 2026.exe', type: 'application/octet-stream', bytes: pdf });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ name: 'Brief van de huisarts 2026.pdf', mediaType: 'application/pdf', size: pdf.length, mine: true });
    const entry = (await as(joost).get(`/api/circles/${gerrit}/logbook/${entries.circle}`)).json();
    expect(entry.attachments).toEqual([expect.objectContaining({ id: a.id, name: a.name, mediaType: 'application/pdf', size: pdf.length, mine: false })]);
    const listed = (await as(joost).get(`/api/circles/${gerrit}/logbook`)).json().items.find((e: { id: string }) => e.id === entries.circle);
    expect(listed.attachments).toHaveLength(1);

    const dl = await as(joost).get(url(entries.circle, `/${a.id}`));
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toBe(`attachment; filename="Brief van de huisarts 2026.pdf"; filename*=UTF-8''Brief%20van%20de%20huisarts%202026.pdf`);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['cache-control']).toBe('private, no-store');
    expect(Buffer.compare(dl.rawPayload, pdf)).toBe(0);
    const audited = await t.db.query(`select 1 from audit_log where resource_type = 'logbook_attachment' and action = 'read' and resource_id = $1 and user_id = $2`, [a.id, ids['joost@example.nl']]);
    expect(audited.rowCount).toBe(1);
    const created = await t.db.query(`select 1 from audit_log where resource_type = 'logbook_attachment' and action = 'create' and resource_id = $1`, [a.id]);
    expect(created.rowCount).toBe(1);
  });

  it('a PNG is stored with the type of its content, whatever the browser said', async () => {
    const res = await send(anja, entries.circle, { name: 'foto', type: 'text/html', bytes: solidPng(4, 3, [200, 10, 10]) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: 'foto.png', mediaType: 'image/png' });
  });

  it('refuses executables, HTML, SVG, archives, unknown and renamed files with 400 and a clear key; nothing is stored', async () => {
    const before = await count();
    for (const [name, type, bytes] of [
      ['setup.exe', 'application/x-msdownload', EXE],
      ['brief.pdf', 'application/pdf', EXE],
      ['pagina.html', 'text/html', HTML],
      ['plaatje.svg', 'image/svg+xml', SVG],
      ['map.zip', 'application/zip', ZIP],
      ['script.sh', 'text/plain', Buffer.from('#!/bin/sh\nrm -rf /\n')],
    ] as const) {
      const res = await send(anja, entries.circle, { name, type, bytes });
      expect(res.statusCode, name).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().messageKey, name).toBe('attachment_type_refused');
    }
    const empty = await send(anja, entries.circle, { name: 'leeg.pdf', type: 'application/pdf', bytes: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().messageKey).toBe('attachment_empty');
    const big = Buffer.concat([minimalPdf('groot'), Buffer.alloc(ATTACHMENT_MAX_BYTES)]);
    const tooLarge = await send(anja, entries.circle, { name: 'groot.pdf', type: 'application/pdf', bytes: big });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().messageKey).toBe('attachment_too_large');
    const english = await upload(anja, entries.circle, [{ name: 'x.svg', type: 'image/svg+xml', bytes: SVG }], 'en');
    expect(english.json().detail).toContain('This kind of file is not allowed');
    const broken = multipart([{ name: 'a.pdf', type: 'application/pdf', bytes: minimalPdf('x') }]);
    const wrongBoundary = await t.app.inject({ method: 'POST', url: url(entries.circle), headers: { 'content-type': 'multipart/form-data; boundary=anders', cookie: anja }, payload: broken.payload });
    expect(wrongBoundary.statusCode, wrongBoundary.body).toBe(400);
    const twoFiles = await upload(anja, entries.circle, [{ name: 'a.pdf', type: 'application/pdf', bytes: minimalPdf('a') }, { name: 'b.pdf', type: 'application/pdf', bytes: minimalPdf('b') }]);
    expect(twoFiles.statusCode, twoFiles.body).toBe(400);
    expect(twoFiles.json().messageKey).toBe('attachment_one_file');
    const notMultipart = await as(anja).post(url(entries.circle), { file: 'x' });
    expect(notMultipart.statusCode).toBe(400);
    expect(notMultipart.json().messageKey).toBe('attachment_missing');
    expect(await count()).toBe(before);
  });

  it('only the author adds files: another member 403, a reader who cannot see the entry 404, outsiders 404', async () => {
    const pdf = { name: 'a.pdf', type: 'application/pdf', bytes: minimalPdf('x') };
    expect((await send(joost, entries.circle, pdf)).statusCode).toBe(403);
    expect((await send(joost, entries.full, pdf)).statusCode).toBe(404);
    expect((await send(stranger, entries.circle, pdf)).statusCode).toBe(404);
  });

  it("a full entry's attachment is hidden from the volunteer by every route (404), not from full access", async () => {
    const res = await send(fatima, entries.full, { name: 'wond.png', type: 'image/png', bytes: solidPng(2, 2, [0, 0, 0]) });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    expect((await as(anja).get(url(entries.full, `/${id}`))).statusCode).toBe(200);
    for (const path of [url(entries.full, `/${id}`), url(entries.full), url(entries.circle, `/${id}`)]) {
      const r = await as(joost).get(path);
      expect(r.statusCode, path).toBe(404);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
    expect((await as(joost).del(url(entries.full, `/${id}`))).statusCode).toBe(404);
    const list = (await as(joost).get(`/api/circles/${gerrit}/logbook`)).json().items as { id: string }[];
    expect(list.map((e) => e.id)).not.toContain(entries.full);
    expect((await as(stranger).get(url(entries.full, `/${id}`))).statusCode).toBe(404);
    expect((await t.app.inject({ url: url(entries.full, `/${id}`) })).statusCode).toBe(401);
  });

  it('only the uploader deletes a file', async () => {
    const list = (await as(anja).get(url(entries.circle))).json().items as { id: string }[];
    const first = list[0]?.id;
    expect((await as(joost).del(url(entries.circle, `/${first}`))).statusCode).toBe(403);
    expect((await as(anja).del(url(entries.circle, `/${first}`))).statusCode).toBe(204);
    expect((await as(anja).get(url(entries.circle, `/${first}`))).statusCode).toBe(404);
    expect(((await as(anja).get(url(entries.circle))).json().items as unknown[]).length).toBe(list.length - 1);
  });
});

it('Content-Disposition keeps non-ASCII names in filename* only', () => {
  expect(contentDisposition('Überweisung ë.pdf')).toBe(`attachment; filename="Uberweisung e.pdf"; filename*=UTF-8''%C3%9Cberweisung%20%C3%AB.pdf`);
});
