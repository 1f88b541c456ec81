import { randomUUID } from 'node:crypto';
import { fakerNL } from '@faker-js/faker';
import type { CopyValue } from '../../../db/copy.ts';
import type { Db } from '../../../db/types.ts';
import { answersForPoints, parseInstrument, scoreAnswers, signalReasons } from '../../../domain/burden.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { storeBuiltinInstruments } from '../burden/instruments.ts';
import {
  between,
  caregiversPerClient,
  checksPerCaregiver,
  earlierTotal,
  edizPlusTotal,
  helpKinds,
  hoursPerWeek,
  pick,
  seededRandom,
  signalStatus,
  type Random,
} from './distributions.ts';
import * as q from './queries.ts';

/** Password of every generated account (benchmarks log in with it; never a real installation). */
export const SCALE_PASSWORD = 'Schaal-test-wachtwoord-2026';
/** TOTP secret of every generated professional, so a benchmark can pass 2FA. */
export const SCALE_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
/** Generated addresses end in this domain (reserved for examples, never delivered). */
export const SCALE_DOMAIN = 'schaal.example.nl';

export const scaleEmail = {
  caregiver: (n: number) => `mantelzorger-${n}@${SCALE_DOMAIN}`,
  professional: (n: number) => `professional-${n}@${SCALE_DOMAIN}`,
  coordinator: (code: string) => `steunpunt-${code.toLowerCase()}@${SCALE_DOMAIN}`,
  policy: (code: string) => `gemeente-${code.toLowerCase()}@${SCALE_DOMAIN}`,
};

export class ScaleError extends Error {}

