import { describe, expect, it } from 'vitest';
import { compareSnapshots, type SnapshotMember } from './mantelscan.ts';

const m = (id: string, over: Partial<SnapshotMember> = {}): SnapshotMember => ({ id, name: id, kind: 'relative', closeness: 'middle', tie: 'strong', hoursPerWeek: 2, helpKinds: [], relationshipCode: null, ...over });

describe('compareSnapshots', () => {
  it('finds who joined, who left and what changed, and the load change', () => {
    const before = { caregiverMemberId: 'anja', members: [m('anja', { kind: 'caregiver', hoursPerWeek: 20 }), m('piet'), m('dokter', { kind: 'professional', hoursPerWeek: 5 })] };
    const after = { caregiverMemberId: 'anja', members: [m('anja', { kind: 'caregiver', hoursPerWeek: 12, closeness: 'inner' }), m('dokter', { kind: 'professional', hoursPerWeek: 5 }), m('joost', { kind: 'neighbour', hoursPerWeek: 4 })] };
    const c = compareSnapshots(before, after);
    expect(c.joined.map((x) => x.id)).toEqual(['joost']);
    expect(c.left.map((x) => x.id)).toEqual(['piet']);
    expect(c.changed).toEqual([{ id: 'anja', name: 'anja', changes: [{ field: 'closeness', from: 'middle', to: 'inner' }, { field: 'hoursPerWeek', from: 20, to: 12 }] }]);
    // professionals' hours do not count as informal care
    expect(c.hours).toEqual({ before: 22, after: 16, change: -6 });
    expect(c.caregiverHours).toEqual({ before: 20, after: 12 });
  });

  it('handles empty snapshots and unknown hours', () => {
    const c = compareSnapshots({ members: [], caregiverMemberId: null }, { members: [m('a', { hoursPerWeek: null })], caregiverMemberId: 'a' });
    expect(c.hours).toEqual({ before: 0, after: 0, change: 0 });
    expect(c.caregiverHours).toEqual({ before: null, after: null });
  });
});
