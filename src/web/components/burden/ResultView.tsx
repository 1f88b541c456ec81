import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../i18n/index.tsx';
import { Alert, StatusBadge, nextKey } from '../Feedback.tsx';
import { Section } from '../PageHeading.tsx';
import { burdenApi, burdenKeys, burdenPaths } from './api.ts';
import { listText, useBurdenText } from './text.ts';
import type { Band, Check, CheckResult } from './types.ts';
import './burden.css';

const zoneClass = (band: Band) => `mk-bc-zone--${band.level ?? 'other'}`;

/** The bands of an instrument as a bar with a marker at the score (the text says the same). */
export function BandBar({ bands, min, max, total }: { bands: Band[]; min: number; max: number; total: number }) {
  if (bands.length === 0) return null;
  const units = max - min + 1;
  return (
    <div className="mk-bc-scale-bar" aria-hidden="true">
      {[...bands]
        .sort((a, c) => a.min - c.min)
        .map((band) => (
          <span key={band.code} className={`mk-bc-scale-bar__band ${zoneClass(band)}`} style={{ flexGrow: band.max - band.min + 1, flexBasis: 0 }}>
            {band.min === band.max ? band.min : `${band.min}–${band.max}`}
          </span>
        ))}
      <span className="mk-bc-scale-bar__marker" data-total={total} style={{ insetInlineStart: `${((total - min + 0.5) / units) * 100}%` }} />
    </div>
  );
}

function ScoreBlock({ result, self, bands }: { result: CheckResult; self: boolean; bands: Band[] }) {
  const { t } = useI18n();
  const b = t.burden;
  const text = useBurdenText();
  const heavy = result.overload || result.band?.level === 'heavy';
  const diff = result.change ?? 0;
  return (
    <section className={`mk-bc-score${heavy ? ' mk-bc-score--heavy' : ''}`} aria-labelledby="uitslag-score">
      <h2 className="utrecht-heading-2" id="uitslag-score">
        {self ? b.yourScore : b.score}
      </h2>
      <p className="mk-bc-score__number" data-testid="burden-score">
        <span className="mk-bc-score__total">{result.total}</span> <span>{b.outOf(result.maxScore)}</span>
      </p>
      {result.band && (
        <p className="mk-bc-score__band" data-testid="burden-band">
          {text.api(result.band.label)}
        </p>
      )}
      <BandBar bands={bands} min={result.minScore} max={result.maxScore} total={result.total} />
      {result.band && <p className="utrecht-paragraph">{text.api(result.band.meaning)}</p>}
      {result.previousTotal !== null && (
        <p className="utrecht-paragraph">
          {diff === 0 ? b.previousSame(result.previousTotal) : diff > 0 ? b.previousHigher(result.previousTotal, diff) : b.previousLower(result.previousTotal, -diff)}
          {result.rising && <strong> {b.risingNote}</strong>}
        </p>
      )}
      {result.note && <p className="utrecht-paragraph mk-muted">{text.api(result.note)}</p>}
    </section>
  );
}

/** Who will contact the caregiver about a heavy result, and why, in plain words. */
function WhoContacts({ signal, shared }: { signal: NonNullable<CheckResult['signal']>; shared: boolean }) {
  const { t } = useI18n();
  const b = t.burden;
  const organisation = signal.organisationName ?? '';
  const text =
    signal.routedTo === 'professional' && organisation
      ? `${b.contactProfessional(organisation)}${shared ? ` ${b.contactShared}` : ''}`
      : signal.routedTo === 'support_centre' && organisation
        ? b.contactSupportCentre(organisation)
        : signal.routedTo === 'municipality' && organisation
          ? b.contactMunicipality(organisation)
          : b.contactNobody;
  return (
    <Section id="uitslag-contact" title={b.whoContactsTitle}>
      <Alert kind="info">
        <p className="utrecht-paragraph" data-testid="burden-who-contacts">
          {text}
        </p>
      </Alert>
    </Section>
  );
}

/**
 * The result of a completed check: score, band in words, what it means, the change since
 * last time, who will contact the caregiver (when heavy), next steps, local support, and the
 * caregiver's choice to share it with the client's professional(s).
 */
