import { useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { MEMBER_KIND_LABELS, type MemberKind } from '../../../common/codes.ts';
import { useI18n } from '../../i18n/index.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Empty, LoadError, Loading } from '../../components/Feedback.tsx';
import { PageHeading, Section } from '../../components/PageHeading.tsx';
import { CompareChart } from '../../components/scan/CompareChart.tsx';
import { useCircle } from '../../components/circle/api.ts';
import { scanApi, scanKeys, scanPaths } from '../../components/scan/api.ts';
import type { SnapshotMember } from '../../components/scan/types.ts';
import './scan.css';
import { Paragraph, TextLink } from '../../components/ui.tsx';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** Two completed scans side by side: who joined, who left, what changed, the hours before and after. */
export default function ScanComparePage() {
  const { t, locale, formatDate, formatDateTime } = useI18n();
  const { clientId = '' } = useParams();
  const [params] = useSearchParams();
  const a = params.get('a') ?? '';
  const b = params.get('b') ?? '';
  const circle = useCircle(clientId);
  const comparison = useQuery({
    queryKey: scanKeys.compare(clientId, a, b),
    queryFn: () => scanApi.compare(clientId, a, b),
    enabled: Boolean(a && b),
  });
  const clientName = circle.data ? `${circle.data.client.givenName} ${circle.data.client.familyName}`.trim() : '';
  const kind = (k: string) => MEMBER_KIND_LABELS[k as MemberKind]?.[locale] ?? k;
  const value = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t.common.none;
    if (field === 'closeness') return t.scan.closeness[v as keyof typeof t.scan.closeness] ?? String(v);
    if (field === 'tie') return t.scan.ties[v as keyof typeof t.scan.ties] ?? String(v);
    if (field === 'hoursPerWeek') return t.scan.hoursValue(Number(v));
    return String(v);
  };
  const people = (list: SnapshotMember[], none: string) =>
    list.length === 0 ? (
      <Paragraph>{none}</Paragraph>
    ) : (
      <ul className="utrecht-unordered-list mk-list">
        {list.map((m) => (
          <li className="utrecht-unordered-list__item" key={m.id}>
            {m.name} <span className="mk-muted">({kind(m.kind).toLowerCase()}{m.hoursPerWeek !== null ? `, ${t.scan.hoursValue(m.hoursPerWeek)}` : ''})</span>
          </li>
        ))}
      </ul>
    );

  const data = comparison.data;
  // Two scans on the same day are told apart by their time.
  const sameDay = data ? formatDate(data.before.completedAt) === formatDate(data.after.completedAt) : false;
  const when = (iso: string | null) => (sameDay ? formatDateTime(iso) : formatDate(iso));
  const beforeLabel = data ? t.scan.firstScan(when(data.before.completedAt)) : '';
  const afterLabel = data ? t.scan.secondScan(when(data.after.completedAt)) : '';
  const caregiver = data?.after.caregiverName ?? data?.before.caregiverName ?? t.scan.caregiver;
  const caregiverChange = data && data.caregiverHours.before !== null && data.caregiverHours.after !== null ? Math.round((data.caregiverHours.after - data.caregiverHours.before) * 10) / 10 : null;

  return (
    <>
      <PageHeading title={t.scan.compareTitle} lead={clientName ? t.scan.compareLead(clientName) : undefined} />
      <p className="utrecht-paragraph mk-no-print">
        <TextLink to={scanPaths.list(clientId)}>{t.scan.backToList}</TextLink>
      </p>
      {!a || !b ? (
        <Empty>{t.scan.compareChoose}</Empty>
      ) : comparison.isPending ? (
        <Loading />
      ) : comparison.isError ? (
        <LoadError error={comparison.error} onRetry={() => void comparison.refetch()} />
      ) : (
        data && (
          <>
            <Paragraph>{t.scan.compareIntro(data ? when(data.before.completedAt) : '', data ? when(data.after.completedAt) : '')}</Paragraph>
            <Section id="uren" title={t.scan.hoursTitle}>
              <DataTable
                caption={t.scan.hoursCaption}
                captionVisible
                rows={[
                  { key: 'all', label: t.scan.hoursAll, before: data.hours.before, after: data.hours.after, change: data.hours.change },
                  { key: 'caregiver', label: t.scan.hoursCaregiver(caregiver), before: data.caregiverHours.before, after: data.caregiverHours.after, change: caregiverChange },
                ]}
                rowKey={(r) => r.key}
                columns={[
                  { key: 'what', header: t.scan.colWhat, cell: (r) => r.label },
                  { key: 'before', header: beforeLabel, numeric: true, cell: (r) => (r.before === null ? t.scan.unknownHours : t.scan.hoursValue(r.before)) },
                  { key: 'after', header: afterLabel, numeric: true, cell: (r) => (r.after === null ? t.scan.unknownHours : t.scan.hoursValue(r.after)) },
                  { key: 'change', header: t.scan.colChange, numeric: true, cell: (r) => (r.change === null ? t.common.none : t.scan.hoursChange(signed(r.change))) },
                ]}
              />
              <CompareChart
                title={t.scan.chartTitle}
                beforeLabel={beforeLabel}
                afterLabel={afterLabel}
                groups={[
                  { label: t.scan.hoursAll, before: data.hours.before, after: data.hours.after },
                  { label: t.scan.hoursCaregiver(caregiver), before: data.caregiverHours.before, after: data.caregiverHours.after },
                ]}
              />
            </Section>
            <Section id="erbij" title={t.scan.joinedTitle(data.joined.length)}>
              {people(data.joined, t.scan.joinedNone)}
            </Section>
            <Section id="weg" title={t.scan.leftTitle(data.left.length)}>
              {people(data.left, t.scan.leftNone)}
            </Section>
            <Section id="veranderd" title={t.scan.changedTitle(data.changed.length)}>
              {data.changed.length === 0 ? (
                <Paragraph>{t.scan.changedNone}</Paragraph>
              ) : (
                <DataTable
                  caption={t.scan.changedCaption}
                  rows={data.changed.flatMap((c) => c.changes.map((ch) => ({ key: `${c.id}-${ch.field}`, name: c.name, ...ch })))}
                  rowKey={(r) => r.key}
                  columns={[
                    { key: 'name', header: t.scan.colName, cell: (r) => r.name },
                    { key: 'field', header: t.scan.colWhat, cell: (r) => t.scan.fields[r.field as keyof typeof t.scan.fields] ?? r.field },
                    { key: 'from', header: beforeLabel, cell: (r) => value(r.field, r.from) },
                    { key: 'to', header: afterLabel, cell: (r) => value(r.field, r.to) },
                  ]}
                />
              )}
            </Section>
          </>
        )
      )}
    </>
  );
}
