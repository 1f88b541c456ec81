import { useId, useMemo } from 'react';
import type { Circle } from '../../../common/circle-schemas.ts';
import { RELATIONSHIP_CODES, type RelationshipCode } from '../../../common/codes.ts';
import { useI18n } from '../../i18n/index.tsx';
import { compareMembers } from './ecomap-layout.ts';
import { codeLabels, fullName, relationOf, shortName, type CircleMember } from './labels.ts';
import './circle.css';
import { Paragraph } from '../ui.tsx';

type Sex = 'male' | 'female' | 'unknown';
const MALE = new Set(['HUSB', 'SONC', 'SONINLAW', 'GRNDSON', 'FTH', 'BRO', 'NEPHEW', 'UNCLE']);
const FEMALE = new Set(['WIFE', 'DAUC', 'DAUINLAW', 'GRNDDAU', 'MTH', 'SIS', 'NIECE', 'AUNT']);
const sexOf = (code: string): Sex => (MALE.has(code) ? 'male' : FEMALE.has(code) ? 'female' : 'unknown');

const GROUPS = {
  parents: ['FTH', 'MTH'],
  auntsUncles: ['UNCLE', 'AUNT'],
  siblings: ['BRO', 'SIS'],
  partners: ['WIFE', 'HUSB', 'DOMPART'],
  children: ['SONC', 'DAUC'],
  inLaws: ['SONINLAW', 'DAUINLAW'],
  niblings: ['NEPHEW', 'NIECE'],
  grandchildren: ['GRNDSON', 'GRNDDAU'],
} as const;
type GroupName = keyof typeof GROUPS;

const SLOT = 150;
const ROW = 150;
const SYMBOL = 20;
const TOP = 30;

interface Person {
  key: string;
  member: CircleMember | null;
  name: string;
  relation: string;
  sex: Sex;
  x: number;
  y: number;
  isClient?: boolean;
  code?: string;
}

/** Sorts the family of the circle into generations (from the relationship codes). */
export function familyOf(circle: Circle) {
  const groups = Object.fromEntries(Object.keys(GROUPS).map((g) => [g, [] as CircleMember[]])) as Record<GroupName, CircleMember[]>;
  const unplaced: CircleMember[] = [];
  const notFamily: CircleMember[] = [];
  for (const m of [...circle.members].sort(compareMembers)) {
    const code = m.details?.relationshipCode;
    const entry = code && code in RELATIONSHIP_CODES ? RELATIONSHIP_CODES[code as RelationshipCode] : null;
    if (entry && entry.generation !== null) {
      const group = (Object.keys(GROUPS) as GroupName[]).find((g) => (GROUPS[g] as readonly string[]).includes(code as string));
      if (group) groups[group].push(m);
    } else if (!code && (m.kind === 'relative' || m.kind === 'caregiver') && m.details) unplaced.push(m);
    else notFamily.push(m);
  }
  return { groups, unplaced, notFamily };
}

