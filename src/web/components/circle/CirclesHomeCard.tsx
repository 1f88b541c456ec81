import { useI18n } from '../../i18n/index.tsx';
import { PendingInvitation } from './PendingInvitation.tsx';
import { useMyCircles, circlePaths } from './api.ts';
import { Paragraph, TextLink } from '../ui.tsx';
import { ROUTES } from '../../../common/paths.ts';

/** On the home page: my circles at a glance, a pending invitation, and where to start one. */
export function CirclesHomeCard() {
  const { t } = useI18n();
  const c = t.circle;
  const circles = useMyCircles();
  const items = circles.data?.items ?? [];
  return (
    <section className="mk-section" aria-labelledby="home-circles">
      <h2 className="utrecht-heading-2" id="home-circles">
        {c.home.title}
      </h2>
      <PendingInvitation />
      <Paragraph>{c.home.text}</Paragraph>
      {items.length > 0 && (
        <ul className="utrecht-link-list mk-link-list mk-link-list--inline" aria-label={c.list.listLabel}>
          {items.slice(0, 6).map((item) => (
            <li className="utrecht-link-list__item" key={item.clientId}>
              <TextLink to={circlePaths.circle(item.clientId)}>{c.list.circleOf(`${item.givenName} ${item.familyName}`)}</TextLink>
            </li>
          ))}
        </ul>
      )}
      <Paragraph>
        <TextLink to={ROUTES.circles}>
          {items.length > 0 ? c.home.all : c.list.start}
        </TextLink>
      </Paragraph>
    </section>
  );
}
