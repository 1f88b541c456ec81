import { randomUUID } from 'node:crypto';
import type { Faker } from '@faker-js/faker';
import type { Queryable } from '../../../db/types.ts';
import { snapshotOf } from '../mantelscan/service.ts';
import type { MemberRow } from '../circles/queries.ts';

interface Client {
  id: string;
  tenant: string;
  given: string;
  family: string;
  birth: string;
  situation: string;
  needs: string[];
  userId: string | null;
  decider: string;
}
interface Member {
  id: string;
  client: Client;
  userId: string | null;
  kind: string;
  main: boolean;
  given: string;
  family: string;
  role: string | null;
  relationship: string | null;
  closeness: string;
  tie: string;
  help: string[];
  hours: number | null;
  email: string | null;
  phone: string | null;
  orgName: string | null;
  job: string | null;
  level: string;
}

const SITUATIONS = [
  'Woont nog thuis. Het geheugen gaat achteruit; vergeet medicijnen en afspraken.',
  'Heeft na een beroerte hulp nodig bij wassen en aankleden. Loopt met een rollator.',
  'Hartfalen; snel moe. Heeft hulp nodig bij huishouden en boodschappen.',
  'Psychische klachten; heeft steun en structuur nodig in de week.',
  'Verstandelijke beperking; woont bij de ouders, gaat overdag naar dagbesteding.',
  'Parkinson; valt soms. Partner zorgt dag en nacht.',
];
const NEEDS: string[][] = [['dementia', 'old_age'], ['physical', 'chronic_illness'], ['chronic_illness', 'old_age'], ['mental_health'], ['intellectual_disability'], ['chronic_illness', 'physical']];

/**
 * Demo circles: the fixed demo family (Gerrit de Vries with his daughter Anja, the demo
 * caregiver) and one circle per generated caregiver, most linked to a care provider in
 * their region with consent, some with a MantelScan and contact moments.
 */
