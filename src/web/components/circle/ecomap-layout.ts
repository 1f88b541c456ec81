import { CLOSENESS, MEMBER_KINDS, type Closeness } from '../../../common/codes.ts';
import { fullName, groupOf, shortName, type CircleMember } from './labels.ts';

/**
 * Where everything goes on the ecomap: the client in the centre (0, 0), members on three
 * rings by closeness, evenly spread in a stable order, and a label next to each node where
 * it does not overlap another node or label. Pure geometry, in SVG user units.
 */

export const NODE_R = 24;
/** Room a node needs around its centre (the double ring of the main caregiver is r = 30). */
export const HIT_R = 31;
export const CLIENT_R = 46;
export const FONT = 16;
const CHAR_W = 9.3;
const LINE_H = FONT * 1.2;
const MIN_ARC = 2 * HIT_R + 14;
const BASE_RADII: Record<Closeness, number> = { inner: 150, middle: 275, outer: 400 };
const RING_GAP = 115;
const MARGIN = 12;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PlacedLabel {
  text: string;
  /** Centre of the text (text-anchor middle). */
  x: number;
  /** Baseline. */
  y: number;
  box: Box;
}

export interface LayoutNode {
  member: CircleMember;
  /** null: the viewer may not see where this person stands (no map details). */
  ring: Closeness | null;
  x: number;
  y: number;
  angle: number;
  label: PlacedLabel;
}

export interface EcomapLayout {
  nodes: LayoutNode[];
  rings: { ring: Closeness; r: number; label: PlacedLabel | null }[];
  clientLabel: PlacedLabel;
  viewBox: Box;
}

const GROUP_ORDER = { informal: 0, volunteer: 1, professional: 2 } as const;

/** The stable order on a ring: by group (so groups form sectors), kind, main caregiver first, name, id. */
export function compareMembers(a: CircleMember, b: CircleMember): number {
  return (
    GROUP_ORDER[groupOf(a.kind)] - GROUP_ORDER[groupOf(b.kind)] ||
    MEMBER_KINDS.indexOf(a.kind) - MEMBER_KINDS.indexOf(b.kind) ||
    Number(b.isMainCaregiver) - Number(a.isMainCaregiver) ||
    fullName(a).localeCompare(fullName(b), 'nl') ||
    a.id.localeCompare(b.id)
  );
}

const textBox = (text: string, cx: number, cy: number, font = FONT): Box => {
  const w = text.length * (font * (CHAR_W / FONT)) + 6;
  const h = font * 1.2 + 2;
  return { x: cx - w / 2, y: cy - h / 2, w, h };
};

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const squareAround = (x: number, y: number, r: number): Box => ({ x: x - r, y: y - r, w: 2 * r, h: 2 * r });

/** A label centred at (cx, cy): the baseline sits a little below the middle. */
const labelAt = (text: string, cx: number, cy: number, font = FONT): PlacedLabel => ({ text, x: cx, y: cy + font * 0.35, box: textBox(text, cx, cy, font) });

/** Angular distance in (-π, π]. */
const angleDiff = (a: number, b: number) => Math.atan2(Math.sin(a - b), Math.cos(a - b));

