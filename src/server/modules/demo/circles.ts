import { randomUUID } from 'node:crypto';
import type { Faker } from '@faker-js/faker';
import type { Queryable } from '../../../db/types.ts';
import { snapshotOf } from '../mantelscan/service.ts';
import type { MemberRow } from '../circles/queries.ts';
import * as q from './queries.ts';

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

  await q.insertClients(
    tx,
    clients.map((c) => ({
      id: c.id,
      tenantKey: c.tenant,
      givenName: c.given,
      familyName: c.family,
      birthDate: c.birth,
      careSituation: c.situation,
      careNeeds: c.needs,
      userId: c.userId,
      decider: c.decider,
      createdBy: members.find((m) => m.client === c && m.main)?.userId ?? null,
    })),
  );
  await q.insertMembers(
    tx,
    members.map((m) => ({
      id: m.id,
      clientId: m.client.id,
      tenantKey: m.client.tenant,
      userId: m.userId,
      kind: m.kind,
      isMainCaregiver: m.main,
      givenName: m.given,
      familyName: m.family,
      roleCode: m.role,
      relationshipCode: m.relationship,
      closeness: m.closeness,
      tie: m.tie,
      helpKinds: m.help,
      hoursPerWeek: m.hours,
      email: m.email,
      phone: m.phone,
      organisationName: m.orgName,
      jobTitle: m.job,
      since: faker.date.past({ years: 6, refDate: ctx.now }).toISOString().slice(0, 10),
    })),
  );
  // Consent: the decider's decision for each member and each linked organisation.
  const consents = [
    ...members.map((m) => ({ client: m.client, member: m.id as string | null, org: null as string | null, level: m.level, by: members.find((x) => x.client === m.client && x.main)?.userId ?? null })),
    ...links.map((l) => ({ client: l.client, member: null as string | null, org: l.org as string | null, level: l.level, by: l.by as string | null })),
  ];
  await q.insertConsents(
    tx,
    consents.map((c) => ({
      clientId: c.client.id,
      tenantKey: c.client.tenant,
      memberId: c.member,
      organisationId: c.org,
      accessLevel: c.level,
      decidedAs: c.client.decider === 'representative' ? 'main_caregiver' : c.client.decider,
      recordedBy: c.by,
    })),
  );
  await q.insertLinks(tx, links.map((l) => ({ clientId: l.client.id, tenantKey: l.client.tenant, organisationId: l.org, createdBy: l.by })));

  // Some follow-up by professionals: contact moments and completed scans.
  const contacts: { client: Client; member: string; pro: string | null; org: string; kind: string; at: Date }[] = [];
  const scans: { client: Client; member: Member; pro: string | null; org: string; at: Date }[] = [];
  for (const l of links) {
    const main = members.find((m) => m.client === l.client && m.main) as Member;
    const pro = l.client === gerrit ? ctx.fixed.professional : (faker.helpers.arrayElement(ctx.professionalsByOrg.get(l.org) ?? [null]) ?? null);
    if (l.client === gerrit || faker.datatype.boolean(0.6)) contacts.push({ client: l.client, member: main.id, pro, org: l.org, kind: 'how_are_you', at: faker.date.recent({ days: l.client === gerrit ? 12 : 120, refDate: ctx.now }) });
    if (l.client === gerrit || faker.datatype.boolean(0.3)) scans.push({ client: l.client, member: main, pro, org: l.org, at: faker.date.recent({ days: l.client === gerrit ? 40 : 300, refDate: ctx.now }) });
  }
  await q.insertContacts(
    tx,
    contacts.map((c) => ({ clientId: c.client.id, tenantKey: c.client.tenant, memberId: c.member, professionalUserId: c.pro, organisationId: c.org, kind: c.kind, occurredAt: c.at })),
  );
  const snapshot = (client: Client) =>
    JSON.stringify(
      snapshotOf(
        members
          .filter((m) => m.client === client)
          .map((m) => ({ id: m.id, given_name: m.given, family_name: m.family, kind: m.kind, closeness: m.closeness, tie: m.tie, hours_per_week: m.hours, help_kinds: m.help, relationship_code: m.relationship }) as unknown as MemberRow),
      ),
    );
  await q.insertCompletedScans(
    tx,
    scans.map((sc) => ({
      clientId: sc.client.id,
      tenantKey: sc.client.tenant,
      caregiverMemberId: sc.member.id,
      conductedBy: sc.pro,
      organisationId: sc.org,
      answers: JSON.stringify({ client_needs: 'Hulp in huis en gezelschap.', if_you_drop_out: 'Dan moet de familie bijspringen; dat is nu niet geregeld.' }),
      advice: 'Bespreek respijtzorg en vraag de buren om een vaste dag.',
      snapshot: snapshot(sc.client),
      at: sc.at,
    })),
  );
}
