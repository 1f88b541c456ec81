import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Circle } from '../../../common/circle-schemas.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Alert, LoadError, Loading, nextKey } from '../../components/Feedback.tsx';
import { ErrorSummary, TextAreaField, type Failure } from '../../components/form/index.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Ecomap } from '../../components/circle/Ecomap.tsx';
import { Genogram } from '../../components/circle/Genogram.tsx';
import { AgreementsEditor, newAgreementRow, type AgreementRow } from '../../components/scan/AgreementsEditor.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { NetworkTable, informalHours, rowsOfCircle } from '../../components/scan/NetworkTable.tsx';
import { ScanSummary } from '../../components/scan/ScanSummary.tsx';
import { StepIndicator } from '../../components/scan/StepIndicator.tsx';
import '../../components/scan/common.css';
import { useCircle, circlePaths } from '../../components/circle/api.ts';
import { scanApi, scanKeys, scanPaths, useScanQuestions } from '../../components/scan/api.ts';
import { caseloadKeys } from '../caseload/api.ts';
import { SCAN_STEP_ORDER, isScanStep, type Agreement, type Scan, type ScanQuestions, type ScanStepKey } from '../../components/scan/types.ts';
import { forForm } from '../caseload/errors.ts';
import { burdenPaths } from '../../components/burden/api.ts';
import './scan.css';
import { Paragraph, TextLink } from '../../components/ui.tsx';

const MAX_AGREEMENTS = 30;

interface Saved {
  answers: Record<string, string>;
  advice: string;
  agreements: string;
}

const agreementsOf = (rows: AgreementRow[]): Agreement[] =>
  rows.filter((r) => r.text.trim() || r.owner.trim() || r.due).map((r) => ({ text: r.text.trim(), owner: r.owner.trim() || null, due: r.due || null }));

