import { useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorSummary, type Failure } from '../form/index.ts';
import { Alert, nextKey } from '../Feedback.tsx';
import { burdenApi, burdenKeys } from './api.ts';
import { QuestionField } from './QuestionField.tsx';
import { listText } from './text.ts';
import type { Answer, Check } from './types.ts';
import './burden.css';

type Layout = 'one' | 'all';
const LAYOUT_KEY = 'mantelkring.burden.layout';
const ID_PREFIX = 'vraag';
const SHARE = 'delen';

function storedLayout(): Layout {
  try {
    return window.localStorage.getItem(LAYOUT_KEY) === 'all' ? 'all' : 'one';
  } catch {
    return 'one';
  }
}

function storeLayout(layout: Layout): void {
  try {
    window.localStorage.setItem(LAYOUT_KEY, layout);
  } catch {
    // Storage off: the choice lasts for this page only.
  }
}

/** Where to (re)start: the question the person was at, else the first open one, else the end. */
function startIndex(check: Check): number {
  const at = check.currentLinkId ? check.items.findIndex((i) => i.linkId === check.currentLinkId) : -1;
  if (at >= 0) return at;
  const open = check.items.findIndex((i) => check.answers[i.linkId] === undefined);
  return open === -1 ? check.items.length : open;
}

const pick = (answers: Record<string, Answer>, linkIds: string[]) => Object.fromEntries(linkIds.filter((l) => answers[l] !== undefined).map((l) => [l, answers[l] as Answer]));

/**
 * Takes a check: one question per screen (Vorige/Volgende, progress "Vraag 3 van 15") or all
 * questions on one page. Answers are saved on the server as the person goes, so "Pauzeren"
 * (and closing the browser) keeps them; the next visit starts at the question they were at.
 * A self-check ends with the choice to share the result with the client's professional(s).
 */
