import { useQuery } from '@tanstack/react-query';
import type { Circle } from '../../../common/circle-schemas.ts';
import { ApiError } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Alert, Empty, LoadError, Loading, StatusBadge } from '../../components/Feedback.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Pager, usePage } from '../../components/Pager.tsx';
import { circleApi, circleKeys } from '../../components/circle/api.ts';
import { LinkParagraph, Paragraph } from '../../components/ui.tsx';
import { ROUTES } from '../../../common/paths.ts';

const PAGE_SIZE = 25;

/** "Wie keek er?": the access log lines about this client, for the client and the decider (needs 2FA). */
export function AccessLogSection({ circle }: { circle: Circle }) {
  const { t, formatDateTime } = useI18n();
  const c = t.circle.log;
  const page = usePage();
  const allowed = circle.myAccess.isClient || circle.myAccess.canDecide;
  const log = useQuery({
    queryKey: circleKeys.accessLog(circle.client.id, page),
    queryFn: () => circleApi.accessLog(circle.client.id, page, PAGE_SIZE),
    enabled: allowed,
    retry: false,
  });
  if (!allowed) return <Alert kind="info" title={c.notAllowed(circle.client.givenName)} />;
  const intro = <p className="utrecht-paragraph">{c.intro(circle.client.givenName)}</p>;
  if (log.isPending)
    return (
      <>
        {intro}
        <Loading />
      </>
    );
  if (log.isError) {
    if (log.error instanceof ApiError && log.error.code === 'mfa_required') {
      return (
        <>
          {intro}
          <Alert kind="info" title={c.mfaTitle}>
            <Paragraph>{c.mfaText}</Paragraph>
            <LinkParagraph to={ROUTES.twoFactor}>{c.mfaLink}</LinkParagraph>
            <Paragraph>{c.mfaAfter}</Paragraph>
          </Alert>
        </>
      );
    }
    return <LoadError error={log.error} onRetry={() => void log.refetch()} />;
  }
  const action = (a: string) => c.actions[a as keyof typeof c.actions] ?? a;
  const resource = (r: string) => c.resources[r as keyof typeof c.resources] ?? r.replace(/_/g, ' ');
  return (
    <>
      {intro}
      {log.data.items.length === 0 ? (
        <Empty>{c.empty}</Empty>
      ) : (
        <DataTable
          caption={c.caption}
          rows={log.data.items}
          rowKey={(l) => `${l.occurredAt}-${l.action}-${l.resourceType}-${l.user ?? ''}`}
          columns={[
            { key: 'when', header: c.when, cell: (l) => formatDateTime(l.occurredAt) },
            { key: 'who', header: c.who, cell: (l) => l.user ?? c.system },
            { key: 'org', header: c.organisation, cell: (l) => l.organisation ?? t.common.none },
            { key: 'what', header: c.what, cell: (l) => `${action(l.action)}: ${resource(l.resourceType)}` },
            { key: 'via', header: c.via, cell: (l) => c.sources[l.sourceSystem as keyof typeof c.sources] ?? l.sourceSystem },
            {
              key: 'outcome',
              header: c.outcome,
              cell: (l) => (l.outcome === 'success' ? <StatusBadge tone="success">{t.audit.outcomes.success}</StatusBadge> : <StatusBadge tone="danger">{t.audit.outcomes[l.outcome as keyof typeof t.audit.outcomes] ?? l.outcome}</StatusBadge>),
            },
          ]}
        />
      )}
      <Pager page={log.data.page} pageSize={log.data.pageSize} total={log.data.total} itemCount={log.data.items.length} />
    </>
  );
}
