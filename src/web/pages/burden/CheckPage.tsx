import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { safeReturnPath } from '../../auth.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Alert, LoadError, Loading } from '../../components/Feedback.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { burdenApi, burdenKeys, burdenPaths } from '../../components/burden/api.ts';
import { clientName, memberName, sharingOrganisations, useCircleInfo } from '../../components/burden/circle.ts';
import { CheckRunner } from '../../components/burden/CheckRunner.tsx';
import { ResultView } from '../../components/burden/ResultView.tsx';
import { useBurdenText } from '../../components/burden/text.ts';
import type { Check } from '../../components/burden/types.ts';

/**
 * /kringen/:clientId/belasting/:memberId/checks/:checkId — a check in progress (the questions)
 * or, once completed, its result. `?terug=` brings a professional back to where they came
 * from (e.g. the MantelScan).
 */
export default function CheckPage() {
  const { t } = useI18n();
  const b = t.burden;
  const text = useBurdenText();
  const { clientId = '', memberId = '', checkId = '' } = useParams();
  const [params] = useSearchParams();
  const back = safeReturnPath(params.get('terug'));
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const resumed = (location.state as { resumed?: boolean } | null)?.resumed;
  const circle = useCircleInfo(clientId);
  const check = useQuery({ queryKey: burdenKeys.check(clientId, memberId, checkId), queryFn: () => burdenApi.check(clientId, memberId, checkId) });
  const data = check.data;
  const completed = data?.status === 'completed';
  const instrument = useQuery({
    queryKey: burdenKeys.instrument(data?.instrument.key ?? '', data?.instrument.version ?? ''),
    queryFn: () => burdenApi.instrument(data?.instrument.key ?? '', data?.instrument.version),
    enabled: completed,
    staleTime: Infinity,
  });

  const self = circle.data?.myAccess.memberId === memberId;
  const name = data ? text.name(data.instrument.key, data.instrument.title) : b.title;
  const title = completed ? (self ? b.resultTitle : b.resultTitleOf(memberName(circle.data, memberId))) : name;

  // A paused check starts from what the server has now (not from an older copy in the cache).
  if (check.isPending || circle.isPending || (data?.status === 'in_progress' && !check.isFetchedAfterMount)) {
    return (
      <>
        <PageHeading title={b.title} />
        <Loading />
      </>
    );
  }
  if (check.isError || circle.isError || !data) {
    return (
      <>
        <PageHeading title={b.title} />
        <LoadError error={check.error ?? circle.error} onRetry={() => void check.refetch()} />
        <p className="utrecht-paragraph">
          <Link className="utrecht-link utrecht-link--html-a" to={back ?? burdenPaths.overview(clientId)}>
            {back ? b.backPrevious : b.back}
          </Link>
        </p>
      </>
    );
  }

  const onCompleted = (done: Check) => {
    queryClient.setQueryData(burdenKeys.check(clientId, memberId, checkId), done);
    void queryClient.invalidateQueries({ queryKey: burdenKeys.all, predicate: (q) => q.queryKey[1] !== 'check' && q.queryKey[1] !== 'instruments' });
    // The page now shows the result: start reading at its title.
    window.requestAnimationFrame(() => document.getElementById('pagina-titel')?.focus());
  };

  return (
    <>
      <PageHeading
        title={title}
        lead={data.mode === 'professional' && !completed ? `${b.caregiverLabel}: ${memberName(circle.data, memberId)} (${clientName(circle.data)})` : undefined}
      />
      {!completed && resumed && <Alert kind="info" title={b.resumeNote} />}
      {completed ? (
        instrument.isPending ? (
          <Loading />
        ) : (
          <ResultView check={data} viewer={self ? 'self' : 'professional'} shareWith={sharingOrganisations(circle.data)} bands={instrument.data?.scoring.bands ?? []} back={back} />
        )
      ) : (
        <CheckRunner
          key={data.id}
          check={data}
          clientName={clientName(circle.data)}
          shareWith={sharingOrganisations(circle.data)}
          onCompleted={onCompleted}
          onPaused={() => navigate(self || !back ? burdenPaths.overview(clientId) : back, { state: { paused: name } })}
        />
      )}
    </>
  );
}