export function CheckRunner({
  check,
  clientName,
  shareWith,
  onCompleted,
  onPaused,
}: {
  check: Check;
  clientName: string;
  /** Organisations that would see a shared result (self-check); empty: nobody to share with. */
  shareWith: string[];
  onCompleted: (check: Check) => void;
  onPaused: () => void;
}) {
  const { t, errorText } = useI18n();
  const b = t.burden;
  const items = check.items;
  const n = items.length;
  const professional = check.mode === 'professional';
  const askShare = !professional && shareWith.length > 0;
  const organisations = listText(shareWith, b.and);

  const [answers, setAnswers] = useState<Record<string, Answer>>(() => ({ ...check.answers }));
  const [dirty, setDirty] = useState<string[]>([]);
  const [index, setIndex] = useState(() => startIndex(check));
  const [layout, setLayout] = useState<Layout>(storedLayout);
  const [missing, setMissing] = useState<string[]>([]);
  const [share, setShare] = useState<'yes' | 'no' | null>(null);
  const [shareMissing, setShareMissing] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saveError, setSaveError] = useState<{ key: number; error: unknown } | null>(null);
  const progressRef = useRef<HTMLHeadingElement>(null);
  const focusProgress = useRef(false);

  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: { answers?: Record<string, Answer>; currentLinkId?: string | null }) => burdenApi.save(check.clientId, check.memberId, check.id, body),
    // Keep the cached copy in step, so coming back shows the saved answers at once.
    onSuccess: (fresh) => queryClient.setQueryData(burdenKeys.check(check.clientId, check.memberId, check.id), fresh),
  });
  const complete = useMutation({ mutationFn: (body: { answers: Record<string, Answer>; shareWithProfessional?: boolean }) => burdenApi.complete(check.clientId, check.memberId, check.id, body) });
  const busy = save.isPending || complete.isPending;

  useEffect(() => {
    // After Vorige/Volgende: focus on "Vraag 4 van 15", so a screen reader reads where one is.
    if (focusProgress.current) {
      focusProgress.current = false;
      progressRef.current?.focus();
    }
  }, [index, layout]);

  const firstOpenAfter = (next: Record<string, Answer>) => items.find((i) => next[i.linkId] === undefined)?.linkId ?? null;

  function answer(linkId: string, value: Answer) {
    const next = { ...answers, [linkId]: value };
    setAnswers(next);
    setMissing((m) => m.filter((l) => l !== linkId));
    if (layout === 'all') {
      // On one page every choice is saved at once.
      save
        .mutateAsync({ answers: { [linkId]: value }, currentLinkId: firstOpenAfter(next) })
        .then(() => setSaveError(null))
        .catch((error: unknown) => {
          setDirty((d) => (d.includes(linkId) ? d : [...d, linkId]));
          setSaveError({ key: nextKey(), error });
        });
    } else {
      setDirty((d) => (d.includes(linkId) ? d : [...d, linkId]));
    }
  }

  async function go(target: number) {
    if (busy) return;
    const current = items[index];
    if (target > index && current && answers[current.linkId] === undefined) {
      setMissing([current.linkId]);
      return;
    }
    try {
      await save.mutateAsync({ answers: pick(answers, dirty), currentLinkId: items[target]?.linkId ?? null });
      setDirty([]);
      setSaveError(null);
      setMissing([]);
      focusProgress.current = true;
      setIndex(target);
    } catch (error) {
      setSaveError({ key: nextKey(), error });
    }
  }

  async function pause() {
    if (busy) return;
    try {
      const at = layout === 'one' ? (items[index]?.linkId ?? null) : firstOpenAfter(answers);
      await save.mutateAsync({ answers: pick(answers, dirty), currentLinkId: at });
      onPaused();
    } catch (error) {
      setSaveError({ key: nextKey(), error });
    }
  }

  async function finish() {
    if (busy) return;
    const open = items.filter((i) => answers[i.linkId] === undefined).map((i) => i.linkId);
    const noShare = askShare && share === null;
    setMissing(open);
    setShareMissing(noShare);
    if (open.length || noShare) {
      setFailure({ key: nextKey() });
      return;
    }
    try {
      const done = await complete.mutateAsync({ answers, shareWithProfessional: professional ? undefined : share === 'yes' });
      onCompleted(done);
    } catch (error) {
      setFailure({ key: nextKey(), error });
    }
  }

  function switchLayout() {
    const next: Layout = layout === 'one' ? 'all' : 'one';
    storeLayout(next);
    if (next === 'one') setIndex(Math.min(index, n));
    setMissing([]);
    setLayout(next);
  }

  const questionNumber = (linkId: string) => items.find((i) => i.linkId === linkId)?.number ?? 0;
  const summaryErrors: Record<string, { message: string }> = Object.fromEntries(missing.map((l) => [l, { message: b.chooseAnswer }]));
  if (shareMissing) summaryErrors[SHARE] = { message: b.shareRequired };
  const summaryLabels: Record<string, string> = Object.fromEntries(missing.map((l) => [l, b.questionOf(questionNumber(l), n)]));
  summaryLabels[SHARE] = b.shareLegend(clientName);

  const shareQuestion = askShare ? (
    <fieldset id={`${ID_PREFIX}-${SHARE}`} tabIndex={-1} className={`mk-bc-question${shareMissing ? ' mk-bc-question--invalid' : ''}`} aria-describedby={`${ID_PREFIX}-${SHARE}-help`}>
      <legend className="mk-bc-question__legend">{b.shareLegend(clientName)}</legend>
      <p className="utrecht-paragraph" id={`${ID_PREFIX}-${SHARE}-help`}>
        {b.shareHelp(organisations)}
      </p>
      {shareMissing && (
        <p className="mk-bc-error">
          <span className="mk-visually-hidden">{t.common.errorPrefix} </span>
          {b.shareRequired}
        </p>
      )}
      <div className="mk-bc-options">
        {(['yes', 'no'] as const).map((v) => (
          <label key={v} className="mk-bc-option">
            <input
              type="radio"
              name={`${ID_PREFIX}-${SHARE}`}
              value={v}
              checked={share === v}
              onChange={() => {
                setShare(v);
                setShareMissing(false);
              }}
            />
            <span>{v === 'yes' ? b.shareYes(organisations) : b.shareNo}</span>
          </label>
        ))}
      </div>
    </fieldset>
  ) : !professional ? (
    <p className="utrecht-paragraph">{b.shareNoProfessional(clientName)}</p>
  ) : null;

  /** One question; in the one-at-a-time layout without its number (the progress line says it). */
  const questionField = (item: Check['items'][number], showNumber?: boolean) => (
    <QuestionField
      key={item.linkId}
      item={item}
      total={n}
      value={answers[item.linkId]}
      onChange={(v) => answer(item.linkId, v)}
      error={missing.includes(item.linkId) ? b.chooseAnswer : null}
      idPrefix={ID_PREFIX}
      showNumber={showNumber}
    />
  );

  const finishButton = (
    <button type="submit" className={`utrecht-button utrecht-button--primary-action mk-bc-nav__next${complete.isPending ? ' utrecht-button--busy' : ''}`} aria-disabled={busy ? true : undefined}>
      {complete.isPending ? t.common.busy : professional ? b.recordResult : b.seeResult}
    </button>
  );

  return (
    <div className="mk-bc">
      <div className="mk-bc-toolbar">
        <p className="utrecht-paragraph mk-muted mk-bc-toolbar__intro">
          {professional ? b.introProfessional : b.intro}
        </p>
        {n > 1 && (
          <button type="button" className="utrecht-button utrecht-button--subtle" onClick={switchLayout}>
            {layout === 'one' ? b.layoutAll : b.layoutOne}
          </button>
        )}
      </div>
      {b.questionsInDutch && <p className="utrecht-paragraph mk-muted">{b.questionsInDutch}</p>}
      {saveError && (
        <Alert kind="error" title={b.notSaved} focus={saveError.key} live>
          <p className="utrecht-paragraph">{errorText(saveError.error)}</p>
        </Alert>
      )}
      <ErrorSummary failure={failure} errors={summaryErrors} idPrefix={ID_PREFIX} labels={summaryLabels} />

      {layout === 'one' ? (
        <form
          noValidate
          aria-label={check.instrument.title}
          onSubmit={(event) => {
            event.preventDefault();
            void (index < n ? go(index + 1) : finish());
          }}
        >
          <div className="mk-bc-progress">
            <h2 ref={progressRef} tabIndex={-1} className="mk-bc-progress__text" id={`${ID_PREFIX}-voortgang`}>
              {index < n ? b.questionOf(index + 1, n) : b.allAnswered(n)}
            </h2>
            <div className="mk-bc-progress__bar" aria-hidden="true">
              <div className="mk-bc-progress__fill" style={{ inlineSize: `${(Math.min(index + 1, n) / n) * 100}%` }} />
            </div>
          </div>
          {index < n ? (
            (() => {
              const item = items[index];
              return item ? questionField(item, false) : null;
            })()
          ) : (
            <>
              {missing.length > 0 && (
                <div className="mk-block">
                  <p className="utrecht-paragraph">{b.openQuestions}</p>
                  <ul className="mk-link-list mk-link-list--inline">
                    {missing.map((l) => (
                      <li key={l}>
                        <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => void go(items.findIndex((i) => i.linkId === l))}>
                          {b.toQuestion(questionNumber(l))}
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {shareQuestion}
            </>
          )}
          <div className="mk-bc-nav">
            {index > 0 && (
              <button type="button" className="utrecht-button utrecht-button--secondary-action" aria-disabled={busy ? true : undefined} onClick={() => void go(index - 1)}>
                <span aria-hidden="true">‹ </span>
                {b.previous}
              </button>
            )}
            {index < n ? (
              <button type="submit" className={`utrecht-button utrecht-button--primary-action mk-bc-nav__next${save.isPending ? ' utrecht-button--busy' : ''}`} aria-disabled={busy ? true : undefined}>
                {b.next}
                <span aria-hidden="true"> ›</span>
              </button>
            ) : (
              finishButton
            )}
          </div>
        </form>
      ) : (
        <form
          noValidate
          aria-label={check.instrument.title}
          onSubmit={(event) => {
            event.preventDefault();
            void finish();
          }}
        >
          {items.map((item) => questionField(item))}
          {shareQuestion}
          <div className="mk-bc-nav">{finishButton}</div>
        </form>
      )}

      <div className="mk-bc-pause">
        <button type="button" className="utrecht-button utrecht-button--secondary-action" aria-disabled={busy ? true : undefined} aria-describedby={`${ID_PREFIX}-pauze-uitleg`} onClick={() => void pause()}>
          {b.pause}
        </button>
        <p className="utrecht-paragraph mk-muted" id={`${ID_PREFIX}-pauze-uitleg`}>
          {b.pauseHelp}
        </p>
      </div>
    </div>
  );
}
