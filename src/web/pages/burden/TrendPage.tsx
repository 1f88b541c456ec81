import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../i18n/index.tsx';
import { Empty, LoadError, Loading } from '../../components/Feedback.tsx';
import { PageHeading, Section } from '../../components/PageHeading.tsx';
import { burdenApi, burdenKeys, burdenPaths } from '../../components/burden/api.ts';
import { useCircleInfo } from '../../components/burden/circle.ts';
import { TrendChart, TrendLegend, TrendTable, trendSummary } from '../../components/burden/TrendChart.tsx';
import { useBurdenText } from '../../components/burden/text.ts';
import type { TrendSeries } from '../../components/burden/types.ts';
import '../../components/burden/burden.css';

function SeriesSection({ series, self }: { series: TrendSeries; self: boolean }) {
  const { t } = useI18n();
  const text = useBurdenText();
  const key = series.instrument.key;
  const summaryId = `verloop-${key}-samenvatting`;
  return (
    <Section id={`verloop-${key}`} title={text.name(key, series.instrument.title)}>
      <TrendChart series={series} summaryId={summaryId} />
      <p className="utrecht-paragraph mk-bc-summary" id={summaryId} data-testid={`trend-summary-${key}`}>
        {trendSummary(series, t, (d) => text.day(d), text.api)}
      </p>
      <TrendLegend series={series} />
      <TrendTable series={series} showShared={self} />
    </Section>
  );
}

/**
 * /kringen/:clientId/belasting/:memberId/verloop — results over time per instrument: a chart
 * and a table from the same answer of the API. A professional sees only what was shared.
 */
export default function TrendPage() {
  const { t } = useI18n();
  const b = t.burden;
  const { clientId = '', memberId = '' } = useParams();
  const circle = useCircleInfo(clientId);
  const trend = useQuery({ queryKey: burdenKeys.trend(clientId, memberId), queryFn: () => burdenApi.trend(clientId, memberId) });
  const self = circle.data?.myAccess.memberId === memberId;
  const name = trend.data?.member.name ?? '';
  return (
    <>
      <PageHeading title={self || !trend.data ? b.trendTitle : b.trendTitleOf(name)} lead={b.trendLead} />
      {trend.isPending || circle.isPending ? (
        <Loading />
      ) : trend.isError ? (
        <LoadError error={trend.error} onRetry={() => void trend.refetch()} />
      ) : trend.data.series.length === 0 ? (
        <Empty>{self ? b.trendEmpty : b.trendEmptyShared(name)}</Empty>
      ) : (
        trend.data.series.map((s) => <SeriesSection key={s.instrument.key} series={s} self={self} />)
      )}
      <ul className="mk-link-list">
        {self && (
          <li>
            <Link className="utrecht-link utrecht-link--html-a" to={burdenPaths.choose(clientId)}>
              {b.otherCheck}
            </Link>
          </li>
        )}
        <li>
          <Link className="utrecht-link utrecht-link--html-a" to={burdenPaths.overview(clientId)}>
            {b.back}
          </Link>
        </li>
      </ul>
    </>
  );
}
