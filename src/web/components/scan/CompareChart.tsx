import { useId } from 'react';
import { useI18n } from '../../i18n/index.tsx';

export interface ChartGroup {
  label: string;
  before: number | null;
  after: number | null;
}

/**
 * A simple bar chart of hours per week before and after. The bars are SVG; every value is
 * also written out as text next to its bar (the chart can be read without seeing it), and the
 * two scans differ by pattern as well as colour.
 */
export function CompareChart({ title, groups, beforeLabel, afterLabel }: { title: string; groups: ChartGroup[]; beforeLabel: string; afterLabel: string }) {
  const { t } = useI18n();
  const patternId = useId().replace(/:/g, '');
  const max = Math.max(1, ...groups.flatMap((g) => [g.before ?? 0, g.after ?? 0]));
  const bar = (value: number | null, kind: 'before' | 'after', label: string, index: number) => (
    <div className="mk-chart__row">
      <span className="mk-chart__series">
        <span className={`mk-chart__key mk-chart__key--${kind}`} aria-hidden="true" />
        {label}
      </span>
      <span className="mk-chart__track">
        <svg className="mk-chart__svg" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          {kind === 'before' && (
            <defs>
              <pattern id={`${patternId}-${index}`} width="3" height="3" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="3" height="3" className="mk-chart__hatch-bg" />
                <line x1="0" y1="0" x2="0" y2="3" className="mk-chart__hatch-line" />
              </pattern>
            </defs>
          )}
          {value !== null && value > 0 && <rect className={`mk-chart__bar mk-chart__bar--${kind}`} x="0" y="0" height="10" width={(value / max) * 100} fill={kind === 'before' ? `url(#${patternId}-${index})` : undefined} />}
        </svg>
      </span>
      <span className="mk-chart__value">{value === null ? t.scan.unknownHours : t.scan.hoursValue(value)}</span>
    </div>
  );
  return (
    <figure className="mk-chart">
      <figcaption className="mk-chart__title">{title}</figcaption>
      {groups.map((g, index) => (
        <div className="mk-chart__group" key={g.label}>
          <p className="utrecht-paragraph mk-chart__label">{g.label}</p>
          {bar(g.before, 'before', beforeLabel, index)}
          {bar(g.after, 'after', afterLabel, index)}
        </div>
      ))}
    </figure>
  );
}
