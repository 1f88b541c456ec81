import { Link, useParams, useSearchParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../i18n/index.tsx';
import { Empty, LoadError, Loading, StatusBadge } from '../../components/Feedback.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { PAGE_PARAM, Pager, usePage } from '../../components/Pager.tsx';
import { burdenApi, burdenKeys, burdenPaths, type SignalFilter } from '../../components/burden/api.ts';
import { CheckboxField } from '../../components/form/index.ts';
import { organisationApi, organisationKeys } from '../../components/organisations/api.ts';
import { StatusTag, reasonText } from '../../components/burden/SignalBits.tsx';
import { daysOpen, useBurdenText } from '../../components/burden/text.ts';
import { SIGNAL_STATUSES, type Signal, type SignalStatus } from '../../components/burden/types.ts';
import '../../components/burden/burden.css';

const PAGE_SIZE = 25;
/** Status names in the address (Dutch, readable). */
const STATUS_PARAM: Record<SignalStatus, string> = { open: 'open', contacted: 'contact-gehad', plan_agreed: 'plan-afgesproken', closed: 'gesloten' };

function readFilter(params: URLSearchParams): Omit<SignalFilter, 'page' | 'pageSize'> {
  const wanted = params.getAll('status');
  return {
    statuses: SIGNAL_STATUSES.filter((s) => wanted.includes(STATUS_PARAM[s])),
    escalated: params.get('geescaleerd') === 'ja',
    mine: params.get('mijn') === 'ja',
  };
}

interface FilterValues {
  statuses: SignalStatus[];
  escalated: boolean;
  mine: boolean;
}

function Filters({ initial, onApply }: { initial: FilterValues; onApply: (values: FilterValues) => void }) {
  const { t } = useI18n();
  const b = t.burden;
  const form = useForm<FilterValues>({ defaultValues: initial });
  const empty = initial.statuses.length === 0 && !initial.escalated && !initial.mine;
  return (
    <form className="utrecht-form mk-filters mk-block" aria-label={b.filters} noValidate onSubmit={form.handleSubmit(onApply)}>
      <div className="mk-filters__fields">
        <fieldset className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{b.statusLegend}</legend>
          {SIGNAL_STATUSES.map((s) => (
            <CheckboxField key={s} id={`signalen-status-${s}`} label={b.statuses[s] ?? s} value={s} {...form.register('statuses')} />
          ))}
        </fieldset>
        <div>
          <CheckboxField id="signalen-geescaleerd" label={b.escalatedOnly} {...form.register('escalated')} />
          <CheckboxField id="signalen-mijn" label={b.mineOnly} {...form.register('mine')} />
        </div>
      </div>
      <div className="utrecht-button-group mk-actions">
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          {b.filter}
        </button>
        {!empty && (
          <button
            type="button"
            className="utrecht-button utrecht-button--subtle"
            onClick={() => {
              form.reset({ statuses: [], escalated: false, mine: false });
              onApply({ statuses: [], escalated: false, mine: false });
            }}
          >
            {b.clearFilters}
          </button>
        )}
      </div>
    </form>
  );
}

function SignalTable({ organisationId, items }: { organisationId: string; items: Signal[] }) {
  const { t, formatDate } = useI18n();
  const b = t.burden;
  const text = useBurdenText();
  return (
    <DataTable
      caption={b.signalsCaption}
      rows={items}
      rowKey={(s) => s.id}
      columns={[
        {
          key: 'caregiver',
          header: b.caregiver,
          cell: (s) => (
            <>
              <Link className="utrecht-link utrecht-link--html-a" to={burdenPaths.signal(organisationId, s.id)}>
                {s.caregiver.name}
              </Link>
              {s.escalatedAt && (
                <>
                  {' '}
                  <StatusBadge tone="danger">{b.escalated}</StatusBadge>
                </>
              )}
              {!s.escalatedAt && s.overdue && (
                <>
                  {' '}
                  <StatusBadge tone="danger">{b.overdue}</StatusBadge>
                </>
              )}
            </>
          ),
        },
        { key: 'client', header: b.client, cell: (s) => s.client?.name ?? <span className="mk-muted">{b.clientHidden}</span> },
        { key: 'reason', header: b.reason, cell: (s) => reasonText(s.reasons, b) },
        {
          key: 'score',
          header: b.score,
          cell: (s) =>
            s.total === null || !s.instrument ? (
              <span className="mk-muted">{b.resultNoLongerShared}</span>
            ) : (
              <>
                {s.previousTotal !== null ? b.scoreWas(s.total, s.previousTotal) : s.total}
                {s.bandLabel && <> · {text.api(s.bandLabel)}</>}
                <br />
                <span className="mk-muted">{text.name(s.instrument.key, s.instrument.title)}</span>
              </>
            ),
        },
        { key: 'status', header: b.status, cell: (s) => <StatusTag status={s.status} /> },
        { key: 'created', header: b.createdAt, cell: (s) => formatDate(s.createdAt) },
        { key: 'days', header: b.daysOpen, numeric: true, cell: (s) => b.days(daysOpen(s)) },
        { key: 'assigned', header: b.assignedTo, cell: (s) => s.assignedTo?.name ?? <span className="mk-muted">{b.nobody}</span> },
      ]}
    />
  );
}

/** /organisaties/:id/signalen — the organisation's overload signals, filtered and paged. */
export default function SignalsPage() {
  const { t } = useI18n();
  const b = t.burden;
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const page = usePage();
  const filter = readFilter(params);
  const organisation = useQuery({ queryKey: organisationKeys.organisation(id), queryFn: () => organisationApi.organisation(id) });
  const signals = useQuery({
    queryKey: burdenKeys.signalList(id, filter, page),
    queryFn: () => burdenApi.signals(id, { ...filter, page, pageSize: PAGE_SIZE }),
    placeholderData: (previous) => previous,
  });
  const filtered = filter.statuses.length > 0 || filter.escalated || filter.mine;

  const apply = (values: FilterValues) => {
    const next = new URLSearchParams();
    for (const s of SIGNAL_STATUSES) if ((values.statuses || []).includes(s)) next.append('status', STATUS_PARAM[s]);
    if (values.escalated) next.set('geescaleerd', 'ja');
    if (values.mine) next.set('mijn', 'ja');
    next.delete(PAGE_PARAM);
    setParams(next);
  };

  return (
    <>
      <PageHeading title={organisation.data ? b.signalsTitleOf(organisation.data.name) : b.signalsTitle} lead={b.signalsLead} />
      <Filters key={params.toString()} initial={filter} onApply={apply} />
      {signals.isPending ? (
        <Loading />
      ) : signals.isError ? (
        <LoadError error={signals.error} onRetry={() => void signals.refetch()} />
      ) : signals.data.items.length === 0 ? (
        <>
          <Empty>{filtered ? b.signalsEmptyFiltered : b.signalsEmpty}</Empty>
          {page > 1 && <p className="utrecht-paragraph">{t.pager.emptyPage}</p>}
        </>
      ) : (
        <>
          <SignalTable organisationId={id} items={signals.data.items} />
          <Pager page={page} pageSize={PAGE_SIZE} total={signals.data.total} itemCount={signals.data.items.length} />
        </>
      )}
    </>
  );
}
