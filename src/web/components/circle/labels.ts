import { CARE_NEEDS, HELP_KINDS, MEMBER_KIND_LABELS, RELATIONSHIP_CODES, ROLE_CODES, memberGroup, type MemberKind } from '../../../common/codes.ts';
import type { Circle } from '../../../common/circle-schemas.ts';
import type { Locale } from '../../api.ts';

export type CircleMember = Circle['members'][number];
export type MemberDetails = NonNullable<CircleMember['details']>;

type Labelled = Record<string, { nl: string; en: string }>;
const pick = (table: Labelled, code: string | null | undefined, locale: Locale): string | null => (code && table[code] ? table[code][locale] : null);

/** Labels of the shared codes (src/common/codes.ts) in the interface language. */
export function codeLabels(locale: Locale) {
  return {
    kind: (kind: string) => pick(MEMBER_KIND_LABELS, kind, locale) ?? kind,
    relationship: (code: string | null | undefined) => pick(RELATIONSHIP_CODES, code, locale),
    role: (code: string | null | undefined) => pick(ROLE_CODES, code, locale),
    help: (code: string) => pick(HELP_KINDS, code, locale) ?? code,
    careNeed: (code: string) => pick(CARE_NEEDS, code, locale) ?? code,
  };
}
export type CodeLabels = ReturnType<typeof codeLabels>;

/** A code list (src/common/codes.ts) as the options of a picker, labelled in the interface language. */
export const codeOptions = (table: Labelled, locale: Locale): { value: string; label: string }[] => Object.entries(table).map(([value, label]) => ({ value, label: label[locale] }));

/** "Piet de Vries". */
export const fullName = (m: { givenName: string; familyName: string }): string => [m.givenName, m.familyName].filter(Boolean).join(' ');

/** Capital first letter, for a label on its own. */
export const cap = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Lower case first letter, for a label in the middle of a sentence. */
export const lc = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * What a person is to the client, in one or two words: the family relationship (zoon), or
 * for others the kind (buur, vrijwilliger) and for professionals their function.
 */
export function relationOf(m: CircleMember, labels: CodeLabels): string {
  const d = m.details;
  const relationship = d?.relationshipCode && d.relationshipCode !== 'OTH' ? labels.relationship(d.relationshipCode) : null;
  if (relationship) return relationship;
  if (m.kind === 'professional' && d?.jobTitle) return d.jobTitle;
  return labels.kind(m.kind);
}

export const groupOf = (kind: string) => memberGroup(kind as MemberKind);

/** Initials for inside a node: "PV" for Piet de Vries, "J" for Joost. */
export function initials(m: { givenName: string; familyName: string }): string {
  const first = m.givenName.replace(/^(dr|mr|mw|dhr)\.?\s+/i, '').trim().charAt(0);
  const lastWord = m.familyName.trim().split(/\s+/).filter(Boolean).pop() ?? '';
  return `${first}${lastWord.charAt(0)}`.toUpperCase();
}

/** A short label for a map node (≤ 14 characters); the full name stays in the accessible name. */
export function shortName(m: { givenName: string; familyName: string }, max = 14): string {
  const full = fullName(m);
  if (full.length <= max) return full;
  const lastWord = m.familyName.trim().split(/\s+/).filter(Boolean).pop();
  const withInitial = lastWord ? `${m.givenName} ${lastWord.charAt(0)}.` : m.givenName;
  if (withInitial.length <= max) return withInitial;
  return `${m.givenName.slice(0, max - 1)}…`;
}