function layout(circle: Circle, groups: Record<GroupName, CircleMember[]>, relationLabel: (m: CircleMember) => string, clientLabel: string) {
  const person = (m: CircleMember, x: number, y: number): Person => ({
    key: m.id,
    member: m,
    name: shortName(m, 18),
    relation: relationLabel(m),
    sex: sexOf(m.details?.relationshipCode ?? ''),
    x,
    y,
    code: m.details?.relationshipCode ?? undefined,
  });
  /** Places a group centred on `centre`; returns the x of its slots. */
  const centred = (n: number, centre: number) => Array.from({ length: n }, (_, i) => centre - ((n - 1) * SLOT) / 2 + i * SLOT);
  const present = [
    groups.parents.length + groups.auntsUncles.length > 0 ? -1 : null,
    0,
    groups.children.length + groups.inLaws.length + groups.niblings.length > 0 ? 1 : null,
    groups.grandchildren.length > 0 ? 2 : null,
  ].filter((g): g is number => g !== null);
  const yOf = (generation: number) => TOP + present.indexOf(generation) * ROW;

  const people: Person[] = [];
  const lines: { x1: number; y1: number; x2: number; y2: number; dashed?: boolean; double?: boolean }[] = [];

  // Generation 0: siblings, the client, partners.
  const y0 = yOf(0);
  const clientX = groups.siblings.length * SLOT;
  groups.siblings.forEach((m, i) => people.push(person(m, i * SLOT, y0)));
  people.push({ key: 'client', member: null, name: shortName(circle.client, 18), relation: clientLabel, sex: 'unknown', x: clientX, y: y0, isClient: true });
  groups.partners.forEach((m, i) => people.push(person(m, clientX + (i + 1) * SLOT, y0)));
  const firstPartnerX = groups.partners.length ? clientX + SLOT : null;
  groups.partners.forEach((m, i) => {
    lines.push({ x1: clientX + SYMBOL + 2, y1: y0, x2: clientX + (i + 1) * SLOT - SYMBOL - 2, y2: y0 + i * 6, dashed: m.details?.relationshipCode === 'DOMPART' });
  });
  const sibMid = clientX / 2;
  const coupleMid = firstPartnerX === null ? clientX : (clientX + firstPartnerX) / 2;
  const below = (y: number) => y + SYMBOL + 44;

  /** A parent (or couple) at (px, fromY) to children in one bar. */
  const descent = (px: number, fromY: number, childXs: number[], childY: number) => {
    if (childXs.length === 0) return;
    const barY = childY - SYMBOL - 22;
    lines.push({ x1: px, y1: fromY, x2: px, y2: barY });
    lines.push({ x1: Math.min(px, ...childXs), y1: barY, x2: Math.max(px, ...childXs), y2: barY });
    for (const x of childXs) lines.push({ x1: x, y1: barY, x2: x, y2: childY - SYMBOL - 2 });
  };

  // Generation -1: parents above the client and siblings; aunts and uncles beside them.
  if (present.includes(-1)) {
    const y = yOf(-1);
    const parentXs = centred(groups.parents.length, sibMid);
    groups.parents.forEach((m, i) => people.push(person(m, parentXs[i] as number, y)));
    const auntStart = groups.parents.length ? (parentXs[0] as number) - groups.auntsUncles.length * SLOT : sibMid - ((groups.auntsUncles.length - 1) * SLOT) / 2 - (groups.auntsUncles.length ? SLOT : 0);
    groups.auntsUncles.forEach((m, i) => people.push(person(m, auntStart + i * SLOT, y)));
    if (groups.parents.length === 2) lines.push({ x1: (parentXs[0] as number) + SYMBOL + 2, y1: y, x2: (parentXs[1] as number) - SYMBOL - 2, y2: y });
    if (groups.parents.length) {
      const px = groups.parents.length === 2 ? sibMid : (parentXs[0] as number);
      descent(px, groups.parents.length === 2 ? y : below(y), [...groups.siblings.map((_, i) => i * SLOT), clientX], y0);
    }
  }

  // Generation +1: children under the couple, their partners beside them, nieces and nephews to the left.
  let childXs: number[] = [];
  if (present.includes(1)) {
    const y = yOf(1);
    childXs = centred(groups.children.length, coupleMid);
    groups.children.forEach((m, i) => people.push(person(m, childXs[i] as number, y)));
    const afterChildren = childXs.length ? (childXs[childXs.length - 1] as number) + SLOT : coupleMid;
    groups.inLaws.forEach((m, i) => people.push(person(m, afterChildren + i * SLOT, y)));
    const leftEdge = childXs.length ? (childXs[0] as number) : groups.inLaws.length ? coupleMid : coupleMid + SLOT;
    const niblingXs = groups.niblings.map((_, i) => leftEdge - (groups.niblings.length - i) * SLOT);
    groups.niblings.forEach((m, i) => people.push(person(m, niblingXs[i] as number, y)));
    descent(coupleMid, firstPartnerX === null ? below(y0) : y0, childXs, y);
    if (groups.siblings.length && niblingXs.length) {
      const siblingsMid = ((groups.siblings.length - 1) * SLOT) / 2;
      descent(siblingsMid, below(y0), niblingXs, y);
    }
  }

  // Generation +2: grandchildren under the children.
  if (present.includes(2)) {
    const y = yOf(2);
    const centre = childXs.length ? ((childXs[0] as number) + (childXs[childXs.length - 1] as number)) / 2 : coupleMid;
    const xs = centred(groups.grandchildren.length, centre);
    groups.grandchildren.forEach((m, i) => people.push(person(m, xs[i] as number, y)));
    if (childXs.length) descent(centre, below(yOf(1)), xs, y);
  }

  const minX = Math.min(...people.map((p) => p.x)) - SLOT / 2;
  const maxX = Math.max(...people.map((p) => p.x)) + SLOT / 2;
  const height = TOP + (present.length - 1) * ROW + SYMBOL + 56;
  return { people, lines, minX, width: maxX - minX, height };
}

function GenogramSymbol({ person }: { person: Person }) {
  const cls = `mk-genogram__symbol${person.isClient ? ' mk-genogram__symbol--client' : ''}`;
  if (person.sex === 'male') return <rect className={cls} x={person.x - SYMBOL} y={person.y - SYMBOL} width={SYMBOL * 2} height={SYMBOL * 2} />;
  if (person.sex === 'female') return <circle className={cls} cx={person.x} cy={person.y} r={SYMBOL} />;
  if (person.isClient)
    return (
      <>
        <rect className={cls} x={person.x - SYMBOL - 5} y={person.y - SYMBOL - 5} width={(SYMBOL + 5) * 2} height={(SYMBOL + 5) * 2} rx={12} />
        <rect className={cls} x={person.x - SYMBOL} y={person.y - SYMBOL} width={SYMBOL * 2} height={SYMBOL * 2} rx={8} />
      </>
    );
  const d = SYMBOL * 1.15;
  return <polygon className={cls} points={`${person.x},${person.y - d} ${person.x + d},${person.y} ${person.x},${person.y + d} ${person.x - d},${person.y}`} />;
}

