import type { ReactNode } from 'react';
import type { AccessLevel, Closeness, Tie } from '../../../common/codes.ts';
import { useI18n } from '../../i18n/index.tsx';
import { codeLabels, fullName, relationOf, type CircleMember } from './labels.ts';
import { DataList } from '../ui.tsx';

/** The details of one person in the circle, as a data list (what the viewer may see). */
export function MemberDetailsPanel({ member, children }: { member: CircleMember; children?: ReactNode }) {
  const { t, locale, formatDate } = useI18n();
  const c = t.circle;
  const labels = codeLabels(locale);
  const d = member.details;
  const rows: [string, ReactNode][] = [
    [c.details.kind, labels.kind(member.kind)],
    [c.details.relation, relationOf(member, labels)],
  ];
  if (member.isMainCaregiver) rows.push([c.details.mainCaregiver, t.common.yes]);
  if (d) {
    if (d.isRepresentative) rows.push([c.details.representative, t.common.yes]);
    if (d.roleCode) rows.push([c.details.role, labels.role(d.roleCode) ?? d.roleCode]);
    rows.push([c.details.ring, c.closeness[d.closeness as Closeness]], [c.details.tie, c.ties[d.tie as Tie]]);
    rows.push([c.details.help, d.helpKinds.length ? d.helpKinds.map(labels.help).join(', ') : t.common.none]);
    rows.push([c.details.hours, d.hoursPerWeek === null ? t.common.none : c.details.hoursValue(d.hoursPerWeek)]);
    if (d.availability) rows.push([c.details.availability, d.availability]);
    if (d.since) rows.push([c.details.since, formatDate(d.since)]);
    if (d.organisationName) rows.push([c.details.organisation, d.organisationName]);
    if (d.jobTitle) rows.push([c.details.jobTitle, d.jobTitle]);
    if (d.email)
      rows.push([
        c.details.email,
        <a className="utrecht-link utrecht-link--html-a mk-break" href={`mailto:${d.email}`} key="e">
          {d.email}
        </a>,
      ]);
    if (d.phone)
      rows.push([
        c.details.phone,
        <a className="utrecht-link utrecht-link--html-a" href={`tel:${d.phone.replace(/[^+0-9]/g, '')}`} key="p">
          {d.phone}
        </a>,
      ]);
    rows.push([c.details.access, d.accessLevel ? `${c.levels[d.accessLevel as AccessLevel]}${d.accessUntil ? ` (${c.details.until(formatDate(d.accessUntil))})` : ''}` : c.details.noAccess]);
  }
  rows.push([c.details.account, member.hasAccount ? c.details.hasAccount : c.details.noAccount]);
  return (
    <section className="mk-member-details" aria-label={c.details.title(fullName(member))}>
      <h3 className="utrecht-heading-3 mk-member-details__title">
        {fullName(member)}
        {member.isMe && <span className="mk-muted"> ({c.map.me})</span>}
      </h3>
      {!d && <p className="utrecht-paragraph mk-muted">{c.map.noDetails}</p>}
      <DataList rows={rows} className="mk-member-details__list" />
      {children}
    </section>
  );
}