export function ResultView({
  check,
  viewer,
  shareWith,
  bands,
  back,
}: {
  check: Check;
  viewer: 'self' | 'professional';
  /** Organisations that see a shared result. */
  shareWith: string[];
  /** All bands of the instrument (for the bar). */
  bands: Band[];
  /** Where the professional came from (e.g. the MantelScan). */
  back?: string | null;
}) {
  const { t, formatDate } = useI18n();
  const b = t.burden;
  const text = useBurdenText();
  const queryClient = useQueryClient();
  const [changed, setChanged] = useState<{ key: number; shared: boolean } | null>(null);
  const result = check.result;
  const sharing = useMutation({
    mutationFn: (shared: boolean) => burdenApi.share(check.clientId, check.memberId, check.id, shared),
    onSuccess: (fresh) => {
      queryClient.setQueryData(burdenKeys.check(check.clientId, check.memberId, check.id), fresh);
      setChanged({ key: nextKey(), shared: fresh.sharedWithProfessional });
      void queryClient.invalidateQueries({ queryKey: burdenKeys.trend(check.clientId, check.memberId) });
    },
  });
  if (!result) return null;
  const self = viewer === 'self';
  const organisations = listText(shareWith, b.and) || b.theProfessional;
  const signal = result.signal;

  return (
    <div className="mk-bc">
      <p className="utrecht-paragraph mk-muted">
        {text.name(check.instrument.key, check.instrument.title)} · {b.doneOn(formatDate(check.completedAt))}
        {check.mode === 'professional' && check.administeredBy && ` ${b.takenWith(check.administeredBy, check.organisation?.name ?? '')}`}
      </p>
      <ScoreBlock result={result} self={self} bands={bands} />

      {self && signal && <WhoContacts signal={signal} shared={check.sharedWithProfessional} />}
      {!self && signal && check.organisation && signal.routedTo === 'professional' && (
        <Alert kind="info" title={b.signalForUs}>
          <p className="utrecht-paragraph">
            <Link className="utrecht-link utrecht-link--html-a" to={burdenPaths.signal(check.organisation.id, signal.id)}>
              {b.openSignalLink}
            </Link>{' '}
            <StatusBadge tone="warning">{b.statuses[signal.status] ?? signal.status}</StatusBadge>
          </p>
        </Alert>
      )}

      <Section id="uitslag-stappen" title={b.nextStepsTitle}>
        <ol className="utrecht-ordered-list mk-bc-steps">
          {result.nextSteps.map((step) => (
            <li key={step.kind + step.text} className="utrecht-ordered-list__item">
              {text.api(step.text)}
            </li>
          ))}
        </ol>
      </Section>

      <Section id="uitslag-hulp" title={b.supportTitle}>
        {result.supportOffers.length === 0 ? (
          <p className="utrecht-paragraph">{b.supportNone}</p>
        ) : (
          <ul className="mk-bc-offers" data-testid="burden-support-offers">
            {result.supportOffers.map((offer) => (
              <li key={offer.organisationId} className="mk-bc-offer">
                <p className="mk-bc-offer__name">
                  {offer.name} {offer.isSupportCentre && <StatusBadge tone="success">{b.supportCentre}</StatusBadge>}
                </p>
                <p>{text.api(offer.text)}</p>
              </li>
            ))}
          </ul>
        )}
      </Section>

      {self && (
        <Section id="uitslag-delen" title={b.sharingTitle}>
          {changed && <Alert kind="ok" title={changed.shared ? b.sharedNow : b.unsharedNow} focus={changed.key} />}
          {sharing.isError && <Alert kind="error" title={t.common.errorTitle} focus={sharing.error} />}
          {check.mode === 'professional' ? (
            <p className="utrecht-paragraph">{b.sharedByConversation}</p>
          ) : (
            <>
              <p className="utrecht-paragraph" data-testid="burden-sharing">
                {check.sharedWithProfessional ? b.sharedYes(organisations) : shareWith.length ? b.sharedNo : `${b.sharedNo} ${b.shareNoProfessional('')}`.trim()}
              </p>
              {(check.sharedWithProfessional || shareWith.length > 0) && (
                <p className="utrecht-paragraph">
                  <button
                    type="button"
                    className={`utrecht-button ${check.sharedWithProfessional ? 'utrecht-button--secondary-action' : 'utrecht-button--primary-action'}${sharing.isPending ? ' utrecht-button--busy' : ''}`}
                    aria-disabled={sharing.isPending ? true : undefined}
                    onClick={() => !sharing.isPending && sharing.mutate(!check.sharedWithProfessional)}
                  >
                    {sharing.isPending ? t.common.busy : check.sharedWithProfessional ? b.unshareButton : `${b.shareButton} (${organisations})`}
                  </button>
                </p>
              )}
            </>
          )}
        </Section>
      )}

      <ul className="mk-link-list">
        <li>
          <Link className="utrecht-link utrecht-link--html-a" to={burdenPaths.trend(check.clientId, check.memberId)}>
            {b.trendLink}
          </Link>
        </li>
        {back ? (
          <li>
            <Link className="utrecht-link utrecht-link--html-a" to={back}>
              {check.mantelscanId ? b.backToScan : b.backPrevious}
            </Link>
          </li>
        ) : (
          <li>
            <Link className="utrecht-link utrecht-link--html-a" to={burdenPaths.overview(check.clientId)}>
              {b.back}
            </Link>
          </li>
        )}
      </ul>
    </div>
  );
}
