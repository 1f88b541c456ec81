import { useQueries, useQuery } from '@tanstack/react-query';
import { useI18n } from '../../i18n/index.tsx';
import type { Me } from '../../types.ts';
import { burdenApi, burdenKeys, burdenPaths, signalOrganisations } from './api.ts';
import { useBurdenText } from './text.ts';
import { TaskList } from '../ui.tsx';

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
    const drafts = c.drafts.map((d) => ({ key: d.id, to: burdenPaths.check(c.clientId, c.memberId, d.id), title: b.homeDraft(text.name(d.instrumentKey, d.title), c.clientGivenName), text: b.homeText }));
    const due = c.due
      .filter((d) => !c.drafts.some((x) => x.instrumentKey === d.instrumentKey))
      .map((d) => ({ key: `${c.clientId}-${d.instrumentKey}`, to: burdenPaths.choose(c.clientId, d.instrumentKey), title: b.homeDue(text.name(d.instrumentKey, d.title), c.clientGivenName), text: b.homeText }));
    const all = [...drafts, ...due];
    return all.length ? all : [{ key: c.clientId, to: burdenPaths.overview(c.clientId), title: b.homeNothingDue(c.clientGivenName), text: b.homeText }];
  });
  return (
    <section className="mk-section" aria-labelledby="home-belasting">
      <h2 className="utrecht-heading-2" id="home-belasting">
        {b.homeTitle}
      </h2>
      <TaskList tasks={tasks} />
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
      queryKey: burdenKeys.signalCount(o.organisationId),
      queryFn: () => burdenApi.signals(o.organisationId, { statuses: [...UNCLOSED], escalated: false, mine: false, page: 1, pageSize: 1 }),
    })),
  });
  if (organisations.length === 0) return null;
  return (
    <section className="mk-section" aria-labelledby="home-signalen">
      <h2 className="utrecht-heading-2" id="home-signalen">
        {b.homeSignalsTitle}
      </h2>
      <TaskList
        tasks={organisations.map((o, i) => {
          const total = counts[i]?.data?.total;
          return {
            key: o.organisationId,
            to: burdenPaths.signals(o.organisationId),
            title: total === undefined ? b.signalsTitleOf(o.organisationName) : total === 0 ? b.homeSignalsNone(o.organisationName) : b.homeSignals(total, o.organisationName),
            text: b.homeSignalsText,
          };
        })}
      />
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
