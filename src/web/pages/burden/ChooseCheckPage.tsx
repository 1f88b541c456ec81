import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { isStaff, useMe } from '../../auth.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Me } from '../../types.ts';
import { Alert, Empty, LoadError, Loading } from '../../components/Feedback.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { burdenApi, burdenKeys, burdenPaths } from '../../components/burden/api.ts';
import { useBurdenText } from '../../components/burden/text.ts';
import { useStartCheck } from '../../components/burden/useStartCheck.ts';
import { InstrumentCard } from '../../components/burden/InstrumentCard.tsx';
import type { Instrument, MyCircle } from '../../components/burden/types.ts';
import '../../components/burden/burden.css';

function Choose({ mine, instruments, wanted }: { mine: MyCircle; instruments: Instrument[]; wanted: string | null }) {
  const { t, errorText } = useI18n();
  const b = t.burden;
  const text = useBurdenText();
  const start = useStartCheck(mine.clientId);
  const dueKeys = new Set(mine.due.map((d) => d.instrumentKey));
  // The one asked for first, then the ones that are due, then the rest.
  const rank = (i: Instrument) => (i.key === wanted ? 0 : dueKeys.has(i.key) ? 1 : 2);
  const list = instruments.filter((i) => i.status === 'active').sort((a, c) => rank(a) - rank(c));
  return (
    <>
      {start.isError && <Alert kind="error" title={errorText(start.error)} focus={start.error} />}
      <ul className="mk-bc-cards">
        {list.map((i) => {
          const draft = mine.drafts.find((d) => d.instrumentKey === i.key) ?? null;
          const name = text.name(i.key, i.title);
          return (
            <InstrumentCard key={i.key} instrument={i} due={dueKeys.has(i.key)} draft={draft}>
              <button
                type="button"
                className={`utrecht-button utrecht-button--primary-action${start.isPending && start.variables?.instrument === i.key ? ' utrecht-button--busy' : ''}`}
                aria-disabled={start.isPending ? true : undefined}
                onClick={() => !start.isPending && start.mutate({ memberId: mine.memberId, instrument: i.key })}
              >
                {draft ? b.continueCheck(name) : b.startCheck}
                {!draft && <span className="mk-visually-hidden"> {b.quoted(name)}</span>}
              </button>
            </InstrumentCard>
          );
        })}
      </ul>
    </>
  );
}

/** /kringen/:clientId/belasting/starten — the caregiver chooses a check. */
export default function ChooseCheckPage() {
  const { t } = useI18n();
  const b = t.burden;
  const { clientId = '' } = useParams();
  const [params] = useSearchParams();
  const me = useMe().data as Me;
  const mine = useQuery({ queryKey: burdenKeys.me, queryFn: burdenApi.me });
  const instruments = useQuery({ queryKey: burdenKeys.instruments, queryFn: burdenApi.instruments, staleTime: 300_000 });
  const own = mine.data?.circles.find((c) => c.clientId === clientId);
  return (
    <>
      <PageHeading title={b.chooseTitle} lead={b.chooseLead} />
      {mine.isPending || instruments.isPending ? (
        <Loading />
      ) : mine.isError || instruments.isError ? (
        <LoadError error={mine.error ?? instruments.error} onRetry={() => void (mine.refetch(), instruments.refetch())} />
      ) : !own ? (
        <>
          <Empty>{b.notCaregiver}</Empty>
          {isStaff(me) && (
            <p className="utrecht-paragraph">
              <Link className="utrecht-link utrecht-link--html-a" to={burdenPaths.conversation(clientId)}>
                {b.conversationTitle}
              </Link>
            </p>
          )}
        </>
      ) : (
        <Choose mine={own} instruments={instruments.data.items} wanted={params.get('vragenlijst')} />
      )}
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a" to={burdenPaths.overview(clientId)}>
          {b.back}
        </Link>
      </p>
    </>
  );
}
