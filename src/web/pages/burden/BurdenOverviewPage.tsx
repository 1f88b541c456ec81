import { Link, useLocation, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Circle } from '../../../common/circle-schemas.ts';
import { isStaff, useMe } from '../../auth.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Me } from '../../types.ts';
import { Alert, Empty, LoadError, Loading, StatusBadge } from '../../components/Feedback.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { PageHeading, Section, useHashTarget } from '../../components/PageHeading.tsx';
import { burdenApi, burdenKeys, burdenPaths, signalOrganisations } from '../../components/burden/api.ts';
import { clientName, informalMembers, useCircleInfo } from '../../components/burden/circle.ts';
import { ScheduleEditor } from '../../components/burden/ScheduleEditor.tsx';
import { useBurdenText } from '../../components/burden/text.ts';
import { useStartCheck } from '../../components/burden/useStartCheck.ts';
import type { Latest, MyCircle } from '../../components/burden/types.ts';
import '../../components/burden/burden.css';

const newestFirst = (a: Latest, c: Latest) => Date.parse(c.completedAt) - Date.parse(a.completedAt);

function LatestList({ latest, clientId, memberId }: { latest: Latest[]; clientId: string; memberId: string }) {
  const { t, formatDate } = useI18n();
  const b = t.burden;
  const text = useBurdenText();
  return (
    <ul className="mk-bc-cards">
      {[...latest].sort(newestFirst).map((l) => {
        const name = text.name(l.instrumentKey, l.title);
        return (
          <li key={l.checkId} className="mk-bc-card">
            <h3 className="utrecht-heading-3">{name}</h3>
            <p>
              <strong>{b.scoreOf(l.total, l.maxScore)}</strong>
              {l.bandLabel && (l.overload ? <> <StatusBadge tone="danger">{text.api(l.bandLabel)}</StatusBadge></> : <> · {text.api(l.bandLabel)}</>)}
            </p>
            <p className="mk-bc-card__meta">{b.doneOn(formatDate(l.completedAt))}</p>
            <p className="mk-bc-card__actions">
              <Link className="utrecht-link utrecht-link--html-a" to={burdenPaths.check(clientId, memberId, l.checkId)}>
                {b.openResult(name)}
              </Link>
            </p>
          </li>
        );
      })}
    </ul>
  );
}