/** The guided conversation of a draft scan, step by step; saves on every step change. */
function ScanWizard({ scan, circle, questions, onCompleted }: { scan: Scan; circle: Circle; questions: ScanQuestions; onCompleted: (scan: Scan) => void }) {
  const { t, locale, formatDateTime, errorText } = useI18n();
  const navigate = useNavigate();
  const clientId = circle.client.id;
  const steps = SCAN_STEP_ORDER.filter((s) => questions.steps.includes(s));
  const [step, setStep] = useState<ScanStepKey>(isScanStep(scan.step) ? scan.step : 'genogram');
  const [answers, setAnswers] = useState<Record<string, string>>(() => ({ ...scan.answers }));
  const [advice, setAdvice] = useState(scan.advice ?? '');
  const [rows, setRows] = useState<AgreementRow[]>(() => scan.agreements.map((a) => newAgreementRow({ text: a.text, owner: a.owner ?? '', due: a.due ?? '' })));
  const [saved, setSaved] = useState<Saved>(() => ({ answers: { ...scan.answers }, advice: scan.advice ?? '', agreements: JSON.stringify(scan.agreements) }));
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ key: number; error: unknown } | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<string, { message: string }>>({});
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [focusStep, setFocusStep] = useState(0);
  useEffect(() => {
    if (focusStep) headingRef.current?.focus();
  }, [focusStep]);

  const index = steps.indexOf(step);
  const previous = steps[index - 1];
  const next = steps[index + 1];
  const agreements = agreementsOf(rows);
  const dirty =
    Object.entries(answers).some(([k, v]) => (saved.answers[k] ?? '') !== v) || advice !== saved.advice || JSON.stringify(agreements) !== saved.agreements;

  /** Checks the agreements: each one needs a "what". */
  const checkRows = (): boolean => {
    const errors: Record<string, { message: string }> = {};
    rows.forEach((r, i) => {
      if (!r.text.trim() && (r.owner.trim() || r.due)) errors[`agreements.${i}.text`] = { message: t.scan.agreementTextRequired };
    });
    setRowErrors(errors);
    if (Object.keys(errors).length > 0) {
      setFailure({ key: nextKey() });
      return false;
    }
    setFailure(null);
    return true;
  };

  /** Saves what changed (and the step, when moving); returns whether it worked. */
  const save = async (toStep?: ScanStepKey): Promise<boolean> => {
    if (busy) return false;
    if (!checkRows()) {
      if (step !== 'advice') {
        setStep('advice');
        setFocusStep(nextKey());
      }
      return false;
    }
    const changedAnswers = Object.fromEntries(Object.entries(answers).filter(([k, v]) => (saved.answers[k] ?? '') !== v));
    const body: Record<string, unknown> = {};
    if (toStep && toStep !== step) body.step = toStep;
    if (Object.keys(changedAnswers).length) body.answers = changedAnswers;
    if (advice !== saved.advice) body.advice = advice.trim() || null;
    if (JSON.stringify(agreements) !== saved.agreements) body.agreements = agreements;
    if (Object.keys(body).length === 0) return true;
    setBusy(true);
    try {
      await scanApi.save(clientId, scan.id, body);
      setSaved({ answers: { ...answers }, advice, agreements: JSON.stringify(agreements) });
      setSavedAt(new Date().toISOString());
      setError(null);
      return true;
    } catch (e) {
      setError({ key: nextKey(), error: forForm(e) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const go = async (target: ScanStepKey) => {
    if (await save(target)) {
      setStep(target);
      setFocusStep(nextKey());
    }
  };

  /** Leaves the scan for another page (e.g. the circle page), saving first. */
  const leaveTo = async (path: string) => {
    if (await save()) navigate(path);
  };

  const complete = async () => {
    if (!(await save())) return;
    setBusy(true);
    try {
      const done = await scanApi.complete(clientId, scan.id);
      onCompleted(done);
    } catch (e) {
      setError({ key: nextKey(), error: forForm(e) });
    } finally {
      setBusy(false);
    }
  };

  const circleLink = (text: string) => (
    <a
      className="utrecht-link utrecht-link--html-a"
      href={circlePaths.circle(clientId)}
      onClick={(event) => {
        event.preventDefault();
        void leaveTo(circlePaths.circle(clientId));
      }}
    >
      {text}
    </a>
  );

  const liveRows = rowsOfCircle(circle);
  const errorLabels = Object.fromEntries(rows.map((_, i) => [`agreements.${i}.text`, `${t.scan.agreementN(i + 1)}: ${t.scan.agreementWhat}`]));

  return (
    <>
      <StepIndicator steps={steps} current={step} busy={busy} onGo={(target) => void go(target)} />
      <div className="mk-scan-status mk-no-print">
        <p className="utrecht-paragraph mk-scan-status__text" role="status">
          {busy ? t.scan.saving : dirty ? t.scan.notSaved : savedAt ? t.scan.savedAt(formatDateTime(savedAt)) : t.scan.upToDate}
        </p>
        <button type="button" className="utrecht-button utrecht-button--secondary-action" aria-disabled={busy ? true : undefined} onClick={() => void save()}>
          {t.scan.save}
        </button>
      </div>
      {error && <Alert kind="error" title={t.scan.saveFailed} focus={error.key} live>
        <Paragraph>{errorText(error.error)}</Paragraph>
      </Alert>}
      <ErrorSummary failure={failure} errors={rowErrors} idPrefix="scan" labels={errorLabels} />

      <section className="mk-scan-step" aria-labelledby="stap-titel">
        <h2 className="utrecht-heading-2 mk-scan-step__title" id="stap-titel" tabIndex={-1} ref={headingRef}>
          {t.scan.stepTitle(index + 1, t.scan.steps[step])}
        </h2>
        <p className="utrecht-paragraph mk-scan-step__intro">{t.scan.stepIntro[step]}</p>

        {step === 'genogram' && (
          <>
            <Genogram circle={circle} />
            <Paragraph>{circleLink(t.scan.editFamily)}</Paragraph>
          </>
        )}

        {step === 'situation' && (
          <div className="mk-scan-questions">
            {questions.questions.map((q, i) => (
              <TextAreaField
                key={q.id}
                idPrefix="scan"
                name={`answer-${q.id}`}
                label={`${i + 1}. ${q[locale]}`}
                rows={3}
                maxLength={4000}
                value={answers[q.id] ?? ''}
                onChange={(event) => setAnswers({ ...answers, [q.id]: event.target.value })}
              />
            ))}
          </div>
        )}

        {step === 'burden' && (
          <Alert kind="info" title={t.scan.burdenTitle}>
            <Paragraph>{t.scan.burdenNote}</Paragraph>
            <Paragraph>
              <button
                type="button"
                className="utrecht-button utrecht-button--primary-action"
                onClick={() => void leaveTo(burdenPaths.conversation(clientId, { mantelscanId: scan.id, back: scanPaths.scan(clientId, scan.id) }))}
              >
                {t.scan.burdenStart}
              </button>
            </Paragraph>
            <Paragraph>{t.scan.burdenContinue}</Paragraph>
          </Alert>
        )}

        {step === 'ecomap' && (
          <>
            <Ecomap circle={circle} />
            <NetworkTable rows={liveRows} caption={t.scan.networkCaption} highlightId={scan.caregiverMemberId} />
            <Paragraph>{t.scan.informalTotal(informalHours(liveRows))}</Paragraph>
            <Paragraph>{circleLink(t.scan.editNetwork)}</Paragraph>
          </>
        )}

        {step === 'advice' && (
          <>
            <TextAreaField
              idPrefix="scan"
              name="advice"
              label={t.scan.advice}
              optional
              description={t.scan.adviceHelp}
              rows={5}
              maxLength={8000}
              value={advice}
              onChange={(event) => setAdvice(event.target.value)}
            />
            <h3 className="utrecht-heading-3">{t.scan.agreements}</h3>
            <Paragraph>{t.scan.agreementsHelp}</Paragraph>
            <AgreementsEditor idPrefix="scan" rows={rows.slice(0, MAX_AGREEMENTS)} onChange={(r) => setRows(r.slice(0, MAX_AGREEMENTS))} errors={rowErrors} />
          </>
        )}
      </section>

      <div className="mk-actions mk-scan-nav mk-no-print">
        {previous && (
          <button type="button" className="utrecht-button utrecht-button--secondary-action" aria-disabled={busy ? true : undefined} onClick={() => void go(previous)}>
            <span aria-hidden="true">‹ </span>
            {t.scan.previous(t.scan.steps[previous])}
          </button>
        )}
        {next ? (
          <button type="button" className="utrecht-button utrecht-button--primary-action" aria-disabled={busy ? true : undefined} onClick={() => void go(next)}>
            {t.scan.next(t.scan.steps[next])}
            <span aria-hidden="true"> ›</span>
          </button>
        ) : (
          <ConfirmButton danger={false} question={t.scan.completeQuestion} explanation={t.scan.completeExplanation} confirmLabel={t.scan.completeConfirm} busy={busy} onConfirm={() => void complete()}>
            {t.scan.complete}
          </ConfirmButton>
        )}
      </div>
      <p className="utrecht-paragraph mk-muted mk-no-print">
        <TextLink to={scanPaths.list(clientId)} onClick={(event) => {
          event.preventDefault();
          void leaveTo(scanPaths.list(clientId));
        }}>
          {t.scan.saveAndClose}
        </TextLink>
      </p>
    </>
  );
}

export default function ScanPage() {
  const { t, formatDate } = useI18n();
  const { clientId = '', scanId = '' } = useParams();
  const queryClient = useQueryClient();
  const scanKey = scanKeys.scan(clientId, scanId);
  const scan = useQuery({ queryKey: scanKey, queryFn: () => scanApi.scan(clientId, scanId) });
  const circle = useCircle(clientId);
  const questions = useScanQuestions();
  const [justCompleted, setJustCompleted] = useState<number | null>(null);

  const clientName = circle.data ? `${circle.data.client.givenName} ${circle.data.client.familyName}`.trim() : '';
  const title = scan.data?.caregiverName ? t.scan.title(scan.data.caregiverName) : t.scan.titleGeneric;
  const pending = scan.isPending || circle.isPending || questions.isPending;
  const failed = scan.error ?? circle.error ?? questions.error;

  return (
    <>
      <PageHeading title={title} lead={clientName && scan.data ? t.scan.lead(clientName, formatDate(scan.data.startedAt)) : undefined} />
      <ul className="mk-link-list mk-link-list--inline mk-no-print">
        <li>
          <TextLink to={scanPaths.list(clientId)}>{t.scan.backToList}</TextLink>
        </li>
        <li>
          <TextLink to={circlePaths.circle(clientId)}>{clientName ? t.scan.toCircle(clientName) : t.scan.toCircleGeneric}</TextLink>
        </li>
      </ul>
      {pending ? (
        <Loading />
      ) : failed || !scan.data || !circle.data || !questions.data ? (
        <LoadError error={failed} onRetry={() => void Promise.all([scan.refetch(), circle.refetch(), questions.refetch()])} />
      ) : scan.data.status === 'draft' ? (
        <ScanWizard
          key={scan.data.id}
          scan={scan.data}
          circle={circle.data}
          questions={questions.data}
          onCompleted={(done) => {
            queryClient.setQueryData(scanKey, done);
            setJustCompleted(nextKey());
            void queryClient.invalidateQueries({ queryKey: scanKeys.scans(clientId) });
            void queryClient.invalidateQueries({ queryKey: caseloadKeys.contacts(clientId) });
            void queryClient.invalidateQueries({ queryKey: caseloadKeys.all });
          }}
        />
      ) : (
        <>
          {justCompleted && <Alert kind="ok" title={t.scan.completedMessage} focus={justCompleted} live />}
          <p className="utrecht-paragraph mk-no-print">{t.scan.readOnly}</p>
          <div className="mk-actions mk-no-print mk-scan-print">
            <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => window.print()}>
              {t.scan.print}
            </button>
          </div>
          <ScanSummary scan={scan.data} questions={questions.data.questions} circle={circle.data} />
        </>
      )}
    </>
  );
}
