import { useI18n, type Dict } from '../../i18n/index.tsx';
import { StatusBadge } from '../Feedback.tsx';
import { SIGNAL_STATUSES, type SignalStatus } from './types.ts';
import './burden.css';

const TONE: Record<SignalStatus, 'warning' | 'neutral' | 'success'> = { open: 'warning', contacted: 'neutral', plan_agreed: 'neutral', closed: 'success' };

/** A signal's status in words, with a calm colour. */
export function StatusTag({ status }: { status: SignalStatus }) {
  const { t } = useI18n();
  return <StatusBadge tone={TONE[status]}>{t.burden.statuses[status] ?? status}</StatusBadge>;
}

/** "zware score en stijging". */
export function reasonText(reasons: string[], b: Dict['burden']): string {
  const words = reasons.map((r) => b.reasons[r] ?? r);
  const text = words.length > 1 ? `${words.slice(0, -1).join(', ')} ${b.and} ${words[words.length - 1]}` : (words[0] ?? '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Where the signal is: open → contacted → plan agreed → closed. The current step is marked
 * with aria-current and in words (not only by colour). A signal closed early skips steps.
 */
export function SignalStepper({ status, reached }: { status: SignalStatus; reached: SignalStatus[] }) {
  const { t } = useI18n();
  const b = t.burden;
  const current = SIGNAL_STATUSES.indexOf(status);
  return (
    <ol className="mk-bc-stepper" aria-label={b.stepperLabel}>
      {SIGNAL_STATUSES.map((s, i) => {
        const isCurrent = i === current;
        const done = !isCurrent && (i < current && (reached.includes(s) || s === 'open'));
        return (
          <li key={s} className={isCurrent ? 'mk-bc-stepper--current' : done ? 'mk-bc-stepper--done' : undefined} aria-current={isCurrent ? 'step' : undefined}>
            {b.statuses[s] ?? s}
            {(isCurrent || done) && <span className="mk-bc-stepper__state">{isCurrent ? b.stepCurrent : b.stepDone}</span>}
          </li>
        );
      })}
    </ol>
  );
}