/**
 * A simple genogram (family tree) by generation, from the relationship codes: parents, aunts
 * and uncles above; the client with partner, brothers and sisters; children (and their
 * partners), nieces and nephews; grandchildren. With the same information as a list, and
 * the people who are not family listed apart.
 */
export function Genogram(props: { circle: Circle }) {
  const { circle } = props;
  const { t, locale } = useI18n();
  const g = t.circle.genogram;
  const labels = useMemo(() => codeLabels(locale), [locale]);
  const titleId = useId();
  const clientName = fullName(circle.client);
  const family = useMemo(() => familyOf(circle), [circle]);
  const relationLabel = (m: CircleMember) => relationOf(m, labels);
  const drawing = useMemo(() => layout(circle, family.groups, (m) => relationOf(m, labels), g.clientRelation), [circle, family, labels, g.clientRelation]);
  const gr = family.groups;
  const generations: { key: string; title: string; members: CircleMember[] }[] = [
    { key: 'up', title: g.generations.parents, members: [...gr.parents, ...gr.auntsUncles] },
    { key: 'own', title: g.generations.own(circle.client.givenName), members: [...gr.partners, ...gr.siblings] },
    { key: 'down', title: g.generations.children, members: [...gr.children, ...gr.inLaws, ...gr.niblings] },
    { key: 'down2', title: g.generations.grandchildren, members: gr.grandchildren },
  ];
  const familyCount = generations.reduce((n, gen) => n + gen.members.length, 0);
  const noDetails = circle.members.length > 0 && circle.members.every((m) => m.details === null);
  const list = (members: CircleMember[]) => members.map((m) => `${fullName(m)} (${relationLabel(m).toLowerCase()})`).join(', ');

  return (
    <div className="mk-genogram">
      {noDetails && <p className="utrecht-paragraph">{g.noDetails}</p>}
      {!noDetails && familyCount === 0 && <p className="utrecht-paragraph mk-empty">{g.noFamily}</p>}
      {familyCount > 0 && (
        <>
          <div className="mk-genogram__frame" role="region" aria-labelledby={titleId} tabIndex={0}>
            <svg
              className="mk-genogram__svg"
              viewBox={`${drawing.minX} 0 ${drawing.width} ${drawing.height}`}
              width={drawing.width}
              height={drawing.height}
              role="img"
              aria-labelledby={titleId}
              data-testid="genogram"
            >
              <title id={titleId}>{g.imageLabel(clientName)}</title>
              {drawing.lines.map((l, i) => (
                <line key={i} className={`mk-genogram__line${l.dashed ? ' mk-genogram__line--dashed' : ''}`} x1={l.x1} y1={l.y1} x2={l.x2} y2={l.y2} />
              ))}
              {drawing.people.map((p) => (
                <g key={p.key} className="mk-genogram__person">
                  <GenogramSymbol person={p} />
                  <text className={`mk-genogram__name${p.isClient ? ' mk-genogram__name--client' : ''}`} x={p.x} y={p.y + SYMBOL + (p.isClient ? 26 : 21)} textAnchor="middle">
                    {p.name}
                  </text>
                  <text className="mk-genogram__relation" x={p.x} y={p.y + SYMBOL + (p.isClient ? 44 : 39)} textAnchor="middle">
                    {p.relation}
                  </text>
                </g>
              ))}
            </svg>
          </div>
          <p className="utrecht-paragraph mk-genogram__legend">{g.legend}</p>
        </>
      )}
      <h3 className="utrecht-heading-3">{g.listTitle}</h3>
      <ul className="utrecht-unordered-list mk-genogram__list" data-testid="genogram-list">
        {generations
          .filter((gen) => gen.members.length > 0 || gen.key === 'own')
          .map((gen) => (
            <li className="utrecht-unordered-list__item" key={gen.key}>
              <strong>{gen.title}:</strong> {gen.key === 'own' ? [`${clientName} (${g.clientRelation})`, list(gen.members)].filter(Boolean).join(', ') : list(gen.members)}
            </li>
          ))}
        {family.unplaced.length > 0 && (
          <li className="utrecht-unordered-list__item">
            <strong>{g.unplaced}:</strong> {family.unplaced.map(fullName).join(', ')}
          </li>
        )}
      </ul>
      <h3 className="utrecht-heading-3">{g.notFamily}</h3>
      {family.notFamily.length === 0 ? (
        <Paragraph>{g.notFamilyNone}</Paragraph>
      ) : (
        <ul className="utrecht-unordered-list mk-genogram__list" data-testid="genogram-not-family">
          {family.notFamily.map((m) => (
            <li className="utrecht-unordered-list__item" key={m.id}>
              {fullName(m)} <span className="mk-muted">({relationLabel(m).toLowerCase()})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
