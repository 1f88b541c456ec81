import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { DataTable } from '../DataTable.tsx';
import { useBurdenText } from './text.ts';
import type { Band, TrendPoint, TrendSeries } from './types.ts';
import './burden.css';

/** The width of an element in CSS pixels, following resizes (the chart draws in real pixels). */
function useWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      if (w > 0) setWidth(w);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** Values on the score axis: every 1, 2 or 3 points (or more for long scales), and the maximum. */
function scoreTicks(min: number, max: number): number[] {
  const range = max - min;
  const step = range <= 10 ? 1 : range <= 14 ? 2 : range <= 21 ? 3 : Math.ceil(range / 7);
  const ticks: number[] = [];
  for (let v = min; v <= max; v += step) ticks.push(v);
  if (ticks[ticks.length - 1] !== max) ticks.push(max);
  return ticks;
}

const sorted = (points: TrendPoint[]) => [...points].sort((a, c) => Date.parse(a.completedAt) - Date.parse(c.completedAt));
const sortedBands = (bands: Band[]) => [...bands].sort((a, c) => a.min - c.min);

/** A short text that says what the chart shows (also for those who do not see it). */
export function trendSummary(series: TrendSeries, t: ReturnType<typeof useI18n>['t'], day: (date: string) => string, api: (text: string) => string): string {
  const points = sorted(series.points);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return '';
  const before = points[points.length - 2];
  const totals = points.map((p) => p.total);
  const parts = [t.burden.summaryCount(points.length, day(first.date), day(last.date)), t.burden.summaryLatest(last.total, last.bandLabel ? api(last.bandLabel) : null)];
  if (before) parts.push(t.burden.summaryChange(last.total - before.total));
  if (points.length > 2) parts.push(t.burden.summaryRange(Math.min(...totals), Math.max(...totals)));
  return parts.join(' ');
}

/**
 * A line chart of one instrument's results over time, drawn as inline SVG: the score axis and
 * the date axis are labelled, the bands are shaded zones, the overload cut-off is a dashed
 * line, and every point can be reached with Tab (its value is its name and shows in a tip).
 * A check taken with a professional is a square, a self-check a circle.
 */
