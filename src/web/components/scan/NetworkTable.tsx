import type { Circle } from '../../../common/circle-schemas.ts';
import { MEMBER_KIND_LABELS, RELATIONSHIP_CODES, type MemberKind, type RelationshipCode } from '../../../common/codes.ts';
import { useI18n } from '../../i18n/index.tsx';
import { DataTable } from '../DataTable.tsx';
import type { SnapshotMember } from './types.ts';

/** A live circle's members in the form of snapshot rows (for the same table). */
export const rowsOfCircle = (circle: Circle): SnapshotMember[] =>
  circle.members.map((m) => ({
    id: m.id,
    name: `${m.givenName} ${m.familyName}`.trim(),
    kind: m.kind,
    closeness: m.details?.closeness ?? '',
    tie: m.details?.tie ?? '',
    hoursPerWeek: m.details?.hoursPerWeek ?? null,
    helpKinds: m.details?.helpKinds ?? [],
    relationshipCode: m.details?.relationshipCode ?? null,
  }));

/** Sum of the hours per week of informal help (not volunteers or professionals). */
export const informalHours = (rows: SnapshotMember[]): number =>
  Math.round(rows.filter((r) => ['caregiver', 'relative', 'friend', 'neighbour'].includes(r.kind)).reduce((sum, r) => sum + (r.hoursPerWeek ?? 0), 0) * 10) / 10;

/**
 * The people on the network map as a table: the text version of the ecomap, also for print.
 */
export function NetworkTable({ rows, caption, highlightId }: { rows: SnapshotMember[]; caption: string; highlightId?: string | null }) {
  const { t, locale } = useI18n();
  const kind = (k: string) => MEMBER_KIND_LABELS[k as MemberKind]?.[locale] ?? k;
  const relation = (code: string | null) => (code && code !== 'OTH' ? (RELATIONSHIP_CODES[code as RelationshipCode]?.[locale] ?? null) : null);
  return (
    <DataTable
      caption={caption}
      captionVisible
      rows={rows}
      rowKey={(r) => r.id}
      columns={[
        { key: 'name', header: t.scan.colName, cell: (r) => (r.id === highlightId ? <strong>{`${r.name} (${t.scan.scannedCaregiver})`}</strong> : r.name) },
        { key: 'kind', header: t.scan.colKind, cell: (r) => [kind(r.kind), relation(r.relationshipCode)].filter(Boolean).join(', ') },
        { key: 'closeness', header: t.scan.colCloseness, cell: (r) => t.scan.closeness[r.closeness as keyof typeof t.scan.closeness] ?? t.common.none },
        { key: 'tie', header: t.scan.colTie, cell: (r) => t.scan.ties[r.tie as keyof typeof t.scan.ties] ?? t.common.none },
        { key: 'hours', header: t.scan.colHours, numeric: true, cell: (r) => (r.hoursPerWeek === null ? t.common.none : t.scan.hoursValue(r.hoursPerWeek)) },
      ]}
    />
  );
}
