import { fakerNL as faker } from '@faker-js/faker';
import type { Db } from '../../../db/types.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { seedCircles } from './circles.ts';
import { seedBurden } from '../burden/seed.ts';
import { seedLogbook } from '../logbook/seed.ts';
import { seedKeyInfo } from '../key-info/seed.ts';
import { seedAgreements } from '../agreements/seed.ts';
import { seedThreads } from '../threads/seed.ts';
import { seedAttachments } from '../attachments/seed.ts';
import * as q from './queries.ts';

/** Password of every demo account (README). */
export const DEMO_PASSWORD = 'Mantelkring-demo-2026';
/** TOTP secret of the demo accounts that need 2FA: demo only, printed in the README. */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

/** The learning-practice regions of the demo (In voor mantelzorg-thuis named these places). */
const REGIONS = [
  { code: 'GM0546', place: 'Leiden' },
  { code: 'GM0193', place: 'Zwolle' },
  { code: 'GM0228', place: 'Ede' },
  { code: 'GM0796', place: "'s-Hertogenbosch" },
  { code: 'GM1982', place: 'Land van Cuijk' },
] as const;

const SECTORS = ['elderly_care', 'disability_care', 'mental_health', 'hospital_rehabilitation', 'home_care', 'primary_care'] as const;
const SECTOR_NAMES: Record<(typeof SECTORS)[number], string[]> = {
  elderly_care: ['Zorgcentrum De Linde', 'Woonzorg Het Hofje', 'Ouderenzorg De Wilgen'],
  disability_care: ['Stichting Samen Verder', 'Zorggroep De Brug'],
  mental_health: ['GGZ Rivierduinen-regio', 'GGZ Het Baken'],
  hospital_rehabilitation: ['Revalidatiecentrum De Hoogte', 'Ziekenhuis Midden'],
  home_care: ['Thuiszorg Dichtbij', 'Buurtzorg-team Centrum', 'Wijkverpleging Oost'],
  primary_care: ['Gezondheidscentrum De Poort', 'Huisartsenpraktijk Het Plein'],
};

export { demoSeeded } from './queries.ts';

interface SeedOptions {
  /** Called after each step with (done, total). */
  onProgress?: (done: number, total: number, step: string) => void;
  /** Number of generated caregivers (beyond the fixed demo accounts). */
  caregivers?: number;
  volunteers?: number;
}

/** Yields to the event loop: back-to-back PGlite queries otherwise starve timers and signals. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Fills an empty installation with realistic Dutch demo data: organisations of every kind
 * in five learning-practice regions, the fixed demo accounts (README) and generated
 * caregivers, volunteers and professionals. Runs in one transaction: all or nothing.
 * Never called for a non-demo installation (MK_DEMO=false).
 */
