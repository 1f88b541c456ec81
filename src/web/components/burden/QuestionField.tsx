import { useI18n } from '../../i18n/index.tsx';
import type { Answer, Item } from './types.ts';
import './burden.css';

/**
 * One question of a check as a fieldset: the question is the legend, each answer a big card
 * (the whole card is the label of a native radio button, so arrow keys, Space and screen
 * readers work as usual). A 0–10 question shows its numbers as a grid of cards.
 */
export function QuestionField({
  item,
  total,
  value,
  onChange,
  error,
  idPrefix,
  showNumber = true,
}: {
  item: Item;
  total: number;
  value: Answer | undefined;
  onChange: (value: Answer) => void;
  error?: string | null;
  idPrefix: string;
  /** Off when the progress above already says "Vraag 3 van 15". */
  showNumber?: boolean;
}) {
  const { t } = useI18n();
  const id = `${idPrefix}-${item.linkId}`;
  const options: { value: Answer; label: string }[] =
    item.kind === 'choice'
      ? (item.options ?? []).map((o) => ({ value: o.code, label: o.display }))
      : Array.from({ length: (item.max ?? 10) - (item.min ?? 0) + 1 }, (_, i) => ({ value: (item.min ?? 0) + i, label: String((item.min ?? 0) + i) }));
  const ends = item.kind === 'integer' && (item.lowLabel || item.highLabel);
  return (
    <fieldset
      id={id}
      className={`mk-bc-question${error ? ' mk-bc-question--invalid' : ''}`}
      aria-describedby={[ends ? `${id}-ends` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined}
      aria-invalid={error ? true : undefined}
      tabIndex={-1}
    >
      <legend className="mk-bc-question__legend">
        {showNumber && <span className="mk-bc-question__number">{t.burden.questionOf(item.number, total)}</span>}
        {item.text}
      </legend>
      {ends && (
        <p className="mk-bc-scale__ends" id={`${id}-ends`}>
          <span>{item.lowLabel}</span>
          <span>{item.highLabel}</span>
        </p>
      )}
      {error && (
        <p className="mk-bc-error" id={`${id}-error`}>
          <span className="mk-visually-hidden">{t.common.errorPrefix} </span>
          {error}
        </p>
      )}
      <div className={item.kind === 'integer' ? 'mk-bc-scale' : 'mk-bc-options'}>
        {options.map((o) => (
          <label key={String(o.value)} className="mk-bc-option">
            <input type="radio" name={id} value={String(o.value)} checked={value === o.value} onChange={() => onChange(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