export function TrendChart({ series, summaryId }: { series: TrendSeries; summaryId: string }) {
  const { t } = useI18n();
  const b = t.burden;
  const text = useBurdenText();
  const wrapRef = useRef<HTMLDivElement>(null);
  const width = useWidth(wrapRef, 640);
  const [active, setActive] = useState<number | null>(null);
  const captionId = useId();

  const { minScore: min, maxScore: max, overloadCutOff, bands, title, key } = series.instrument;
  const points = sorted(series.points);
  const narrow = width < 480;
  const height = narrow ? 260 : 300;
  const m = { top: 14, right: narrow ? 12 : 20, bottom: 58, left: 52 };
  const plotW = Math.max(10, width - m.left - m.right);
  const plotH = height - m.top - m.bottom;
  const pad = 18;
  const times = points.map((p) => Date.parse(p.completedAt));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const x = (time: number) => (points.length === 1 || t1 === t0 ? m.left + plotW / 2 : m.left + pad + ((time - t0) / (t1 - t0)) * (plotW - 2 * pad));
  const y = (v: number) => m.top + plotH - ((v - min) / (max - min || 1)) * plotH;
  // The overload cut-off is always a tick (in bold red, next to its dashed line).
  const ticks = [...new Set([...scoreTicks(min, max), ...(overloadCutOff !== null && overloadCutOff >= min && overloadCutOff <= max ? [overloadCutOff] : [])])].sort((a, c) => a - c);
  const zones = sortedBands(bands).map((band, i, all) => {
    const lo = i === 0 ? min : band.min;
    const hi = all[i + 1]?.min ?? max;
    return { band, y1: y(hi), y2: y(lo) };
  });

  // Date labels under the points, left out where they would overlap the previous one.
  const dateLabels = points.reduce<{ x: number; label: string; key: string }[]>((labels, p, i) => {
    const px = x(times[i] ?? 0);
    const previous = labels[labels.length - 1];
    return previous && px - previous.x < 62 ? labels : [...labels, { x: px, label: text.day(p.date, 'short'), key: p.checkId }];
  }, []);

  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(times[i] ?? 0).toFixed(1)},${y(p.total).toFixed(1)}`).join(' ');
  const name = text.name(key, title);
  const activePoint = active === null ? null : points[active];

  return (
    <figure className="mk-bc-chart" data-chart={key}>
      <figcaption id={captionId}>{b.chartTitle(name)}</figcaption>
      <div ref={wrapRef} className="mk-bc-chart__wrap">
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="group" aria-labelledby={captionId} aria-describedby={summaryId}>
          <g aria-hidden="true">
            {zones.map(({ band, y1, y2 }) => (
              <g key={band.code}>
                <rect x={m.left} y={y1} width={plotW} height={Math.max(0, y2 - y1)} className={`mk-bc-zone--${band.level ?? 'other'}`} />
                {y2 - y1 >= 18 && (
                  <text x={m.left + 6} y={y1 + 14} className="mk-bc-chart__zone-label">
                    {text.api(band.label)}
                  </text>
                )}
              </g>
            ))}
            {ticks.map((v) => (
              <g key={v}>
                <line x1={m.left} x2={m.left + plotW} y1={y(v)} y2={y(v)} className="mk-bc-chart__grid" />
                <text x={m.left - 8} y={y(v) + 4} textAnchor="end" className={v === overloadCutOff ? 'mk-bc-chart__cut-label' : 'mk-bc-chart__tick'}>
                  {v}
                </text>
              </g>
            ))}
            <line x1={m.left} x2={m.left} y1={m.top} y2={m.top + plotH} className="mk-bc-chart__axis" />
            <line x1={m.left} x2={m.left + plotW} y1={m.top + plotH} y2={m.top + plotH} className="mk-bc-chart__axis" />
            {overloadCutOff !== null && overloadCutOff >= min && overloadCutOff <= max && (
              <line x1={m.left} x2={m.left + plotW} y1={y(overloadCutOff)} y2={y(overloadCutOff)} className="mk-bc-chart__cut" />
            )}
            {dateLabels.map((d) => (
              <text key={d.key} x={d.x} y={m.top + plotH + 18} textAnchor="middle" className="mk-bc-chart__tick">
                {d.label}
              </text>
            ))}
            <text x={m.left + plotW / 2} y={height - 10} textAnchor="middle" className="mk-bc-chart__title">
              {b.axisDate}
            </text>
            <text transform={`translate(14 ${m.top + plotH / 2}) rotate(-90)`} textAnchor="middle" className="mk-bc-chart__title">
              {b.axisScore(min, max)}
            </text>
            {points.length > 1 && <path d={line} className="mk-bc-chart__line" />}
          </g>
          {points.map((p, i) => {
            const px = x(times[i] ?? 0);
            const py = y(p.total);
            const professional = p.mode === 'professional';
            return (
              <g
                key={p.checkId}
                className={`mk-bc-chart__point${active === i ? ' mk-bc-chart__point--active' : ''}`}
                tabIndex={0}
                role="img"
                aria-label={b.pointLabel(text.day(p.date), p.total, max, p.bandLabel ? text.api(p.bandLabel) : null, professional)}
                data-point=""
                data-total={p.total}
                data-date={p.date}
                onFocus={() => setActive(i)}
                onBlur={() => setActive((a) => (a === i ? null : a))}
                onMouseEnter={() => setActive(i)}
                onMouseLeave={() => setActive((a) => (a === i ? null : a))}
              >
                <circle cx={px} cy={py} r={16} fill="transparent" />
                {professional ? <rect x={px - 7} y={py - 7} width={14} height={14} className="mk-bc-chart__marker" /> : <circle cx={px} cy={py} r={7} className="mk-bc-chart__marker" />}
                <circle cx={px} cy={py} r={12} className="mk-bc-chart__ring" />
              </g>
            );
          })}
          {activePoint && active !== null && (
            <ChartTip x={x(times[active] ?? 0)} y={y(activePoint.total)} width={width} text={`${text.day(activePoint.date, 'short')}: ${activePoint.total}`} />
          )}
        </svg>
      </div>
    </figure>
  );
}

function ChartTip({ x, y, width, text }: { x: number; y: number; width: number; text: string }) {
  const w = Math.max(60, text.length * 7.5 + 16);
  const left = Math.min(Math.max(4, x - w / 2), width - w - 4);
  const top = y - 46 < 2 ? y + 18 : y - 46;
  return (
    <g className="mk-bc-chart__tip" aria-hidden="true" pointerEvents="none">
      <rect x={left} y={top} width={w} height={28} rx={4} />
      <text x={left + w / 2} y={top + 19} textAnchor="middle">
        {text}
      </text>
    </g>
  );
}

/** What the colours and shapes mean, in words. */
export function TrendLegend({ series }: { series: TrendSeries }) {
  const { t } = useI18n();
  const text = useBurdenText();
  const { bands, overloadCutOff } = series.instrument;
  return (
    <ul className="mk-bc-legend" aria-label={t.burden.legendTitle}>
      {sortedBands(bands).map((band) => (
        <li key={band.code}>
          <span className={`mk-bc-swatch mk-bc-zone--${band.level ?? 'other'}`} aria-hidden="true" />
          {t.burden.bandRange(text.api(band.label), band.min, band.max)}
        </li>
      ))}
      {overloadCutOff !== null && <li>{t.burden.cutOffLegend(overloadCutOff)}</li>}
      {series.points.some((p) => p.mode === 'professional') && <li>{t.burden.markerLegend}</li>}
    </ul>
  );
}

/** The same points as the chart, as a table. */
export function TrendTable({ series, showShared }: { series: TrendSeries; showShared: boolean }) {
  const { t } = useI18n();
  const b = t.burden;
  const text = useBurdenText();
  const max = series.instrument.maxScore;
  return (
    <DataTable
      caption={b.tableCaption(text.name(series.instrument.key, series.instrument.title))}
      captionVisible
      rows={sorted(series.points)}
      rowKey={(p) => p.checkId}
      columns={[
        { key: 'date', header: b.date, cell: (p) => text.day(p.date) },
        {
          key: 'score',
          header: b.score,
          numeric: true,
          cell: (p) => (
            <span data-total={p.total}>
              {p.total} <span className="mk-muted">/ {max}</span>
            </span>
          ),
        },
        { key: 'band', header: b.band, cell: (p) => (p.bandLabel ? text.api(p.bandLabel) : t.common.none) },
        { key: 'by', header: b.takenBy, cell: (p) => (p.mode === 'professional' ? b.withProfessional : b.self) },
        ...(showShared ? [{ key: 'shared', header: b.shared, cell: (p: TrendPoint) => (p.sharedWithProfessional ? t.common.yes : t.common.no) }] : []),
      ]}
    />
  );
}