/** The caregiver's own page for one circle: what is due, paused checks, latest results, reminders. */
function SelfOverview({ circle, mine }: { circle: Circle; mine: MyCircle }) {
  const { t, formatDate, errorText } = useI18n();
  const b = t.burden;
  const text = useBurdenText();
  const location = useLocation();
  const queryClient = useQueryClient();
  const paused = (location.state as { paused?: string } | null)?.paused;
  const clientId = circle.client.id;
  const start = useStartCheck(clientId);
  const discard = useMutation({
    mutationFn: (checkId: string) => burdenApi.discard(clientId, mine.memberId, checkId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: burdenKeys.me }),
  });
  useHashTarget(true);
  const draftFor = (key: string) => mine.drafts.find((d) => d.instrumentKey === key);
  const signal = mine.signal;

  return (
    <>
      <PageHeading title={b.title} lead={b.overviewLead(circle.client.givenName)} />
      {paused && <Alert kind="ok" title={b.paused(paused)} live />}
      {signal && (
        <Alert kind="info">
          <p className="utrecht-paragraph">
            {signal.status === 'contacted' && signal.organisationName
              ? b.signalContacted(signal.organisationName)
              : signal.status === 'plan_agreed' && signal.organisationName
                ? b.signalPlan(signal.organisationName)
                : signal.organisationName
                  ? b.signalOpen(signal.organisationName)
                  : b.signalOpenNoOrganisation}
          </p>
        </Alert>
      )}
      {start.isError && <Alert kind="error" title={errorText(start.error)} focus={start.error} />}
      {discard.isError && <Alert kind="error" title={errorText(discard.error)} focus={discard.error} />}
      {discard.isSuccess && <Alert kind="ok" title={b.discarded} focus={discard.submittedAt} />}

      <Section id="aan-de-beurt" title={b.dueTitle}>
        {mine.due.length === 0 ? (
          <p className="utrecht-paragraph">{b.dueNone}</p>
        ) : (
          <ul className="mk-bc-cards">
            {mine.due.map((d) => {
              const name = text.name(d.instrumentKey, d.title);
              const draft = draftFor(d.instrumentKey);
              return (
                <li key={d.instrumentKey} className="mk-bc-card mk-bc-card--due">
                  <h3 className="utrecht-heading-3">{name}</h3>
                  {text.explanation(d.instrumentKey) && <p>{text.explanation(d.instrumentKey)}</p>}
                  <p className="mk-bc-card__meta">
                    {d.nextDueOn && b.dueSince(text.day(d.nextDueOn))} {d.lastCompletedOn ? b.lastDone(text.day(d.lastCompletedOn)) : b.neverDone}
                  </p>
                  <p className="mk-bc-card__actions">
                    {draft ? (
                      <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" to={burdenPaths.check(clientId, mine.memberId, draft.id)}>
                        {b.continueCheck(name)}
                      </Link>
                    ) : (
                      <button
                        type="button"
                        className={`utrecht-button utrecht-button--primary-action${start.isPending ? ' utrecht-button--busy' : ''}`}
                        aria-disabled={start.isPending ? true : undefined}
                        onClick={() => !start.isPending && start.mutate({ memberId: mine.memberId, instrument: d.instrumentKey })}
                      >
                        {b.startCheck}
                        <span className="mk-visually-hidden"> {b.quoted(name)}</span>
                      </button>
                    )}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </Section>

      {mine.drafts.length > 0 && (
        <Section id="verder-gaan" title={b.continueTitle}>
          <ul className="mk-bc-cards">
            {mine.drafts.map((d) => {
              const name = text.name(d.instrumentKey, d.title);
              return (
                <li key={d.id} className="mk-bc-card">
                  <h3 className="utrecht-heading-3">{name}</h3>
                  <p>{b.answeredOf(d.answeredCount, d.itemCount)}</p>
                  <p className="mk-bc-card__meta">{b.savedOn(formatDate(d.updatedAt))}</p>
                  <p className="mk-bc-card__actions">
                    <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" to={burdenPaths.check(clientId, mine.memberId, d.id)}>
                      {b.continueCheck(name)}
                    </Link>
                    <ConfirmButton
                      variant="subtle"
                      question={b.discardQuestion}
                      explanation={b.discardExplanation}
                      confirmLabel={b.discardConfirm}
                      busy={discard.isPending && discard.variables === d.id}
                      onConfirm={() => discard.mutate(d.id)}
                    >
                      {b.discard}
                      <span className="mk-visually-hidden"> ({name})</span>
                    </ConfirmButton>
                  </p>
                </li>
              );
            })}
          </ul>
        </Section>
      )}

      <Section id="uitslagen" title={b.latestTitle}>
        {mine.latest.length === 0 ? <p className="utrecht-paragraph">{b.latestNone}</p> : <LatestList latest={mine.latest} clientId={clientId} memberId={mine.memberId} />}
        <ul className="mk-link-list">
          {mine.latest.length > 0 && (
            <li>
              <Link className="utrecht-link utrecht-link--html-a" to={burdenPaths.trend(clientId, mine.memberId)}>
                {b.trendLink}
              </Link>
            </li>
          )}
          <li>
            <Link className="utrecht-link utrecht-link--html-a" to={burdenPaths.choose(clientId)}>
              {b.otherCheck}
            </Link>
          </li>
        </ul>
      </Section>

      <Section id="herinneringen" title={b.remindersTitle}>
        <ScheduleEditor clientId={clientId} memberId={mine.memberId} />
      </Section>
    </>
  );
}

/** A professional's view: the caregivers of the client, with what they shared. */
function ProfessionalOverview({ circle, me }: { circle: Circle; me: Me }) {
  const { t } = useI18n();
  const b = t.burden;
  const clientId = circle.client.id;
  const burden = useQuery({ queryKey: burdenKeys.circle(clientId), queryFn: () => burdenApi.circle(clientId) });
  const caregivers = informalMembers(circle);
  // The organisation through which the person works with this client (its signals they may open).
  const mine = new Set(signalOrganisations(me).map((o) => o.organisationId));
  const signalOrganisation = circle.organisations.find((o) => mine.has(o.organisationId))?.organisationId ?? null;
  const fullName = `${circle.client.givenName} ${circle.client.familyName}`.trim();
  return (
    <>
      <PageHeading title={b.title} lead={b.overviewLeadProfessional(fullName)} />
      <Section id="mantelzorgers" title={b.caregiversTitle}>
        {burden.isPending ? (
          <Loading />
        ) : burden.isError ? (
          <LoadError error={burden.error} onRetry={() => void burden.refetch()} />
        ) : caregivers.length === 0 ? (
          <Empty>{b.noCaregivers}</Empty>
        ) : (
          <>
            {burden.data.caregivers.length === 0 && (
              <Alert kind="info">
                <p className="utrecht-paragraph">{b.nothingShared}</p>
              </Alert>
            )}
            <ul className="mk-bc-cards">
              {caregivers.map((m) => {
                const name = `${m.givenName} ${m.familyName}`.trim();
                const shared = burden.data.caregivers.find((c) => c.memberId === m.id);
                return (
                  <li key={m.id} className="mk-bc-card">
                    <h3 className="utrecht-heading-3">{name}</h3>
                    {shared ? (
                      <>
                        <p>{b.sharedResults(shared.checkCount)}</p>
                        <LatestLines latest={shared.latest} />
                        {shared.signal && (
                          <p>
                            {signalOrganisation ? (
                              <Link className="utrecht-link utrecht-link--html-a" to={burdenPaths.signal(signalOrganisation, shared.signal.id)}>
                                {b.openSignal}
                              </Link>
                            ) : (
                              b.openSignal
                            )}{' '}
                            <StatusBadge tone="warning">{b.statuses[shared.signal.status] ?? shared.signal.status}</StatusBadge>
                          </p>
                        )}
                      </>
                    ) : (
                      <p className="mk-muted">{b.nothingSharedBy(m.givenName)}</p>
                    )}
                    <p className="mk-bc-card__actions">
                      {shared && (
                        <Link className="utrecht-link utrecht-link--html-a" to={burdenPaths.trend(clientId, m.id)}>
                          {b.trendOf(name)}
                        </Link>
                      )}
                      <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" to={burdenPaths.conversation(clientId, { memberId: m.id })}>
                        {b.conversationLink(m.givenName)}
                      </Link>
                    </p>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </Section>
    </>
  );
}

function LatestLines({ latest }: { latest: Latest[] }) {
  const { t, formatDate } = useI18n();
  const text = useBurdenText();
  return (
    <ul className="utrecht-unordered-list mk-list">
      {[...latest].sort(newestFirst).map((l) => (
        <li key={l.checkId} className="utrecht-unordered-list__item">
          {text.name(l.instrumentKey, l.title)} – <strong>{t.burden.scoreOf(l.total, l.maxScore)}</strong>
          {l.bandLabel && ` (${text.api(l.bandLabel)})`}, {formatDate(l.completedAt)}
        </li>
      ))}
    </ul>
  );
}

/**
 * /kringen/:clientId/belasting — the page the reminder mails link to. A caregiver sees their
 * own checks for this circle; a professional of the client sees the caregivers and what they
 * shared, and can take a check with them in a conversation.
 */
export default function BurdenOverviewPage() {
  const { t } = useI18n();
  const { clientId = '' } = useParams();
  const me = useMe().data as Me;
  const circle = useCircleInfo(clientId);
  const mine = useQuery({ queryKey: burdenKeys.me, queryFn: burdenApi.me });
  if (circle.isPending || mine.isPending) {
    return (
      <>
        <PageHeading title={t.burden.title} />
        <Loading />
      </>
    );
  }
  if (circle.isError || mine.isError) {
    return (
      <>
        <PageHeading title={t.burden.title} />
        <LoadError error={circle.error ?? mine.error} onRetry={() => void (circle.refetch(), mine.refetch())} />
      </>
    );
  }
  const own = mine.data.circles.find((c) => c.clientId === clientId);
  if (own) return <SelfOverview circle={circle.data} mine={own} />;
  if (isStaff(me)) return <ProfessionalOverview circle={circle.data} me={me} />;
  return (
    <>
      <PageHeading title={t.burden.title} lead={clientName(circle.data)} />
      <Empty>{t.burden.notCaregiver}</Empty>
    </>
  );
}
