import { Link } from 'react-router';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useI18n } from '../../i18n/index.tsx';
import type { Me } from '../../types.ts';
import { burdenApi, burdenKeys, burdenPaths, signalOrganisations } from './api.ts';
import { useBurdenText } from './text.ts';

const UNCLOSED = ['open', 'contacted', 'plan_agreed'] as const;

/** For a caregiver: "Hoe gaat het met u?" with the checks that are due or paused, per circle. */
function CaregiverCard() {
  const { t } = useI18n();
  const b = t.burden;
  const text = useBurdenText();
  const mine = useQuery({ queryKey: burdenKeys.me, queryFn: burdenApi.me });
  const circles = mine.data?.circles ?? [];
  if (circles.length === 0) return null;
  const tasks = circles.flatMap((c) => {
    const drafts = c.drafts.map((d) => ({ key: d.id, to: burdenPaths.check(c.clientId, c.memberId, d.id), title: b.homeDraft(text.name(d.instrumentKey, d.title), c.clientGivenName) }));
    const due = c.due
      .filter((d) => !c.drafts.some((x) => x.instrumentKey === d.instrumentKey))
      .map((d) => ({ key: `${c.clientId}-${d.instrumentKey}`, to: burdenPaths.choose(c.clientId, d.instrumentKey), title: b.homeDue(text.name(d.instrumentKey, d.title), c.clientGivenName) }));
    const all = [...drafts, ...due];
    return all.length ? all : [{ key: c.clientId, to: burdenPaths.overview(c.clientId), title: b.homeNothingDue(c.clientGivenName) }];
  });
  return (
    <section className="mk-section" aria-labelledby="home-belasting">
      <h2 className="utrecht-heading-2" id="home-belasting">
        {b.homeTitle}
      </h2>
      <ul className="mk-tasks">
        {tasks.map((task) => (
          <li key={task.key} className="mk-task">
            <Link className="utrecht-link utrecht-link--html-a mk-task__link" to={task.to}>
              {task.title}
            </Link>
            <p className="utrecht-paragraph mk-task__text">{b.homeText}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** For staff of care and welfare organisations: how many signals wait for follow-up. */
function SignalsCard({ me }: { me: Me }) {
  const { t } = useI18n();
  const b = t.burden;
  const organisations = signalOrganisations(me);
  const counts = useQueries({
    queries: organisations.map((o) => ({
      queryKey: [...burdenKeys.signals(o.organisationId), 'home'],
      queryFn: () => burdenApi.signals(o.organisationId, { statuses: [...UNCLOSED], escalated: false, mine: false, page: 1, pageSize: 1 }),
    })),
  });
  if (organisations.length === 0) return null;
  return (
    <section className="mk-section" aria-labelledby="home-signalen">
      <h2 className="utrecht-heading-2" id="home-signalen">
        {b.homeSignalsTitle}
      </h2>
      <ul className="mk-tasks">
        {organisations.map((o, i) => {
          const total = counts[i]?.data?.total;
          return (
            <li key={o.organisationId} className="mk-task">
              <Link className="utrecht-link utrecht-link--html-a mk-task__link" to={burdenPaths.signals(o.organisationId)}>
                {total === undefined ? b.signalsTitleOf(o.organisationName) : total === 0 ? b.homeSignalsNone(o.organisationName) : b.homeSignals(total, o.organisationName)}
              </Link>
              <p className="utrecht-paragraph mk-task__text">{b.homeSignalsText}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The burden part of the home page: a card for caregivers and one for staff with signals. */
export function BurdenHomeCards({ me }: { me: Me }) {
  return (
    <>
      <CaregiverCard />
      <SignalsCard me={me} />
    </>
  );
}
