import { beforeAll, expect, it } from 'vitest';
import { createTestCircle, requestsAs, testAccounts, useTestApp } from '../../../../test/support/harness.ts';
import { describeEachEngine } from '../../../../test/support/engines.ts';
import { notify } from '../../platform/notifications.ts';
import { runNotificationDigest, DIGEST_DELAY_MS } from './digest.ts';

const PW = 'Meldingen-test-wachtwoord-1';

describeEachEngine('in-app notifications and the e-mail digest', (engine) => {
  const t = useTestApp(engine);
  const accounts = testAccounts(t, PW);
  const as = (key: string) => requestsAs(t.app, accounts.cookies[key]);
  const outboxTo = async (to: string) => (await t.db.query<{ subject: string }>('select subject from outbox where to_address = $1 order by created_at', [to])).rows;

  beforeAll(async () => {
    for (const key of ['anja', 'bert', 'carla', 'dirk']) {
      await accounts.create(key);
      await accounts.login(key);
    }
  });

  it('lists a person’s own notifications, newest first, with the unread count; a repeated event is one notification', async () => {
    const anja = accounts.users.anja as string;
    expect(await notify(t.db, [{ userId: anja, kind: 'thread_message', params: { subject: 'Planning' }, link: '/meldingen', dedupeKey: 'm1' }])).toBe(1);
    expect(await notify(t.db, [{ userId: anja, kind: 'thread_message', params: { subject: 'Planning' }, dedupeKey: 'm1' }])).toBe(0);
    await notify(t.db, [{ userId: anja, kind: 'agenda_reminder', params: { title: 'Fysio' } }, { userId: accounts.users.bert as string, kind: 'logbook_entry' }]);

    const page = await as('anja').get('/api/notifications');
    expect(page.statusCode, page.body).toBe(200);
    const body = page.json();
    expect(body.total).toBe(2);
    expect(body.unread).toBe(2);
    expect(body.items.map((n: { kind: string }) => n.kind)).toEqual(['agenda_reminder', 'thread_message']);
    expect(body.items[1].params).toEqual({ subject: 'Planning' });

    // Nobody sees or changes another person's notifications.
    const bertView = (await as('bert').get('/api/notifications')).json();
    expect(bertView.items.map((n: { kind: string }) => n.kind)).toEqual(['logbook_entry']);
    const anjaFirst = body.items[0].id as string;
    expect((await as('bert').post('/api/notifications/read', { ids: [anjaFirst] })).statusCode).toBe(204);
    expect((await as('anja').get('/api/notifications')).json().unread).toBe(2);

    expect((await as('anja').post('/api/notifications/read', { ids: [anjaFirst] })).statusCode).toBe(204);
    const after = (await as('anja').get('/api/notifications?unread=true')).json();
    expect(after.unread).toBe(1);
    expect(after.items.map((n: { kind: string }) => n.kind)).toEqual(['thread_message']);
    expect((await as('anja').post('/api/notifications/read', {})).statusCode).toBe(204);
    expect((await as('anja').get('/api/notifications')).json().unread).toBe(0);
  });

  it('leaves out the names and the link of a notification about a circle the person no longer sees', async () => {
    const circle = await createTestCircle(as('dirk'), { client: { givenName: 'Gerrit', familyName: 'de Vries', municipalityCode: 'GM0546' }, clientCanDecide: false });
    const client = { id: circle.clientId, tenantKey: (await t.db.query<{ tenant_key: string }>('select tenant_key from clients where id = $1', [circle.clientId])).rows[0]?.tenant_key ?? '' };
    const params = { author: 'Carla', clientName: 'Gerrit de Vries' };
    const link = `/kringen/${circle.clientId}/dagboek`;
    // Dirk started the circle and still sees it; Anja never was (or no longer is) in it.
    await notify(t.db, [{ userId: accounts.users.dirk as string, kind: 'logbook_entry', client, params, link }, { userId: accounts.users.anja as string, kind: 'logbook_entry', client, params, link }]);
    const dirk = (await as('dirk').get('/api/notifications')).json().items[0];
    expect(dirk).toMatchObject({ params, link, accessEnded: false });
    const anja = (await as('anja').get('/api/notifications')).json().items.find((n: { clientId: string | null }) => n.clientId === circle.clientId);
    expect(anja).toMatchObject({ params: {}, link: null, accessEnded: true });
    expect(JSON.stringify(anja)).not.toContain('Gerrit');
    // Read, so the digest test below starts from nothing unread.
    for (const key of ['dirk', 'anja']) expect((await as(key).post('/api/notifications/read', {})).statusCode).toBe(204);
  });

  it('refuses bad input with a problem and visitors with 401', async () => {
    const bad = await as('anja').post('/api/notifications/read', { ids: ['not-an-id'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect((await as('anja').get('/api/notifications?unread=maybe')).statusCode).toBe(400);
    expect((await requestsAs(t.app, undefined).get('/api/notifications')).statusCode).toBe(401);
  });

  it('mails one digest per person for unread notifications after four hours, once, and never to someone who turned it off', async () => {
    const carla = accounts.users.carla as string;
    const bert = accounts.users.bert as string;
    expect((await as('bert').put('/api/me/notification-digest', { enabled: false })).json()).toEqual({ enabled: false });
    expect((await as('carla').get('/api/me/notification-digest')).json()).toEqual({ enabled: true });
    await notify(t.db, [{ userId: carla, kind: 'circle_request' }, { userId: carla, kind: 'review_due' }, { userId: bert, kind: 'circle_request' }]);

    // Too fresh: nothing yet.
    await runNotificationDigest(t.services, t.services.now());
    expect(await outboxTo('carla@example.nl')).toEqual([]);

    const later = new Date(t.services.now().getTime() + DIGEST_DELAY_MS + 60_000);
    // Two instances at once: one mail.
    const results = await Promise.all([runNotificationDigest(t.services, later), runNotificationDigest(t.services, later)]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect((await outboxTo('carla@example.nl')).map((m) => m.subject)).toEqual(['Mantelkring: 2 nieuwe meldingen']);
    expect(await outboxTo('bert@example.nl')).toEqual([]);

    // A new one the same day waits for the next day.
    await notify(t.db, [{ userId: carla, kind: 'thread_message' }]);
    await runNotificationDigest(t.services, new Date(later.getTime() + DIGEST_DELAY_MS + 60_000));
    expect(await outboxTo('carla@example.nl')).toHaveLength(1);
  });
});
