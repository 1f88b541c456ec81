import { describe, expect, it } from 'vitest';
import { en, enFeatures } from './en.ts';
import { nl, nlFeatures } from './nl.ts';

type Entry = [path: string, value: unknown];

/** Every text of a dictionary with its dotted path (`burden.signal.title`). */
function entries(value: unknown, path = ''): Entry[] {
  if (value === null || typeof value !== 'object') return [[path, value]];
  return Object.entries(value).flatMap(([key, child]) => entries(child, path ? `${path}.${key}` : key));
}

/**
 * Tables that are empty in Dutch and keyed by Dutch text (instrument texts shown as they are):
 * only the other language fills them in, so their keys are not compared.
 */
const OPEN_TABLES = new Set(['burden.apiText']);
/** Texts that are empty on purpose: Dutch needs no note that the questions are in Dutch. */
const EMPTY_ON_PURPOSE = new Set(['nl:burden.questionsInDutch']);

const open = (path: string) => [...OPEN_TABLES].some((table) => path === table || path.startsWith(`${table}.`));
const compared = (dict: object) => new Map(entries(dict).filter(([path]) => !open(path)));

/** What a text shows for marked values: a function is called with one marker per parameter. */
function placeholders(value: unknown): string[] {
  if (typeof value === 'function') {
    const markers = Array.from({ length: value.length }, (_, i) => `⟦${i}⟧`);
    const text = String((value as (...args: string[]) => unknown)(...markers));
    return markers.filter((marker) => text.includes(marker));
  }
  return typeof value === 'string' ? [...value.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort() : [];
}

describe('the dictionaries', () => {
  it('have the same features in both languages', () => {
    expect(Object.keys(enFeatures)).toEqual(Object.keys(nlFeatures));
  });

  it.each([
    ['nl', nl, nlFeatures],
    ['en', en, enFeatures],
  ] as const)('%s: each key is in one feature, and every feature is in the dictionary', (_, dict, features) => {
    const owners = new Map<string, string[]>();
    for (const [feature, part] of Object.entries(features)) {
      for (const key of Object.keys(part)) owners.set(key, [...(owners.get(key) ?? []), feature]);
    }
    expect([...owners].filter(([, list]) => list.length > 1)).toEqual([]);
    expect(Object.keys(dict).sort()).toEqual([...owners.keys()].sort());
    for (const part of Object.values(features)) {
      for (const [key, value] of Object.entries(part)) expect(dict[key as keyof typeof dict]).toBe(value);
    }
  });

  it('have the same keys in Dutch and English', () => {
    expect([...compared(en).keys()].sort()).toEqual([...compared(nl).keys()].sort());
  });

  it('have no empty texts', () => {
    const empty = [
      ...entries(nl).map(([path, value]) => [`nl:${path}`, value] as const),
      ...entries(en).map(([path, value]) => [`en:${path}`, value] as const),
    ].filter(([path, value]) => (typeof value !== 'string' && typeof value !== 'function') || (value === '' && !EMPTY_ON_PURPOSE.has(path)));
    expect(empty).toEqual([]);
  });

  it('use the same placeholders in Dutch and English', () => {
    const english = compared(en);
    const differ = [...compared(nl)]
      .filter(([path, value]) => {
        const other = english.get(path);
        return typeof value !== typeof other || (typeof value === 'function' && value.length !== (other as () => unknown).length) || placeholders(value).join() !== placeholders(other).join();
      })
      .map(([path]) => path);
    expect(differ).toEqual([]);
  });
});
