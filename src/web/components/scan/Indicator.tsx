import type { ReactNode } from 'react';
import './common.css';

export type IndicatorTone = 'ok' | 'missing' | 'attention';

/** Small icons that go with the words of an indicator (decorative: the words carry the meaning). */
function IndicatorIcon({ tone }: { tone: IndicatorTone }) {
  return (
    <svg className="mk-indicator__icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      {tone === 'ok' && (
        <>
          <circle cx="10" cy="10" r="9" fill="currentColor" />
          <path d="M5.5 10.5l3 3 6-7" fill="none" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
        </>
      )}
      {tone === 'missing' && (
        <>
          <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M6 10h8" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
        </>
      )}
      {tone === 'attention' && (
        <>
          <path d="M10 1.5L19 18H1z" fill="currentColor" />
          <path d="M10 7v5" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" />
          <circle cx="10" cy="15" r="1.3" fill="#fff" />
        </>
      )}
    </svg>
  );
}

/**
 * One "caregiver in view" indicator: an icon and words, never colour alone. Tone
 * `attention` is highlighted (e.g. no contact for more than 30 days).
 */
export function Indicator({ tone, children, detail }: { tone: IndicatorTone; children: ReactNode; detail?: ReactNode }) {
  return (
    <span className={`mk-indicator mk-indicator--${tone}`}>
      <IndicatorIcon tone={tone} />
      <span className="mk-indicator__text">
        {children}
        {detail && <span className="mk-indicator__detail">{detail}</span>}
      </span>
    </span>
  );
}
