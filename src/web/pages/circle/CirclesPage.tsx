import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useI18n } from '../../i18n/index.tsx';
import { Alert, Empty, LoadError, Loading } from '../../components/Feedback.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { CodeForm } from '../../components/circle/CodeForm.tsx';
import { PendingInvitation } from '../../components/circle/PendingInvitation.tsx';
import type { CircleListItem } from '../../components/circle/data.ts';
import { useMyCircles, circlePaths } from '../../components/circle/api.ts';
import { codeLabels } from '../../components/circle/labels.ts';
import '../../components/circle/circle.css';
import { Paragraph } from '../../components/ui.tsx';
import { ROUTES } from '../../../common/paths.ts';

function whoAmI(item: CircleListItem, c: ReturnType<typeof useI18n>['t']['circle'], kindLabel: (kind: string) => string): string {
  if (item.isClient) return c.list.youClient;
  if (item.isMainCaregiver) return c.list.youMain;
  if (item.memberKind) return c.list.youAre(kindLabel(item.memberKind).toLowerCase());
  return c.list.youOrganisation;
}

/** "Mijn zorgkringen": the circles I am in, start one, or enter a code. */
export default function CirclesPage() {
  const { t, locale } = useI18n();
  const c = t.circle;
  const circles = useMyCircles();
  const location = useLocation();
  const [left] = useState(() => (location.state as { left?: string } | null)?.left ?? null);
  const labels = codeLabels(locale);

  let list;
  if (circles.isPending) list = <Loading />;
  else if (circles.isError) list = <LoadError error={circles.error} onRetry={() => void circles.refetch()} />;
  else if (circles.data.items.length === 0) list = <Empty>{c.list.empty}</Empty>;
  else
    list = (
      <ul className="mk-circle-list" aria-label={c.list.listLabel}>
        {circles.data.items.map((item) => (
          <li key={item.clientId} className="mk-circle-card">
            <Link className="utrecht-link utrecht-link--html-a mk-circle-card__link" to={circlePaths.circle(item.clientId)}>
              {c.list.circleOf(`${item.givenName} ${item.familyName}`)}
            </Link>
            <Paragraph>
              {item.municipalityName} · {c.list.people(item.memberCount)}
            </Paragraph>
            <p className="utrecht-paragraph mk-muted">{whoAmI(item, c, labels.kind)}</p>
          </li>
        ))}
      </ul>
    );

  return (
    <>
      <PageHeading title={c.list.title} lead={c.list.lead} />
      {left && <Alert kind="ok" title={c.leave.done(left)} focus={left} />}
      <PendingInvitation />
      <div className="mk-circle-actions">
        <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" to={ROUTES.startCircle}>
          {c.list.start}
        </Link>
      </div>
      <section className="mk-section" aria-labelledby="kringen-lijst">
        <h2 className="utrecht-heading-2" id="kringen-lijst">
          {c.list.listTitle}
        </h2>
        {list}
      </section>
      <section className="mk-section" aria-labelledby="kringen-code">
        <h2 className="utrecht-heading-2" id="kringen-code">
          {c.code.title}
        </h2>
        <Paragraph>{c.code.intro}</Paragraph>
        <CodeForm idPrefix="kringcode" headingId="kringen-code" />
      </section>
    </>
  );
}
