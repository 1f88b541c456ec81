import { EN_QUALIFIER_URL, OWN_NAME_URL, OWN_PREFIX_URL } from './codes.ts';
import type { HumanName, PrimitiveElement } from './types.ts';

/**
 * Dutch family-name prefixes (voorvoegsels), longest first so "van der" wins over "van".
 * A common subset of the GBA list; a name without one of these simply has no prefix part.
 */
const PREFIXES = [
  'van der', 'van den', 'van de', 'van het', "van 't", 'in het', "in 't", 'in de', 'op de', 'op den', 'op het', "op 't",
  'aan de', 'aan den', 'aan het', 'uit de', 'uit den', 'uit het', 'bij de', 'van', 'de', 'den', 'der', 'het', "'t", 'te', 'ten', 'ter',
];

/** Splits "de Vries" into prefix "de" and own name "Vries"; a name without a known prefix has none. */
export function splitFamilyName(family: string): { prefix: string | null; ownName: string } {
  const trimmed = family.trim().replace(/\s+/g, ' ');
  const lower = trimmed.toLowerCase();
  for (const prefix of PREFIXES) {
    // A prefix needs a name after it: "Van" alone is a family name, not a prefix.
    if (lower.startsWith(`${prefix} `) && trimmed.length > prefix.length + 1) {
      return { prefix: trimmed.slice(0, prefix.length), ownName: trimmed.slice(prefix.length + 1) };
    }
  }
  return { prefix: null, ownName: trimmed };
}

/**
 * The official name as nl-core-NameInformation wants it: `use` official, `text` filled,
 * the given name with the ISO 21090 qualifier "BR" (a first name, not initials) that the
 * profile requires on every given name, and the family name split into prefix and own name.
 * We record one first name per person: the one the circle entered.
 */
export function officialName(givenName: string, familyName: string): HumanName {
  const given = givenName.trim();
  const family = familyName.trim();
  const name: HumanName = { use: 'official', text: [given, family].filter(Boolean).join(' ') };
  if (family) {
    const { prefix, ownName } = splitFamilyName(family);
    const familyExt: PrimitiveElement = { extension: [] };
    if (prefix) familyExt.extension?.push({ url: OWN_PREFIX_URL, valueString: prefix });
    familyExt.extension?.push({ url: OWN_NAME_URL, valueString: ownName });
    name.family = family.replace(/\s+/g, ' ');
    name._family = familyExt;
  }
  if (given) {
    name.given = [given];
    name._given = [{ extension: [{ url: EN_QUALIFIER_URL, valueCode: 'BR' }] }];
  }
  return name;
}

/** "Gerrit de Vries": the display of a reference. */
export const displayName = (givenName: string, familyName: string): string => [givenName.trim(), familyName.trim()].filter(Boolean).join(' ');
