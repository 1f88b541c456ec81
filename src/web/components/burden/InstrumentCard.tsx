import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { StatusBadge } from '../Feedback.tsx';
import { useBurdenText } from './text.ts';
import type { Instrument } from './types.ts';
import './burden.css';

/** One instrument as a card: what it asks, how long it takes, where it comes from. */
export function InstrumentCard({ instrument, due, draft, children }: { instrument: Instrument; due?: boolean; draft?: { answeredCount: number; itemCount: number } | null; children: ReactNode }) {
  const { t } = useI18n();
  const b = t.burden;
  const text = useBurdenText();
  const name = text.name(instrument.key, instrument.title);
  const explanation = text.explanation(instrument.key);
  return (
    <li className={`mk-bc-card${due ? ' mk-bc-card--due' : ''}`}>
      <h2 className="utrecht-heading-3">{name}</h2>
      {due && (
        <p>
          <StatusBadge tone="warning">{b.due}</StatusBadge>
        </p>
      )}
      {explanation && <p>{explanation}</p>}
      <p>
        <strong>{b.duration(instrument.itemCount)}</strong>
      </p>
      {draft && <p>{b.answeredOf(draft.answeredCount, draft.itemCount)}</p>}
      {name !== instrument.title && <p className="mk-bc-card__meta">{b.basedOn(instrument.title)}</p>}
      {instrument.description && (
        <details>
          <summary>
            {b.aboutInstrument}
            <span className="mk-visually-hidden"> {b.quoted(name)}</span>
          </summary>
          <p className="utrecht-paragraph mk-bc-pre">{instrument.description}</p>
          {instrument.copyright && <p className="utrecht-paragraph mk-muted mk-bc-pre">{instrument.copyright}</p>}
        </details>
      )}
      <div className="mk-bc-card__actions">{children}</div>
    </li>
  );
}
