import type { ReactNode } from 'react';
import type { Circle } from '../../../common/circle-schemas.ts';
import type { Closeness, Tie } from '../../../common/codes.ts';
import { useI18n } from '../../i18n/index.tsx';
import { DataTable, type Column } from '../DataTable.tsx';
import { compareMembers } from './ecomap-layout.ts';
import { codeLabels, fullName, relationOf, type CircleMember } from './labels.ts';

const RING_ORDER: Record<string, number> = { inner: 0, middle: 1, outer: 2 };

/** The people in ring order (inner first), then in the map's stable order. */
export function membersInMapOrder(members: CircleMember[]): CircleMember[] {
  return [...members].sort((a, b) => (RING_ORDER[a.details?.closeness ?? ''] ?? 3) - (RING_ORDER[b.details?.closeness ?? ''] ?? 3) || compareMembers(a, b));
}

/** The name with small words for "you", main caregiver and representative. */
export function MemberName({ member }: { member: CircleMember }) {
  const { t } = useI18n();
  const c = t.circle;
  const tags = [member.isMe ? c.map.me : null, member.isMainCaregiver ? c.map.mainShort : null, member.details?.isRepresentative ? c.people.representativeShort : null].filter(Boolean);
  return (
    <span>
      <strong>{fullName(member)}</strong>
      {tags.length > 0 && <span className="mk-muted"> ({tags.join(', ')})</span>}
    </span>
  );
}

/**
 * The network map as a table: the same information as the ecomap (who, which ring, which
 * tie, what they do), for screen readers, keyboard users and print.
 */
export function MembersTable({ circle, caption, extraColumns = [], variant = 'map' }: { circle: Circle; caption: string; extraColumns?: Column<CircleMember>[]; variant?: 'map' | 'people' }) {
  const { t, locale } = useI18n();
  const c = t.circle;
  const labels = codeLabels(locale);
  const rows = membersInMapOrder(circle.members);
  const hours = (m: CircleMember) => (m.details?.hoursPerWeek === null || m.details?.hoursPerWeek === undefined ? null : String(m.details.hoursPerWeek).replace('.', locale === 'nl' ? ',' : '.'));
  const help = (m: CircleMember) => (m.details?.helpKinds.length ? m.details.helpKinds.map(labels.help).join(', ') : t.common.none);
  const who = (m: CircleMember) => [...new Set([relationOf(m, labels), labels.kind(m.kind)])].join(' · ');
  const columns: Column<CircleMember>[] = [
    ...(variant === 'map'
      ? [
          { key: 'name', header: c.table.name, cell: (m: CircleMember): ReactNode => <MemberName member={m} /> },
          { key: 'relation', header: c.table.relation, cell: (m: CircleMember) => relationOf(m, labels) },
          { key: 'group', header: c.table.group, cell: (m: CircleMember) => labels.kind(m.kind) },
        ]
      : [
          {
            key: 'name',
            header: c.table.name,
            cell: (m: CircleMember): ReactNode => (
              <div>
                <MemberName member={m} />
                <br />
                <span className="mk-muted">{who(m)}</span>
              </div>
            ),
          },
        ]),
    ...(variant === 'map'
      ? [
          { key: 'ring', header: c.table.ring, cell: (m: CircleMember) => (m.details ? c.closeness[m.details.closeness as Closeness] : t.common.none) },
          { key: 'tie', header: c.table.tie, cell: (m: CircleMember) => (m.details ? c.ties[m.details.tie as Tie] : t.common.none) },
          { key: 'help', header: c.table.help, cell: help },
          { key: 'hours', header: c.table.hours, numeric: true, cell: (m: CircleMember) => hours(m) ?? t.common.none },
        ]
      : [{ key: 'help', header: c.table.help, cell: (m: CircleMember) => [help(m), hours(m) === null ? null : c.table.hoursShort(hours(m) as string)].filter(Boolean).join(' · ') }]),
    ...extraColumns,
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(m) => m.id} captionVisible />;
}
