/**
 * Benchmark: the professional's caseload and a circle read at a realistic size.
 * Usage: npm run bench [-- --clients 5000] (PGlite in memory; DATABASE_URL → PostgreSQL).
 * Prints latencies (median and p95 over repeated runs) and memory; no pass/fail here —
 * targets are tracked in docs/ARCHITECTURE.md when the performance issue sets them.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { openMemoryPglite, openPostgres } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import { syncReferenceData } from '../src/db/reference.ts';
import type { Db } from '../src/db/types.ts';
import { listCaseload } from '../src/server/modules/caseload/queries.ts';
import { listMembers, loadAccessFacts } from '../src/server/modules/circles/queries.ts';

const { values } = parseArgs({ options: { clients: { type: 'string', default: '5000' }, runs: { type: 'string', default: '30' } } });
const CLIENTS = Number(values.clients);
const RUNS = Number(values.runs);

async function open(): Promise<Db> {
  if (process.env.DATABASE_URL) {
    const db = await openPostgres(process.env.DATABASE_URL);
    await migrate(db);
    return db;
  }
  return openMemoryPglite();
}

async function seed(db: Db): Promise<{ org: string; user: string; client: string }> {
  await syncReferenceData(db);
  const org = randomUUID();
  const user = randomUUID();
  await db.query("insert into organisations (id, name, kind, sector, municipality_code) values ($1, 'Bench Thuiszorg', 'care_provider', 'home_care', 'GM0546')", [org]);
  await db.query("insert into users (id, email, display_name) values ($1, $2, 'Bench Pro')", [user, `bench-${user}@example.nl`]);
  await db.query("insert into memberships (organisation_id, user_id, role) values ($1, $2, 'professional')", [org, user]);
  const batch = 1000;
  let first = '';
  for (let start = 0; start < CLIENTS; start += batch) {
    const ids = Array.from({ length: Math.min(batch, CLIENTS - start) }, () => randomUUID());
    first ||= ids[0] as string;
    await db.query(
      `insert into clients (id, tenant_key, given_name, family_name) select id, 'GM0546', 'Cliënt', 'Nummer ' || n from unnest($1::uuid[]) with ordinality as x(id, n)`,
      [ids],
    );
    await db.query(
      `insert into circle_members (client_id, tenant_key, kind, is_main_caregiver, given_name, hours_per_week)
       select id, 'GM0546', k, k = 'caregiver' and g = 1, 'Lid', 4 from unnest($1::uuid[]) as c(id)
       cross join (values ('caregiver', 1), ('relative', 2), ('neighbour', 3), ('friend', 4)) as m(k, g)`,
      [ids],
    );
    await db.query("insert into client_organisation_links (client_id, tenant_key, organisation_id) select id, 'GM0546', $2 from unnest($1::uuid[]) as c(id)", [ids, org]);
    await db.query(
      "insert into consent_decisions (client_id, tenant_key, organisation_id, decision, access_level, decided_as) select id, 'GM0546', $2, 'permit', 'full', 'client' from unnest($1::uuid[]) as c(id)",
      [ids, org],
    );
    await db.query(
      `insert into caregiver_contacts (client_id, tenant_key, organisation_id, kind, occurred_at)
       select id, 'GM0546', $2, 'how_are_you', now() - (random() * interval '200 days') from unnest($1::uuid[]) as c(id)`,
      [ids, org],
    );
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { org, user, client: first };
}

async function time(label: string, fn: () => Promise<unknown>): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const pick = (q: number) => (samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] as number).toFixed(1);
  console.log(`${label.padEnd(44)} median ${pick(0.5).padStart(7)} ms   p95 ${pick(0.95).padStart(7)} ms`);
}

const db = await open();
const t0 = performance.now();
const { org, user, client } = await seed(db);
console.log(`engine ${db.kind}; seeded ${CLIENTS} clients × 4 members in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const today = new Date().toISOString().slice(0, 10);
const base = { organisationId: org, today, search: '', filters: [], sort: 'name' as const, descending: false, offset: 0, limit: 25, now: new Date() };
await time('caseload page 1, sorted by name', () => listCaseload(db, base));
await time('caseload last page, sorted by last contact', () => listCaseload(db, { ...base, sort: 'last_contact', offset: Math.max(0, CLIENTS - 25) }));
await time('caseload filtered: no recent contact', () => listCaseload(db, { ...base, filters: ['no_recent_contact'] }));
await time('caseload search "Nummer 42"', () => listCaseload(db, { ...base, search: 'Nummer 42' }));
await time('access facts for one client', () => loadAccessFacts(db, { userId: user, clientId: client, today, professionalOrgIds: [org] }));
await time('members of one circle', () => listMembers(db, client, today));
console.log(`rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
await db.close();
