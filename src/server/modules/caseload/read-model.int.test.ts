import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../../test/support/engines.ts';
import { createTestUser, useTestDb } from '../../../../test/support/harness.ts';
import { endLink, insertClient, insertConsent, insertLink, updateClient } from '../circles/queries.ts';
import { insertOrganisation } from '../organisations/queries.ts';
import { listCaseload } from './queries.ts';

/**
 * The caseload read model (migration 0070): each link carries the client's sort name and the
 * organisation's newest consent decision, kept by triggers. Whatever happens to links,
 * decisions and names, the list must show exactly the clients `current_consents` allows.
 */
describeEachEngine('caseload read model', (engine) => {
  const db = useTestDb(engine);
  const TODAY = '2026-12-07';

  /** What the list shows (by name), and what the truth says it should show, in the same order. */
  const shownAndTruth = async (organisationId: string) => {
    const { rows, total } = await listCaseload(db, { organisationId, today: TODAY, search: '', filters: [], sort: 'name', descending: false, now: new Date(`${TODAY}T12:00:00Z`), limit: 50, offset: 0 });
    const truth = await db.query<{ id: string }>(
      `select c.id from client_organisation_links l join clients c on c.id = l.client_id
       join current_consents cc on cc.client_id = l.client_id and cc.organisation_id = l.organisation_id
       where l.organisation_id = $1 and l.ended_at is null and cc.decision = 'permit' and (cc.valid_until is null or cc.valid_until >= $2::date)
       order by lower(c.family_name), lower(c.given_name), c.id`,
      [organisationId, TODAY],
    );
    return { shown: rows.map((r) => r.client_id), total, truth: truth.rows.map((r) => r.id) };
  };

  it('follows links, consent decisions in any order, end dates and renames', async () => {
    const by = await createTestUser(db, { email: 'pro@example.nl', password: 'Lees-model-wachtwoord-1' });
    const org = await insertOrganisation(db, { name: 'Wijkzorg', kind: 'care_provider', sector: 'home_care', municipalityCode: 'GM0193', region: 'Zwolle' });
    const client = (givenName: string, familyName: string) =>
      insertClient(db, { tenantKey: 'GM0193', givenName, familyName, birthDate: null, careSituation: null, careNeeds: [], bsn: null, bsnRecordedBy: null, decider: 'client', createdBy: by });
    const decide = (clientId: string, decision: 'permit' | 'deny', validUntil: string | null = null) =>
      insertConsent(db, { clientId, tenantKey: 'GM0193', organisationId: org, decision, accessLevel: decision === 'permit' ? 'full' : null, validUntil, decidedAs: 'client', recordedBy: by });
    const link = (clientId: string) => insertLink(db, { clientId, tenantKey: 'GM0193', organisationId: org, createdBy: by });

    const [anna, bert, cor, dirk] = [await client('Anna', 'Visser'), await client('Bert', 'Bakker'), await client('Cor', 'Mulder'), await client('Dirk', 'de Jong')];
    // Consent before the link (Anna), after it (Bert), never (Cor), permit then deny (Dirk).
    await decide(anna, 'permit');
    await link(anna);
    await link(bert);
    await decide(bert, 'permit');
    await link(cor);
    await link(dirk);
    await decide(dirk, 'permit');
    let now = await shownAndTruth(org);
    expect(now.shown).toEqual([bert, dirk, anna]);
    expect(now).toEqual({ shown: now.truth, total: 3, truth: now.truth });

    await decide(dirk, 'deny');
    await decide(bert, 'permit', '2026-12-01'); // ran out before today
    await updateClient(db, anna, { familyName: 'Aalders' });
    now = await shownAndTruth(org);
    expect(now.shown).toEqual([anna]);
    expect(now).toEqual({ shown: now.truth, total: 1, truth: now.truth });

    // An ended link shows nothing, a new link with the same client picks up the newest decision.
    await endLink(db, anna, org);
    expect((await shownAndTruth(org)).shown).toEqual([]);
    await link(anna);
    await decide(cor, 'permit');
    now = await shownAndTruth(org);
    expect(now.shown).toEqual([anna, cor]);
    expect(now).toEqual({ shown: now.truth, total: 2, truth: now.truth });
  });
});
