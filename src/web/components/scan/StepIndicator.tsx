import { useI18n } from '../../i18n/index.tsx';
import type { ScanStepKey } from './types.ts';

/**
 * The steps of the conversation (NL Design System "step indicator" pattern): a numbered list;
 * every step is a button to go there, the current one is marked with aria-current="step".
 */
export function StepIndicator({ steps, current, onGo, busy }: { steps: readonly ScanStepKey[]; current: ScanStepKey; onGo: (step: ScanStepKey) => void; busy?: boolean }) {
  const { t } = useI18n();
  const currentIndex = steps.indexOf(current);
  return (
    <nav className="mk-scan-steps mk-no-print" aria-label={t.scan.stepsLabel}>
      <ol className="mk-scan-steps__list">
        {steps.map((step, index) => {
          const state = index === currentIndex ? 'current' : index < currentIndex ? 'passed' : 'todo';
          return (
            <li key={step} className={`mk-scan-steps__item mk-scan-steps__item--${state}`}>
              <button
                type="button"
                className="mk-scan-steps__button"
                aria-current={state === 'current' ? 'step' : undefined}
                aria-disabled={busy ? true : undefined}
                onClick={() => {
                  if (!busy && state !== 'current') onGo(step);
                }}
              >
                <span className="mk-scan-steps__number" aria-hidden="true">
                  {index + 1}
                </span>
                <span className={`mk-scan-steps__label${state === 'current' ? '' : ' mk-visually-hidden-phone'}`}>
                  <span className="mk-visually-hidden">{t.scan.stepOf(index + 1, steps.length)}: </span>
                  {t.scan.steps[step]}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