export async function seedDemo(db: Db, options: SeedOptions = {}): Promise<void> {
  faker.seed(20261125);
  const caregivers = options.caregivers ?? 150;
  const volunteers = options.volunteers ?? 40;
  const total = 6;
  const progress = (done: number, step: string) => options.onProgress?.(done, total, step);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction(async (tx) => {
    if (await q.demoSeeded(tx)) return;
    progress(0, 'organisaties');
    const orgs: { key: string; name: string; kind: string; sector: string | null; municipality: string | null; region: string | null }[] = [
      { key: 'programme', name: 'Programmabureau In voor Mantelzorg', kind: 'programme_office', sector: null, municipality: null, region: null },
    ];
    for (const region of REGIONS) {
      orgs.push({ key: `gm-${region.code}`, name: `Gemeente ${region.place}`, kind: 'municipality', sector: null, municipality: region.code, region: region.place });
      orgs.push({ key: `steunpunt-${region.code}`, name: `Mantelzorgsteunpunt ${region.place}`, kind: 'welfare', sector: null, municipality: region.code, region: region.place });
      orgs.push({ key: `vrijwilligers-${region.code}`, name: `Vrijwilligerscentrale ${region.place}`, kind: 'volunteer', sector: null, municipality: region.code, region: region.place });
      for (const sector of SECTORS) {
        const base = faker.helpers.arrayElement(SECTOR_NAMES[sector]);
        orgs.push({ key: `${sector}-${region.code}`, name: `${base} ${region.place}`, kind: 'care_provider', sector, municipality: region.code, region: region.place });
      }
    }
    const orgIds = await q.insertOrganisations(tx, orgs);
    const orgId = new Map(orgs.map((o, i) => [o.key, orgIds[i] as string]));
    await breathe();

    progress(1, 'demo-accounts');
    const leiden = 'GM0546';
    const fixed = [
      { email: 'mantelzorger@demo.mantelkring.nl', name: 'Anja de Vries', personas: ['caregiver'], municipality: leiden, totp: false },
      { email: 'client@demo.mantelkring.nl', name: 'Gerrit de Vries', personas: ['client'], municipality: leiden, totp: false },
      { email: 'wijkverpleegkundige@demo.mantelkring.nl', name: 'Fatima El Amrani', personas: [], municipality: leiden, totp: true },
      { email: 'vrijwilliger@demo.mantelkring.nl', name: 'Joost Bakker', personas: ['volunteer'], municipality: leiden, totp: false },
      { email: 'coordinator@demo.mantelkring.nl', name: 'Marieke Jansen', personas: [], municipality: leiden, totp: true },
      { email: 'beleid@demo.mantelkring.nl', name: 'Pieter van Dijk', personas: [], municipality: leiden, totp: true },
      { email: 'gemeente@demo.mantelkring.nl', name: 'Sanne Visser', personas: [], municipality: leiden, totp: true },
      { email: 'programma@demo.mantelkring.nl', name: 'Karin Smit', personas: [], municipality: null, totp: true },
      { email: 'admin@demo.mantelkring.nl', name: 'Beheerder Mantelkring', personas: [], municipality: null, totp: true, admin: true },
    ];
    const fixedIds = await q.insertUsers(tx, fixed, passwordHash, DEMO_TOTP_SECRET);
    const id = (email: string) => fixedIds.get(email) as string;
    const memberships: { org: string; user: string; role: string; title: string | null }[] = [
      { org: orgId.get(`home_care-${leiden}`) as string, user: id('wijkverpleegkundige@demo.mantelkring.nl'), role: 'professional', title: 'Wijkverpleegkundige' },
      { org: orgId.get(`vrijwilligers-${leiden}`) as string, user: id('vrijwilliger@demo.mantelkring.nl'), role: 'volunteer', title: null },
      { org: orgId.get(`vrijwilligers-${leiden}`) as string, user: id('coordinator@demo.mantelkring.nl'), role: 'coordinator', title: 'Coördinator vrijwilligers' },
      { org: orgId.get(`vrijwilligers-${leiden}`) as string, user: id('coordinator@demo.mantelkring.nl'), role: 'org_admin', title: null },
      { org: orgId.get(`home_care-${leiden}`) as string, user: id('beleid@demo.mantelkring.nl'), role: 'policy', title: 'Beleidsmedewerker en ambassadeur mantelzorg' },
      { org: orgId.get(`home_care-${leiden}`) as string, user: id('beleid@demo.mantelkring.nl'), role: 'org_admin', title: null },
      { org: orgId.get(`gm-${leiden}`) as string, user: id('gemeente@demo.mantelkring.nl'), role: 'policy', title: 'Beleidsadviseur Wmo en mantelzorg' },
      { org: orgId.get('programme') as string, user: id('programma@demo.mantelkring.nl'), role: 'policy', title: 'Programmamedewerker' },
      { org: orgId.get('programme') as string, user: id('programma@demo.mantelkring.nl'), role: 'org_admin', title: null },
    ];
    await breathe();

    progress(2, 'mantelzorgers en vrijwilligers');
    const generated: { email: string; name: string; personas: string[]; municipality: string | null; totp: boolean }[] = [];
    const used = new Set<string>();
    const person = (persona: string, domain: string) => {
      const first = faker.person.firstName();
      const last = faker.person.lastName();
      let email = faker.internet.email({ firstName: first, lastName: last, provider: domain }).toLowerCase();
      while (used.has(email)) email = email.replace('@', `${faker.number.int(99)}@`);
      used.add(email);
      return { email, name: `${first} ${last}`, personas: [persona], municipality: faker.helpers.arrayElement(REGIONS).code, totp: false };
    };
    for (let i = 0; i < caregivers; i++) generated.push(person('caregiver', 'voorbeeld.mantelkring.nl'));
    for (let i = 0; i < volunteers; i++) generated.push(person('volunteer', 'voorbeeld.mantelkring.nl'));
    const professionals: typeof generated = [];
    // Two professionals per care provider (one provider per sector per region).
    for (const region of REGIONS) {
      for (let i = 0; i < SECTORS.length * 2; i++) {
        const p = person('', 'zorg.voorbeeld.nl');
        professionals.push({ ...p, personas: [], municipality: region.code, totp: true });
      }
    }
    // Generated people cannot log in (no password): they are there to be seen, not used.
    const genIds = await q.insertUsers(tx, [...generated, ...professionals], null, DEMO_TOTP_SECRET);
    await breathe();

    progress(3, 'lidmaatschappen');
    const titles = ['Wijkverpleegkundige', 'Casemanager dementie', 'Praktijkondersteuner', 'Maatschappelijk werker', 'Verzorgende IG', 'Sociaal psychiatrisch verpleegkundige'];
    let n = 0;
    for (const region of REGIONS) {
      for (const sector of SECTORS) {
        for (let i = 0; i < 2; i++) {
          const p = professionals[n++] as (typeof professionals)[number];
          memberships.push({ org: orgId.get(`${sector}-${region.code}`) as string, user: genIds.get(p.email) as string, role: 'professional', title: faker.helpers.arrayElement(titles) });
        }
      }
    }
    for (const v of generated.filter((g) => g.personas[0] === 'volunteer')) {
      memberships.push({ org: orgId.get(`vrijwilligers-${v.municipality}`) as string, user: genIds.get(v.email) as string, role: 'volunteer', title: null });
    }
    await q.insertMemberships(tx, memberships);
    await breathe();

    progress(4, 'zorgkringen');
    const careProviders = new Map<string, string[]>();
    for (const o of orgs) if (o.kind === 'care_provider' && o.municipality) careProviders.set(o.municipality, [...(careProviders.get(o.municipality) ?? []), orgId.get(o.key) as string]);
    const professionalsByOrg = new Map<string, string[]>();
    for (const m of memberships) if (m.role === 'professional') professionalsByOrg.set(m.org, [...(professionalsByOrg.get(m.org) ?? []), m.user]);
    await seedCircles(tx, faker, {
      fixed: { caregiver: id('mantelzorger@demo.mantelkring.nl'), client: id('client@demo.mantelkring.nl'), professional: id('wijkverpleegkundige@demo.mantelkring.nl'), volunteer: id('vrijwilliger@demo.mantelkring.nl') },
      homeCareLeiden: orgId.get(`home_care-${leiden}`) as string,
      caregivers: generated.filter((g) => g.personas[0] === 'caregiver').map((g) => ({ id: genIds.get(g.email) as string, name: g.name, email: g.email, municipality: g.municipality as string })),
      careProviders,
      professionalsByOrg,
      now: new Date(),
    });
    await seedBurden(tx, faker, { now: new Date() });
    // Working together (issue 16): each feature adds its own demo data to the circles above.
    for (const seed of [seedLogbook, seedKeyInfo, seedAgreements, seedThreads, seedAttachments]) await seed(tx, faker, { now: new Date() });
    await breathe();

    progress(5, 'afronden');
    await q.markDemoSeeded(tx, { at: new Date().toISOString(), organisations: orgs.length, users: fixed.length + generated.length + professionals.length });
    progress(6, 'klaar');
  });
}