export function layoutEcomap(members: CircleMember[], clientName: string, ringNames: Record<Closeness, string>): EcomapLayout {
  const byRing = new Map<Closeness | null, CircleMember[]>([
    ['inner', []],
    ['middle', []],
    ['outer', []],
    [null, []],
  ]);
  for (const m of members) byRing.get(m.details?.closeness ?? null)?.push(m);
  // People whose place the viewer may not see go on the outer ring, without a line.
  const rings: { ring: Closeness; members: CircleMember[]; unknown: CircleMember[] }[] = CLOSENESS.map((ring) => ({
    ring,
    members: (byRing.get(ring) ?? []).sort(compareMembers),
    unknown: ring === 'outer' ? (byRing.get(null) ?? []).sort(compareMembers) : [],
  }));

  // Radii: the base size, wider where a ring holds more people than fit at MIN_ARC apart.
  const radii = {} as Record<Closeness, number>;
  let previous = 0;
  for (const { ring, members: list, unknown } of rings) {
    const needed = ((list.length + unknown.length) * MIN_ARC) / (2 * Math.PI);
    radii[ring] = Math.max(BASE_RADII[ring], previous + RING_GAP, needed);
    previous = radii[ring];
  }

  // Angles: evenly spread from the top, clockwise. Outer rings turn a little where that keeps
  // their lines from running under a node of an inner ring.
  const nodes: LayoutNode[] = [];
  for (const { ring, members: list, unknown } of rings) {
    const all = [...list, ...unknown];
    const n = all.length;
    if (n === 0) continue;
    const r = radii[ring];
    const step = (2 * Math.PI) / n;
    const inner = nodes.slice();
    let best = { offset: 0, cost: Number.POSITIVE_INFINITY };
    for (const fraction of [0, 0.5, 0.25, 0.75, 0.125, 0.375]) {
      const offset = fraction * step;
      let cost = 0;
      all.forEach((_, i) => {
        const angle = -Math.PI / 2 + offset + i * step;
        for (const p of inner) {
          const d = Math.abs(angleDiff(angle, p.angle));
          const r0 = Math.hypot(p.x, p.y);
          if (d < Math.PI / 2 && r0 * Math.sin(d) < HIT_R + 6) cost += 1;
        }
      });
      if (cost < best.cost) best = { offset, cost };
    }
    all.forEach((member, i) => {
      const angle = -Math.PI / 2 + best.offset + i * step;
      nodes.push({ member, ring: member.details ? ring : null, angle, x: r * Math.cos(angle), y: r * Math.sin(angle), label: labelAt('', 0, 0) });
    });
  }

  // Labels: the first free spot of outward, inward, below, above, right, left.
  const obstacles: Box[] = [squareAround(0, 0, CLIENT_R + 2), ...nodes.map((n) => squareAround(n.x, n.y, HIT_R))];
  const clientLabel = labelAt(clientName, 0, CLIENT_R + 6 + LINE_H / 2);
  const placed: Box[] = [clientLabel.box];
  for (const node of nodes) {
    const text = shortName(node.member);
    const ux = Math.cos(node.angle);
    const uy = Math.sin(node.angle);
    const w = textBox(text, 0, 0).w;
    const h = LINE_H + 2;
    const directions: [number, number][] = [
      [ux, uy],
      [-ux, -uy],
      [0, 1],
      [0, -1],
      [1, 0],
      [-1, 0],
    ];
    let best: { label: PlacedLabel; cost: number } | null = null;
    for (const [dx, dy] of directions) {
      const reach = HIT_R - 3 + Math.abs(dx) * (w / 2) + Math.abs(dy) * (h / 2);
      const label = labelAt(text, node.x + dx * reach, node.y + dy * reach);
      const cost = [...obstacles, ...placed].reduce((sum, b) => sum + overlap(label.box, b), 0) - overlap(label.box, squareAround(node.x, node.y, HIT_R));
      if (!best || cost < best.cost - 0.5) best = { label, cost };
      if (cost <= 0.5) break;
    }
    if (best) {
      node.label = best.label;
      placed.push(best.label.box);
    }
  }

  // Ring names on the ring line, in the widest free gap of that ring.
  const ringsOut: EcomapLayout['rings'] = [];
  for (const { ring } of rings) {
    const r = radii[ring];
    const angles = nodes.filter((n) => Math.abs(Math.hypot(n.x, n.y) - r) < 1).map((n) => n.angle);
    const candidates: number[] = [];
    if (angles.length === 0) candidates.push(Math.PI / 2, Math.PI / 4, (3 * Math.PI) / 4, 0, Math.PI);
    else {
      const sorted = angles.map((a) => (a + 2 * Math.PI) % (2 * Math.PI)).sort((a, b) => a - b);
      const gaps = sorted.map((a, i) => {
        const next = i + 1 < sorted.length ? (sorted[i + 1] as number) : (sorted[0] as number) + 2 * Math.PI;
        return { mid: (a + next) / 2, size: next - a };
      });
      gaps.sort((a, b) => b.size - a.size);
      for (const g of gaps.slice(0, 4)) candidates.push(g.mid, g.mid - g.size / 4, g.mid + g.size / 4);
    }
    let label: PlacedLabel | null = null;
    for (const angle of candidates) {
      const candidate = labelAt(ringNames[ring], r * Math.cos(angle), r * Math.sin(angle), 13);
      if ([...obstacles, ...placed].every((b) => overlap(candidate.box, b) === 0)) {
        label = candidate;
        placed.push(candidate.box);
        break;
      }
    }
    ringsOut.push({ ring, r, label });
  }

  // The view: everything, plus a small margin.
  const outer = Math.max(...Object.values(radii));
  const boxes = [squareAround(0, 0, outer + 2), ...obstacles, ...placed];
  const minX = Math.min(...boxes.map((b) => b.x)) - MARGIN;
  const minY = Math.min(...boxes.map((b) => b.y)) - MARGIN;
  const maxX = Math.max(...boxes.map((b) => b.x + b.w)) + MARGIN;
  const maxY = Math.max(...boxes.map((b) => b.y + b.h)) + MARGIN;
  return { nodes, rings: ringsOut, clientLabel, viewBox: { x: minX, y: minY, w: maxX - minX, h: maxY - minY } };
}

/** A zig-zag line from (x1, y1) to (x2, y2): the "strained" tie. */
export function zigzagPath(x1: number, y1: number, x2: number, y2: number, amplitude = 6, wavelength = 14): string {
  const length = Math.hypot(x2 - x1, y2 - y1);
  if (length < 1) return `M${x1},${y1}`;
  const ux = (x2 - x1) / length;
  const uy = (y2 - y1) / length;
  const steps = Math.max(2, Math.round(length / (wavelength / 2)));
  const parts = [`M${x1.toFixed(1)},${y1.toFixed(1)}`];
  for (let i = 1; i < steps; i++) {
    const along = (length * i) / steps;
    const side = i % 2 === 0 ? -amplitude : amplitude;
    parts.push(`L${(x1 + ux * along - uy * side).toFixed(1)},${(y1 + uy * along + ux * side).toFixed(1)}`);
  }
  parts.push(`L${x2.toFixed(1)},${y2.toFixed(1)}`);
  return parts.join(' ');
}