export interface ScaleOptions {
  /** Number of caregivers (each with an account). */
  caregivers: number;
  seed?: number;
  now?: Date;
  /** Clients written per round of COPY statements. */
  chunk?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ScaleSummary {
  caregivers: number;
  clients: number;
  organisations: number;
  professionals: number;
  checks: number;
  signals: number;
  rows: number;
}

const DAY = 86_400_000;
const SECTORS = ['home_care', 'elderly_care', 'mental_health', 'disability_care', 'primary_care', 'hospital_rehabilitation'] as const;
const SECTOR_NAMES: Record<(typeof SECTORS)[number], string> = {
  home_care: 'Thuiszorg',
  elderly_care: 'Ouderenzorg',
  mental_health: 'GGZ',
  disability_care: 'Gehandicaptenzorg',
  primary_care: 'Huisartsenzorg',
  hospital_rehabilitation: 'Revalidatie',
};
const NEEDS = [['dementia', 'old_age'], ['physical', 'chronic_illness'], ['chronic_illness', 'old_age'], ['mental_health'], ['intellectual_disability'], ['chronic_illness', 'physical']];
const CAREGIVER_RELATIONS = ['DAUC', 'SONC', 'WIFE', 'HUSB', 'DOMPART', 'DAUINLAW', 'SIS', 'BRO', 'GRNDDAU', 'NIECE'];
const NETWORK: readonly (readonly [string, string | null])[] = [['relative', 'SONC'], ['relative', 'GRNDSON'], ['relative', 'SIS'], ['friend', 'OTH'], ['neighbour', 'OTH']];
/** Professionals per care provider: one for about this many linked clients. */
const CLIENTS_PER_PROFESSIONAL = 60;
/** Clients per generated care provider. */
const CLIENTS_PER_PROVIDER = 1500;

type Rows = Record<q.ScaleTable, CopyValue[][]>;
const emptyRows = (): Rows => Object.fromEntries(q.LOAD_ORDER.map((t) => [t, []])) as unknown as Rows;
const dateOnly = (d: Date) => d.toISOString().slice(0, 10);

interface Provider {
  id: string;
  professionals: { userId: string; name: string }[];
}

/**
 * Fills the database with `caregivers` generated caregivers and everything around them —
 * clients and their circles, care providers with professionals, a caregiver support centre
 * and the municipality's own organisation in each of the 342 municipalities, consent, links,
 * EDIZ-plus checks over 18 months in the published band shares, signals with their
 * follow-up, contact moments and schedules — with COPY, a chunk of clients at a time.
 * Clients are spread evenly over the municipalities (no population figures are shipped).
 * Refuses a database that already holds generated data.
 */
export async function generateScale(db: Db, options: ScaleOptions): Promise<ScaleSummary> {
  const total = options.caregivers;
  if (!Number.isInteger(total) || total < 1 || total > 5_000_000) throw new ScaleError('The number of caregivers must be a whole number from 1 to 5,000,000.');
  if (await q.scaleMarker(db)) throw new ScaleError('This database already holds generated scale data; use a new database.');
  const seed = options.seed ?? 20261207;
  const random = seededRandom(seed);
  const now = options.now ?? new Date();
  const chunk = options.chunk ?? 5000;
  const summary: ScaleSummary = { caregivers: 0, clients: 0, organisations: 0, professionals: 0, checks: 0, signals: 0, rows: 0 };

  await storeBuiltinInstruments(db);
  const version = await q.currentInstrumentVersion(db, 'ediz-plus');
  const parsed = version ? parseInstrument(version.resource) : null;
  if (!version || !parsed?.ok) throw new ScaleError('The EDIZ-plus instrument is missing or does not parse.');
  const instrument = parsed.value;
  // Every possible total once: answers and band per total, scored by the real scorer.
  const scored = Array.from({ length: 16 }, (_, points) => {
    const answers = answersForPoints(instrument, points);
    const score = scoreAnswers(instrument, answers);
    if (!score.ok) throw new ScaleError(`Generated answers do not score: ${score.errors[0]?.message ?? ''}`);
    return { answers, total: score.value.total, band: score.value.band?.code ?? null, overload: score.value.overload };
  });

  const passwordHash = await hashPassword(SCALE_PASSWORD);
  const firstNames = Array.from({ length: 400 }, () => fakerNL.person.firstName());
  const lastNames = Array.from({ length: 400 }, () => fakerNL.person.lastName());
  const name = (r: Random) => ({ given: pick(r, firstNames), family: pick(r, lastNames) });
  const past = (r: Random, maxDays: number) => new Date(now.getTime() - between(r, 1, maxDays) * DAY - between(r, 0, 86_399) * 1000);

  const flush = async (rows: Rows) => {
    for (const table of q.LOAD_ORDER) {
      const batch = rows[table];
      if (batch.length === 0) continue;
      await q.copyTable(db, table, batch);
      summary.rows += batch.length;
    }
  };

  // Organisations: in each municipality a caregiver support centre (with a coordinator) and
  // the municipality itself (with a policy officer); care providers for every 1,500 clients.
  const municipalities = await q.listMunicipalities(db);
  const expectedClients = Math.ceil(total / 1.5);
  const providerCount = Math.max(6, Math.round(expectedClients / CLIENTS_PER_PROVIDER));
  const professionalsPerProvider = Math.max(1, Math.ceil(expectedClients / providerCount / CLIENTS_PER_PROFESSIONAL));
  const setup = emptyRows();
  const supportCentre = new Map<string, { id: string; coordinator: string }>();
  const staff = (email: string, display: string, municipality: string | null, totp: boolean): string => {
    const id = randomUUID();
    setup.users.push([id, email, display, passwordHash, now, [], municipality, totp ? SCALE_TOTP_SECRET : null, totp ? now : null, now, now]);
    return id;
  };
  for (const m of municipalities) {
    const centre = randomUUID();
    setup.organisations.push([centre, 'welfare', null, `Mantelzorgsteunpunt ${m.name}`, m.code, m.name, now]);
    const coordinator = staff(scaleEmail.coordinator(m.code), `Coördinator ${m.name}`, m.code, true);
    setup.memberships.push([centre, coordinator, 'coordinator', 'Consulent mantelzorg', now]);
    supportCentre.set(m.code, { id: centre, coordinator });
    let municipalityOrg = m.organisation_id;
    if (!municipalityOrg) {
      municipalityOrg = randomUUID();
      setup.organisations.push([municipalityOrg, 'municipality', null, `Gemeente ${m.name}`, m.code, m.name, now]);
    }
    setup.memberships.push([municipalityOrg, staff(scaleEmail.policy(m.code), `Beleid ${m.name}`, m.code, true), 'policy', 'Beleidsmedewerker Wmo', now]);
  }
  const providers: Provider[] = [];
  let professionalNo = 0;
  for (let p = 0; p < providerCount; p++) {
    const m = municipalities[p % municipalities.length] as q.MunicipalityRow;
    const sector = SECTORS[p % SECTORS.length] as (typeof SECTORS)[number];
    const provider: Provider = { id: randomUUID(), professionals: [] };
    setup.organisations.push([provider.id, 'care_provider', sector, `${SECTOR_NAMES[sector]} ${m.name} ${Math.floor(p / municipalities.length) + 1}`, m.code, m.name, now]);
    for (let i = 0; i < professionalsPerProvider; i++) {
      const who = name(random);
      const display = `${who.given} ${who.family}`;
      const userId = staff(scaleEmail.professional(++professionalNo), display, m.code, true);
      setup.memberships.push([provider.id, userId, 'professional', 'Wijkverpleegkundige', now]);
      provider.professionals.push({ userId, name: display });
    }
    providers.push(provider);
  }
  await flush(setup);
  summary.organisations = setup.organisations.length;
  summary.professionals = professionalNo;

  // Providers serving a municipality: those whose home is it, else one by the same index.
  const servedBy = (index: number): Provider[] => {
    if (providerCount >= municipalities.length) return providers.filter((_, p) => p % municipalities.length === index);
    return [providers[index % providerCount] as Provider];
  };
  const serving = municipalities.map((_, i) => servedBy(i));

  let caregiverNo = 0;
  let rows = emptyRows();
  let clientsInChunk = 0;
  while (caregiverNo < total) {
    const mIndex = between(random, 0, municipalities.length - 1);
    const m = municipalities[mIndex] as q.MunicipalityRow;
    const tenant = m.code;
    const clientId = randomUUID();
    const who = name(random);
    const created = past(random, 900);
    const needs = pick(random, NEEDS);
    const decider = random() < 0.6 ? 'client' : 'main_caregiver';
    rows.clients.push([clientId, tenant, who.given, who.family, dateOnly(new Date(now.getTime() - between(random, 62, 95) * 365.25 * DAY)), null, needs, decider, created, created]);
    summary.clients++;

    const linked = random() < 0.7;
    const provider = linked ? pick(random, serving[mIndex] as Provider[]) : null;
    const professional = provider ? pick(random, provider.professionals) : null;
    if (provider) {
      rows.client_organisation_links.push([randomUUID(), tenant, clientId, provider.id, created]);
      rows.consent_decisions.push([randomUUID(), tenant, clientId, null, provider.id, 'permit', 'full', 'client', created]);
    }

    const count = Math.min(caregiversPerClient(random), total - caregiverNo);
    let mainMember: string | null = null;
    for (let c = 0; c < count; c++) {
      const n = ++caregiverNo;
      const person = { given: pick(random, firstNames), family: c === 0 && random() < 0.5 ? who.family : pick(random, lastNames) };
      const userId = randomUUID();
      const email = scaleEmail.caregiver(n);
      rows.users.push([userId, email, `${person.given} ${person.family}`, passwordHash, created, ['caregiver'], tenant, null, null, created, created]);
      const memberId = randomUUID();
      mainMember ??= memberId;
      const relation = pick(random, CAREGIVER_RELATIONS);
      rows.circle_members.push([
        memberId, tenant, clientId, userId, 'caregiver', c === 0, person.given, person.family, relation, [relation],
        'inner', 'strong', helpKinds(random), hoursPerWeek(random), dateOnly(created), email, null, null, null, created, created,
      ]);
      rows.consent_decisions.push([randomUUID(), tenant, clientId, memberId, null, 'permit', c === 0 ? 'manage' : 'full', decider, created]);
      summary.caregivers++;

      // Burden checks over 18 months, the newest drawn in the published band shares.
      const checks = checksPerCaregiver(random);
      if (checks === 0) continue;
      const dates = Array.from({ length: checks }, () => past(random, 540)).sort((a, b) => a.getTime() - b.getTime());
      const totals: number[] = new Array(checks);
      totals[checks - 1] = edizPlusTotal(random);
      for (let i = checks - 2; i >= 0; i--) totals[i] = earlierTotal(random, totals[i + 1] as number);
      const shared = provider !== null && random() < 0.55;
      let lastResponse = '';
      dates.forEach((at, i) => {
        const s = scored[totals[i] as number] as (typeof scored)[number];
        lastResponse = randomUUID();
        const started = new Date(at.getTime() - between(random, 120, 900) * 1000);
        rows.burden_responses.push([
          lastResponse, tenant, clientId, memberId, 'ediz-plus', version.id, 'completed', 'self', userId, s.answers,
          s.total, s.band, s.overload, shared, shared ? at : null, 'cli', started, at, at,
        ]);
        summary.checks++;
      });
      const last = dates[checks - 1] as Date;
      if (random() < 0.5) {
        const due = new Date(last.getTime() + 91 * DAY);
        const scheduleId = randomUUID();
        rows.burden_schedules.push([scheduleId, tenant, clientId, memberId, 'ediz-plus', 3, dateOnly(due)]);
        // A check that fell due in the past was reminded of on its due date, as the job does
        // day by day: a generated database does not start with a backlog of every reminder.
        if (due < now) rows.burden_reminders.push([scheduleId, dateOnly(due), tenant, due]);
      }
      const latest = totals[checks - 1] as number;
      const previous = checks > 1 ? (totals[checks - 2] as number) : null;
      const reasons = signalReasons(scored[latest] as { total: number; overload: boolean }, previous);
      if (reasons.length === 0) continue;
      const toProvider = shared && provider !== null;
      const centre = supportCentre.get(tenant) as { id: string; coordinator: string };
      const orgId = toProvider ? (provider as Provider).id : centre.id;
      const handler = toProvider ? (professional as { userId: string }).userId : centre.coordinator;
      const status = signalStatus(random);
      const signalId = randomUUID();
      const followUp = status === 'open' ? null : new Date(Math.min(now.getTime(), last.getTime() + between(random, 1, 14) * DAY));
      const closed = status === 'closed' ? new Date(Math.min(now.getTime(), (followUp as Date).getTime() + between(random, 1, 30) * DAY)) : null;
      rows.burden_signals.push([
        signalId, tenant, clientId, memberId, lastResponse, lastResponse, reasons, latest, previous, orgId,
        toProvider ? 'professional' : 'support_centre', status === 'open' && random() < 0.5 ? null : handler, status, last, followUp, closed, closed ?? followUp ?? last,
      ]);
      rows.burden_signal_events.push([randomUUID(), tenant, signalId, 'created', null, 'open', null, last]);
      if (followUp) {
        rows.burden_signal_events.push([randomUUID(), tenant, signalId, 'status', 'open', status === 'closed' ? 'contacted' : status, handler, followUp]);
        rows.burden_signal_actions.push([randomUUID(), tenant, signalId, 'conversation', followUp, handler, orgId]);
      }
      if (closed) rows.burden_signal_events.push([randomUUID(), tenant, signalId, 'status', 'contacted', 'closed', handler, closed]);
      summary.signals++;
    }

    // The rest of the network (no accounts), and the professional on the map.
    const others = between(random, 1, 4);
    for (let i = 0; i < others; i++) {
      const [kind, relation] = pick(random, NETWORK);
      const person = name(random);
      rows.circle_members.push([
        randomUUID(), tenant, clientId, null, kind, false, person.given, person.family, relation, relation ? [relation] : [],
        pick(random, ['middle', 'outer'] as const), pick(random, ['strong', 'weak'] as const), helpKinds(random).slice(0, 2), between(random, 0, 6), null, null, null, null, null, created, created,
      ]);
    }
    if (provider && professional) {
      const [given, ...family] = professional.name.split(' ');
      rows.circle_members.push([
        randomUUID(), tenant, clientId, professional.userId, 'professional', false, given ?? professional.name, family.join(' '), null, [],
        'middle', 'strong', ['nursing'], null, null, null, provider.id, null, 'Wijkverpleegkundige', created, created,
      ]);
      const contacts = between(random, 0, 3);
      for (let i = 0; i < contacts; i++) {
        rows.caregiver_contacts.push([randomUUID(), tenant, clientId, mainMember, professional.userId, provider.id, 'how_are_you', past(random, 120)]);
      }
    }

    if (++clientsInChunk >= chunk || caregiverNo >= total) {
      await flush(rows);
      rows = emptyRows();
      clientsInChunk = 0;
      options.onProgress?.(caregiverNo, total);
      // Give other work (a server's requests, a progress bar) a turn between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  await q.analyse(db);
  await q.setScaleMarker(db, { caregivers: total, seed, at: now.toISOString() });
  return summary;
}
