import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../../test/support/engines.ts';
import { createTestApp, login, requestsAs, sessionCookie, type TestApp } from '../../../../test/support/harness.ts';
import { generateScale, SCALE_PASSWORD, scaleEmail, ScaleError, type ScaleSummary } from './generate.ts';

const CAREGIVERS = 400;

describeEachEngine('scale generator', (engine) => {
  let t: TestApp;
  let summary: ScaleSummary;
  const progress: number[] = [];
  beforeAll(async () => {
    t = await createTestApp(engine);
    summary = await generateScale(t.db, { caregivers: CAREGIVERS, chunk: 50, seed: 11, onProgress: (done) => progress.push(done) });
  }, 120_000);
  afterAll(() => t.close());

  it('creates exactly the asked number of caregivers, each with an account in a circle', async () => {
    expect(summary.caregivers).toBe(CAREGIVERS);
    const { rows } = await t.db.query<{ accounts: number; members: number; clients: number; without_main: number }>(
      `select (select count(*)::int from users where 'caregiver' = any(personas)) as accounts,
              (select count(*)::int from circle_members where kind = 'caregiver' and user_id is not null) as members,
              (select count(*)::int from clients) as clients,
              (select count(*)::int from clients c where not exists (
                 select 1 from circle_members m where m.client_id = c.id and m.is_main_caregiver)) as without_main`,
    );
    expect(rows[0]).toEqual({ accounts: CAREGIVERS, members: CAREGIVERS, clients: summary.clients, without_main: 0 });
    expect(progress.at(-1)).toBe(CAREGIVERS);
    expect(progress.length).toBeGreaterThan(2);
  });

  it('keeps the data consistent: links have consent, signals follow the rules for shared results, past due dates were reminded', async () => {
    const { rows } = await t.db.query<{ links_without_consent: number; bad_signals: number; provider_signals_unshared: number; signals: number; municipalities: number; unreminded: number }>(
      `select (select count(*)::int from client_organisation_links l where not exists (
                 select 1 from current_consents c where c.client_id = l.client_id and c.organisation_id = l.organisation_id and c.decision = 'permit')) as links_without_consent,
              (select count(*)::int from burden_signals s join burden_responses r on r.id = s.latest_response_id
                where not (r.total >= 9 or 'rise' = any(s.reasons))) as bad_signals,
              (select count(*)::int from burden_signals s join burden_responses r on r.id = s.latest_response_id
                where s.routed_to = 'professional' and not r.shared_with_professional) as provider_signals_unshared,
              (select count(*)::int from burden_signals) as signals,
              (select count(distinct tenant_key)::int from clients) as municipalities,
              (select count(*)::int from burden_schedules s where s.next_due_on < current_date
                and not exists (select 1 from burden_reminders br where br.schedule_id = s.id and br.due_on = s.next_due_on)) as unreminded`,
    );
    expect(rows[0]).toMatchObject({ links_without_consent: 0, bad_signals: 0, provider_signals_unshared: 0, signals: summary.signals, unreminded: 0 });
    expect(rows[0]?.municipalities).toBeGreaterThan(100);
    expect(summary.signals).toBeGreaterThan(0);
  });

  it('gives accounts that work in the app: a caregiver sees her circle, a professional the caseload', async () => {
    const caregiver = await login(t, scaleEmail.caregiver(1), SCALE_PASSWORD);
    expect(caregiver.statusCode).toBe(200);
    const circles = await requestsAs(t.app, sessionCookie(caregiver)).get('/api/circles');
    expect(circles.statusCode).toBe(200);
    expect(circles.json().items.length).toBeGreaterThan(0);

    const pro = await login(t, scaleEmail.professional(1), SCALE_PASSWORD);
    expect(pro.statusCode).toBe(200);
    const as = requestsAs(t.app, sessionCookie(pro));
    const me = await as.get('/api/me');
    const org = me.json().memberships[0].organisationId as string;
    const caseload = await as.get(`/api/organisations/${org}/clients?pageSize=50`);
    expect(caseload.statusCode).toBe(200);
    expect(caseload.json().total).toBeGreaterThan(0);
  });

  it('refuses to run twice on the same database', async () => {
    await expect(generateScale(t.db, { caregivers: 10 })).rejects.toBeInstanceOf(ScaleError);
  });
});
