import { describe, expect, it } from 'vitest';
import type { Closeness, MemberKind } from '../../../common/codes.ts';
import { compareMembers, HIT_R, layoutEcomap, NODE_R, type Box } from './ecomap-layout.ts';
import type { CircleMember } from './labels.ts';

const RING_NAMES: Record<Closeness, string> = { inner: 'Dichtbij', middle: 'Midden', outer: 'Verder weg' };
const KINDS: MemberKind[] = ['caregiver', 'relative', 'friend', 'neighbour', 'volunteer', 'professional'];

/** A member as the circle API gives it; `closeness: null` is someone whose place the viewer may not see. */
function member(i: number, closeness: Closeness | null, over: Partial<CircleMember> = {}): CircleMember {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    kind: KINDS[i % KINDS.length],
    isMainCaregiver: false,
    givenName: `Persoon${i}`,
    familyName: `Achternaam-${i}`,
    details: closeness ? { closeness } : null,
    ...over,
  } as unknown as CircleMember;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('layoutEcomap', () => {
  it('places 40 people on three rings without any two nodes touching', () => {
    const rings: Closeness[] = ['inner', 'middle', 'outer'];
    const members = Array.from({ length: 40 }, (_, i) => member(i, rings[i % 3] as Closeness));
    const layout = layoutEcomap(members, 'Gerrit de Vries', RING_NAMES);
    expect(layout.nodes).toHaveLength(40);
    for (let i = 0; i < layout.nodes.length; i++) {
      for (let j = i + 1; j < layout.nodes.length; j++) {
        const a = layout.nodes[i];
        const b = layout.nodes[j];
        expect(Math.hypot((a?.x ?? 0) - (b?.x ?? 0), (a?.y ?? 0) - (b?.y ?? 0))).toBeGreaterThanOrEqual(2 * NODE_R);
      }
    }
    // No node sits on the client in the middle.
    for (const n of layout.nodes) expect(Math.hypot(n.x, n.y)).toBeGreaterThan(HIT_R * 2);
  });

  it('keeps the rings in order: inner closest to the client, outer furthest', () => {
    const layout = layoutEcomap([member(1, 'outer'), member(2, 'inner'), member(3, 'middle')], 'Gerrit', RING_NAMES);
    const distance = (ring: Closeness) => Math.hypot(...((n) => [n?.x ?? 0, n?.y ?? 0])(layout.nodes.find((x) => x.ring === ring)));
    expect(distance('inner')).toBeLessThan(distance('middle'));
    expect(distance('middle')).toBeLessThan(distance('outer'));
    expect(layout.rings.map((r) => r.ring)).toEqual(['inner', 'middle', 'outer']);
  });

  it('puts people whose place the viewer may not see on the outer ring, marked as unknown', () => {
    const layout = layoutEcomap([member(1, 'inner'), member(2, null)], 'Gerrit', RING_NAMES);
    const unknown = layout.nodes.find((n) => n.member.givenName === 'Persoon2');
    expect(unknown?.ring).toBeNull();
    const outerR = layout.rings.find((r) => r.ring === 'outer')?.r ?? 0;
    expect(Math.hypot(unknown?.x ?? 0, unknown?.y ?? 0)).toBeCloseTo(outerR, 5);
  });

  it('gives labels room: no two name labels overlap and every label lies inside the view', () => {
    const members = Array.from({ length: 12 }, (_, i) => member(i, 'inner', { givenName: ['Anja', 'Piet', 'Els', 'Hans', 'Joost', 'Marja', 'Fatima', 'Kees', 'Ingrid', 'Mohammed', 'Sanne', 'Wim'][i] } as Partial<CircleMember>));
    const layout = layoutEcomap(members, 'Gerrit de Vries', RING_NAMES);
    const boxes = layout.nodes.map((n) => n.label.box);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i] as Box, boxes[j] as Box)).toBe(false);
    const v = layout.viewBox;
    for (const b of [...boxes, layout.clientLabel.box]) {
      expect(b.x).toBeGreaterThanOrEqual(v.x);
      expect(b.y).toBeGreaterThanOrEqual(v.y);
      expect(b.x + b.w).toBeLessThanOrEqual(v.x + v.w);
      expect(b.y + b.h).toBeLessThanOrEqual(v.y + v.h);
    }
  });

  it('widens a crowded ring instead of squeezing people together', () => {
    const few = layoutEcomap([member(1, 'inner'), member(2, 'inner')], 'G', RING_NAMES).rings[0]?.r ?? 0;
    const many = layoutEcomap(Array.from({ length: 30 }, (_, i) => member(i, 'inner')), 'G', RING_NAMES).rings[0]?.r ?? 0;
    expect(many).toBeGreaterThan(few);
  });

  it('orders the main caregiver first among caregivers, then by name', () => {
    const main = member(10, 'inner', { kind: 'caregiver', isMainCaregiver: true, givenName: 'Zora' } as Partial<CircleMember>);
    const other = member(11, 'inner', { kind: 'caregiver', givenName: 'Anja' } as Partial<CircleMember>);
    expect([other, main].sort(compareMembers).map((m) => m.givenName)).toEqual(['Zora', 'Anja']);
  });
});
