/**
 * The shape of generated data at national scale: pure functions and published shares, so
 * the generator stays deterministic for a seed and the shares can be tested alone.
 * Sources (listed with the figures in docs/ARCHITECTURE.md, "Generated data"):
 * EDIZ-plus bands 21% none, 33% light, 27% moderate, 19% heavy (De Boer, Oudijk, Timmermans
 * & Pot 2012); kinds of help emotional 76%, transport 52%, household 44%, personal care 15%
 * (SCP 2016); 12 hours a week on average (CBS 2022).
 */

/** A small seeded generator (mulberry32): the same seed gives the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type Random = () => number;

/** A whole number from `min` to `max`, both included. */
export const between = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

export function pick<T>(random: Random, items: readonly T[]): T {
  if (items.length === 0) throw new Error('Cannot pick from an empty list.');
  return items[Math.floor(random() * items.length)] as T;
}

/** Picks a value by weight; the weights need not add up to 1. */
export function weighted<T>(random: Random, options: readonly (readonly [T, number])[]): T {
  const sum = options.reduce((s, [, w]) => s + w, 0);
  let r = random() * sum;
  for (const [value, weight] of options) {
    r -= weight;
    if (r < 0) return value;
  }
  return (options[options.length - 1] as readonly [T, number])[0];
}

/** EDIZ-plus bands (0–15) and the share of Dutch caregivers in each. */
export const EDIZ_PLUS_BANDS = [
  { code: 'none', min: 0, max: 0, share: 0.21 },
  { code: 'light', min: 1, max: 3, share: 0.33 },
  { code: 'moderate', min: 4, max: 8, share: 0.27 },
  { code: 'heavy', min: 9, max: 15, share: 0.19 },
] as const;

/** An EDIZ-plus total drawn so the bands come out in the published shares. */
export function edizPlusTotal(random: Random): number {
  const band = weighted(random, EDIZ_PLUS_BANDS.map((b) => [b, b.share] as const));
  return between(random, band.min, band.max);
}

/** An earlier check of the same caregiver: close to the later one (−2 … +2 points). */
export const earlierTotal = (random: Random, later: number): number => Math.min(15, Math.max(0, later + between(random, -2, 2)));

const HELP_SHARES = [
  ['emotional', 0.76],
  ['transport', 0.52],
  ['household', 0.44],
  ['personal_care', 0.15],
  ['administration', 0.3],
] as const;

/** Each kind of help independently, in the SCP shares; one kind by weight when none came up. */
export function helpKinds(random: Random): string[] {
  const kinds: string[] = HELP_SHARES.filter(([, share]) => random() < share).map(([kind]) => kind);
  return kinds.length > 0 ? kinds : [weighted(random, HELP_SHARES)];
}

/** Hours of care a week: many give a few hours, a quarter gives more than 16 (mean ≈ 12). */
export function hoursPerWeek(random: Random): number {
  const range = weighted(random, [
    [[1, 4], 0.4],
    [[5, 16], 0.35],
    [[17, 40], 0.25],
  ] as const);
  return between(random, range[0], range[1]);
}

/** How many caregivers share the care for one client (mean 1.5). */
export const caregiversPerClient = (random: Random): number =>
  weighted(random, [
    [1, 0.6],
    [2, 0.3],
    [3, 0.1],
  ]);

/** How many completed EDIZ-plus checks a caregiver has over the last 18 months. */
export const checksPerCaregiver = (random: Random): number =>
  weighted(random, [
    [0, 0.25],
    [1, 0.35],
    [2, 0.2],
    [3, 0.12],
    [4, 0.08],
  ]);

/** What happened to a signal so far. */
export const signalStatus = (random: Random): 'open' | 'contacted' | 'plan_agreed' | 'closed' =>
  weighted(random, [
    ['open', 0.35],
    ['contacted', 0.2],
    ['plan_agreed', 0.15],
    ['closed', 0.3],
  ] as const);
