/**
 * MantelScan in software: a guided conversation between a professional and a caregiver,
 * after the Movisie method (genogram → questions on the care situation → burden → ecomap →
 * advice and agreements). The question wording below is ours (plain Dutch, B1), not the
 * method's published text.
 */

export const SCAN_STEPS = ['genogram', 'situation', 'burden', 'ecomap', 'advice'] as const;
export type ScanStep = (typeof SCAN_STEPS)[number];

/** The questions about the care situation (step 2). */
export const SITUATION_QUESTIONS = [
  { id: 'client_needs', nl: 'Wat heeft uw naaste nodig? Waar heeft hij of zij hulp bij nodig?', en: 'What does your loved one need? What do they need help with?' },
  { id: 'caregiver_tasks', nl: 'Wat doet u zelf voor uw naaste? Hoeveel uur per week is dat ongeveer?', en: 'What do you do for your loved one yourself? About how many hours a week?' },
  { id: 'duration', nl: 'Hoe lang zorgt u al? En hoe lang denkt u dat het nog nodig is?', en: 'How long have you been caring? And how long do you think it will be needed?' },
  { id: 'others_helping', nl: 'Wie helpen er nog meer? Wat doen zij?', en: 'Who else helps? What do they do?' },
  { id: 'if_you_drop_out', nl: 'Wat gebeurt er als u een tijd niet kunt zorgen, bijvoorbeeld als u ziek wordt?', en: 'What happens if you cannot care for a while, for example when you are ill?' },
  { id: 'keep_or_hand_over', nl: 'Wat wilt u blijven doen? En wat wilt u liever door iemand anders laten doen?', en: 'What do you want to keep doing? And what would you rather hand over?' },
  { id: 'combining', nl: 'Hoe gaat zorgen samen met uw werk, gezin en vrije tijd?', en: 'How does caring combine with your work, family and free time?' },
  { id: 'contact_professionals', nl: 'Hoe gaat het contact met de professionals rond uw naaste?', en: 'How is the contact with the professionals around your loved one?' },
] as const;
export type SituationQuestionId = (typeof SITUATION_QUESTIONS)[number]['id'];

/** One member in a saved network snapshot. */
export interface SnapshotMember {
  id: string;
  name: string;
  kind: string;
  closeness: 'inner' | 'middle' | 'outer';
  tie: 'strong' | 'weak' | 'strained';
  hoursPerWeek: number | null;
  helpKinds: string[];
  relationshipCode: string | null;
}

export interface SnapshotComparison {
  joined: SnapshotMember[];
  left: SnapshotMember[];
  changed: { id: string; name: string; changes: { field: 'closeness' | 'tie' | 'hoursPerWeek'; from: unknown; to: unknown }[] }[];
  /** Total informal-care hours per week in each snapshot, and the change. */
  hours: { before: number; after: number; change: number };
  /** Hours of the scanned caregiver in each snapshot (the caregiver's own load). */
  caregiverHours: { before: number | null; after: number | null };
  /** Burden scores when both scans had one (filled by the burden capability). */
  burden: { before: number | null; after: number | null };
}

const INFORMAL = new Set(['caregiver', 'relative', 'friend', 'neighbour']);
const sumHours = (members: SnapshotMember[]) => members.filter((m) => INFORMAL.has(m.kind)).reduce((acc, m) => acc + (m.hoursPerWeek ?? 0), 0);

/** Compares two network snapshots: who joined, who left, what changed, how the load moved. */
export function compareSnapshots(
  before: { members: SnapshotMember[]; caregiverMemberId: string | null; burdenScore?: number | null },
  after: { members: SnapshotMember[]; caregiverMemberId: string | null; burdenScore?: number | null },
): SnapshotComparison {
  const beforeById = new Map(before.members.map((m) => [m.id, m]));
  const afterById = new Map(after.members.map((m) => [m.id, m]));
  const changed: SnapshotComparison['changed'] = [];
  for (const m of after.members) {
    const old = beforeById.get(m.id);
    if (!old) continue;
    const changes: SnapshotComparison['changed'][number]['changes'] = [];
    for (const field of ['closeness', 'tie', 'hoursPerWeek'] as const) {
      if (old[field] !== m[field]) changes.push({ field, from: old[field], to: m[field] });
    }
    if (changes.length) changed.push({ id: m.id, name: m.name, changes });
  }
  const b = sumHours(before.members);
  const a = sumHours(after.members);
  const hoursOf = (s: typeof before) => (s.caregiverMemberId ? (s.members.find((m) => m.id === s.caregiverMemberId)?.hoursPerWeek ?? null) : null);
  return {
    joined: after.members.filter((m) => !beforeById.has(m.id)),
    left: before.members.filter((m) => !afterById.has(m.id)),
    changed,
    hours: { before: b, after: a, change: Math.round((a - b) * 10) / 10 },
    caregiverHours: { before: hoursOf(before), after: hoursOf(after) },
    burden: { before: before.burdenScore ?? null, after: after.burdenScore ?? null },
  };
}