export async function seedCircles(
  tx: Queryable,
  faker: Faker,
  ctx: {
    fixed: { caregiver: string; client: string; professional: string; volunteer: string };
    homeCareLeiden: string;
    caregivers: { id: string; name: string; email: string; municipality: string }[];
    careProviders: Map<string, string[]>;
    professionalsByOrg: Map<string, string[]>;
    now: Date;
  },
): Promise<void> {
  const clients: Client[] = [];
  const members: Member[] = [];
  const links: { client: Client; org: string; by: string; level: string }[] = [];
  const member = (client: Client, m: Partial<Member> & Pick<Member, 'kind' | 'given'>): Member => {
    const row: Member = { id: randomUUID(), client, userId: null, main: false, family: '', role: null, relationship: null, closeness: 'middle', tie: 'strong', help: [], hours: null, email: null, phone: null, orgName: null, job: null, level: 'agenda', ...m };
    members.push(row);
    return row;
  };

  // The fixed demo family in Leiden.
  const gerrit: Client = { id: randomUUID(), tenant: 'GM0546', given: 'Gerrit', family: 'de Vries', birth: '1941-03-12', situation: SITUATIONS[0] as string, needs: ['dementia', 'old_age'], userId: ctx.fixed.client, decider: 'client' };
  clients.push(gerrit);
  member(gerrit, { kind: 'caregiver', main: true, userId: ctx.fixed.caregiver, given: 'Anja', family: 'de Vries', role: '01', relationship: 'DAUC', closeness: 'inner', help: ['household', 'administration', 'coordination'], hours: 14, email: 'mantelzorger@demo.mantelkring.nl', level: 'manage' });
  member(gerrit, { kind: 'relative', given: 'Piet', family: 'de Vries', role: '02', relationship: 'SONC', closeness: 'middle', tie: 'strained', help: ['transport'], hours: 2, email: 'piet.devries@voorbeeld.mantelkring.nl', level: 'agenda' });
  member(gerrit, { kind: 'neighbour', given: 'Els', family: 'Kok', role: '19', relationship: 'OTH', closeness: 'middle', help: ['emotional', 'supervision'], hours: 3, phone: '06-12345678', level: 'agenda' });
  member(gerrit, { kind: 'friend', given: 'Hans', family: 'Meijer', role: '20', closeness: 'outer', tie: 'weak', help: ['emotional'], hours: 1, level: 'agenda' });
  member(gerrit, { kind: 'volunteer', userId: ctx.fixed.volunteer, given: 'Joost', family: 'Bakker', closeness: 'outer', help: ['emotional', 'transport'], hours: 2, level: 'agenda' });
  member(gerrit, { kind: 'professional', userId: ctx.fixed.professional, given: 'Fatima', family: 'El Amrani', closeness: 'middle', help: ['nursing', 'personal_care'], orgName: null, job: 'Wijkverpleegkundige', level: 'full' });
  member(gerrit, { kind: 'professional', given: 'Dr. R.', family: 'Bos', closeness: 'outer', orgName: 'Huisartsenpraktijk Het Plein', job: 'Huisarts', level: 'agenda' });
  links.push({ client: gerrit, org: ctx.homeCareLeiden, by: ctx.fixed.caregiver, level: 'full' });

  const relationships = ['DAUC', 'SONC', 'WIFE', 'HUSB', 'DOMPART', 'DAUINLAW', 'NIECE'];
  for (const cg of ctx.caregivers) {
    const relationship = faker.helpers.arrayElement(relationships);
    const partner = ['WIFE', 'HUSB', 'DOMPART'].includes(relationship);
    const [cgGiven, ...cgFamily] = cg.name.split(' ');
    const family = partner ? cgFamily.join(' ') : faker.person.lastName();
    const idx = faker.number.int({ min: 0, max: SITUATIONS.length - 1 });
    const client: Client = {
      id: randomUUID(),
      tenant: cg.municipality,
      given: faker.person.firstName(),
      family,
      birth: faker.date.birthdate({ min: 62, max: 96, mode: 'age' }).toISOString().slice(0, 10),
      situation: SITUATIONS[idx] as string,
      needs: NEEDS[idx] as string[],
      userId: null,
      decider: faker.helpers.weightedArrayElement([{ weight: 6, value: 'client' }, { weight: 3, value: 'main_caregiver' }, { weight: 1, value: 'representative' }]),
    };
    clients.push(client);
    member(client, { kind: 'caregiver', main: true, userId: cg.id, given: cgGiven ?? cg.name, family: cgFamily.join(' '), role: '01', relationship, closeness: 'inner', help: faker.helpers.arrayElements(['household', 'personal_care', 'transport', 'administration', 'emotional', 'coordination'], { min: 2, max: 4 }), hours: faker.number.int({ min: 4, max: 40 }), email: cg.email, level: 'manage' });
    const extra = faker.number.int({ min: 1, max: 6 });
    for (let i = 0; i < extra; i++) {
      const kind = faker.helpers.weightedArrayElement([
        { weight: 4, value: 'relative' },
        { weight: 2, value: 'neighbour' },
        { weight: 2, value: 'friend' },
        { weight: 1, value: 'caregiver' },
        { weight: 1, value: 'volunteer' },
        { weight: 2, value: 'professional' },
      ]);
      member(client, {
        kind,
        given: faker.person.firstName(),
        family: kind === 'relative' || kind === 'caregiver' ? family : faker.person.lastName(),
        relationship: kind === 'relative' || kind === 'caregiver' ? faker.helpers.arrayElement(['SONC', 'DAUC', 'SIS', 'BRO', 'NEPHEW', 'NIECE', 'GRNDDAU']) : kind === 'neighbour' || kind === 'friend' ? 'OTH' : null,
        role: kind === 'neighbour' ? '19' : kind === 'friend' ? '20' : kind === 'professional' ? null : '09',
        closeness: faker.helpers.arrayElement(['inner', 'middle', 'middle', 'outer', 'outer']),
        tie: faker.helpers.weightedArrayElement([{ weight: 7, value: 'strong' }, { weight: 2, value: 'weak' }, { weight: 1, value: 'strained' }]),
        help: faker.helpers.arrayElements(['emotional', 'transport', 'household', 'personal_care'], { min: 1, max: 2 }),
        hours: kind === 'professional' ? null : faker.number.int({ min: 0, max: 8 }),
        email: faker.datatype.boolean(0.5) && kind !== 'professional' ? faker.internet.email({ provider: 'voorbeeld.mantelkring.nl' }).toLowerCase() : null,
        orgName: kind === 'professional' ? faker.helpers.arrayElement(['Huisartsenpraktijk De Linde', 'Fysiotherapie Centrum', 'Apotheek Het Hart']) : null,
        job: kind === 'professional' ? faker.helpers.arrayElement(['Huisarts', 'Fysiotherapeut', 'Apotheker', 'Casemanager dementie']) : null,
        level: kind === 'caregiver' ? 'full' : 'agenda',
      });
    }
    const providers = ctx.careProviders.get(cg.municipality) ?? [];
    if (providers.length && faker.datatype.boolean(0.85)) links.push({ client, org: faker.helpers.arrayElement(providers), by: cg.id, level: 'full' });
  }

  await tx.query(
    `insert into clients (id, tenant_key, given_name, family_name, birth_date, care_situation, care_needs, user_id, decider, created_by)
     select id, t, g, f, b::date, s, string_to_array(n, ','), u, d, cb from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::uuid[], $9::text[], $10::uuid[])
       as x(id, t, g, f, b, s, n, u, d, cb)`,
    [
      clients.map((c) => c.id),
      clients.map((c) => c.tenant),
      clients.map((c) => c.given),
      clients.map((c) => c.family),
      clients.map((c) => c.birth),
      clients.map((c) => c.situation),
      clients.map((c) => c.needs.join(',')),
      clients.map((c) => c.userId),
      clients.map((c) => c.decider),
      clients.map((c) => members.find((m) => m.client === c && m.main)?.userId ?? null),
    ],
  );
  await tx.query(
    `insert into circle_members (id, client_id, tenant_key, user_id, kind, is_main_caregiver, given_name, family_name, role_code, relationship_code,
       closeness, tie, help_kinds, hours_per_week, email, phone, organisation_name, job_title, since)
     select id, c, t, u, k, mn, g, f, r, rel, cl, ti, string_to_array(h, ','), hr, e, p, o, j, s::date
     from unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::boolean[], $7::text[], $8::text[], $9::text[], $10::text[],
       $11::text[], $12::text[], $13::text[], $14::numeric[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[])
       as x(id, c, t, u, k, mn, g, f, r, rel, cl, ti, h, hr, e, p, o, j, s)`,
    [
      members.map((m) => m.id),
      members.map((m) => m.client.id),
      members.map((m) => m.client.tenant),
      members.map((m) => m.userId),
      members.map((m) => m.kind),
      members.map((m) => m.main),
      members.map((m) => m.given),
      members.map((m) => m.family),
      members.map((m) => m.role),
      members.map((m) => m.relationship),
      members.map((m) => m.closeness),
      members.map((m) => m.tie),
      members.map((m) => m.help.join(',')),
      members.map((m) => m.hours),
      members.map((m) => m.email),
      members.map((m) => m.phone),
      members.map((m) => m.orgName),
      members.map((m) => m.job),
      members.map(() => faker.date.past({ years: 6, refDate: ctx.now }).toISOString().slice(0, 10)),
    ],
  );
  // Consent: the decider's decision for each member and each linked organisation.
  const consents = [
    ...members.map((m) => ({ client: m.client, member: m.id as string | null, org: null as string | null, level: m.level, by: members.find((x) => x.client === m.client && x.main)?.userId ?? null })),
    ...links.map((l) => ({ client: l.client, member: null as string | null, org: l.org as string | null, level: l.level, by: l.by as string | null })),
  ];
  await tx.query(
    `insert into consent_decisions (client_id, tenant_key, member_id, organisation_id, decision, access_level, decided_as, recorded_by)
     select c, t, m, o, 'permit', l, d, b from unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::uuid[]) as x(c, t, m, o, l, d, b)`,
    [
      consents.map((c) => c.client.id),
      consents.map((c) => c.client.tenant),
      consents.map((c) => c.member),
      consents.map((c) => c.org),
      consents.map((c) => c.level),
      consents.map((c) => (c.client.decider === 'representative' ? 'main_caregiver' : c.client.decider)),
      consents.map((c) => c.by),
    ],
  );
  await tx.query(
    `insert into client_organisation_links (client_id, tenant_key, organisation_id, created_by)
     select * from unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[])`,
    [links.map((l) => l.client.id), links.map((l) => l.client.tenant), links.map((l) => l.org), links.map((l) => l.by)],
  );

  // Some follow-up by professionals: contact moments and completed scans.
  const contacts: { client: Client; member: string; pro: string | null; org: string; kind: string; at: Date }[] = [];
  const scans: { client: Client; member: Member; pro: string | null; org: string; at: Date }[] = [];
  for (const l of links) {
    const main = members.find((m) => m.client === l.client && m.main) as Member;
    const pro = l.client === gerrit ? ctx.fixed.professional : (faker.helpers.arrayElement(ctx.professionalsByOrg.get(l.org) ?? [null]) ?? null);
    if (l.client === gerrit || faker.datatype.boolean(0.6)) contacts.push({ client: l.client, member: main.id, pro, org: l.org, kind: 'how_are_you', at: faker.date.recent({ days: l.client === gerrit ? 12 : 120, refDate: ctx.now }) });
    if (l.client === gerrit || faker.datatype.boolean(0.3)) scans.push({ client: l.client, member: main, pro, org: l.org, at: faker.date.recent({ days: l.client === gerrit ? 40 : 300, refDate: ctx.now }) });
  }
  await tx.query(
    `insert into caregiver_contacts (client_id, tenant_key, member_id, professional_user_id, organisation_id, kind, occurred_at)
     select * from unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::timestamptz[])`,
    [contacts.map((c) => c.client.id), contacts.map((c) => c.client.tenant), contacts.map((c) => c.member), contacts.map((c) => c.pro), contacts.map((c) => c.org), contacts.map((c) => c.kind), contacts.map((c) => c.at)],
  );
  const snapshot = (client: Client) =>
    JSON.stringify(
      snapshotOf(
        members
          .filter((m) => m.client === client)
          .map((m) => ({ id: m.id, given_name: m.given, family_name: m.family, kind: m.kind, closeness: m.closeness, tie: m.tie, hours_per_week: m.hours, help_kinds: m.help, relationship_code: m.relationship }) as unknown as MemberRow),
      ),
    );
  await tx.query(
    `insert into mantelscans (client_id, tenant_key, caregiver_member_id, conducted_by, organisation_id, status, step, answers, advice, network_snapshot, started_at, completed_at)
     select c, t, m, p, o, 'completed', 'advice', a::jsonb, adv, s::jsonb, at, at from unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])
       as x(c, t, m, p, o, a, adv, s, at)`,
    [
      scans.map((s) => s.client.id),
      scans.map((s) => s.client.tenant),
      scans.map((s) => s.member.id),
      scans.map((s) => s.pro),
      scans.map((s) => s.org),
      scans.map(() => JSON.stringify({ client_needs: 'Hulp in huis en gezelschap.', if_you_drop_out: 'Dan moet de familie bijspringen; dat is nu niet geregeld.' })),
      scans.map(() => 'Bespreek respijtzorg en vraag de buren om een vaste dag.'),
      scans.map((s) => snapshot(s.client)),
      scans.map((s) => s.at),
    ],
  );
}
