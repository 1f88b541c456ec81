import { useMemo, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../i18n/index.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Alert, Empty, LoadError, Loading, nextKey } from '../../components/Feedback.tsx';
import { CheckboxGroup, SelectField, TextField } from '../../components/form/index.ts';
import { organisationApi, organisationKeys } from '../../components/organisations/api.ts';
import { caseloadApi, caseloadKeys, caseloadPaths } from './api.ts';
import type { NetworksInvited } from '../../../common/caseload-schemas.ts';
import type { CaseloadItem } from '../../components/scan/types.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Pager, usePage } from '../../components/Pager.tsx';
import '../../components/scan/common.css';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { Indicator } from '../../components/scan/Indicator.tsx';
import { DEFAULT_QUERY, FILTERS, PAGE_SIZES, SORTS, apiQuery, isFiltered, readQuery, writeQuery, type CaseloadQuery, type FilterKey, type SortKey } from './params.ts';
import './caseload.css';
import { ButtonRow, Paragraph } from '../../components/ui.tsx';
import { circlePaths } from '../../components/circle/api.ts';
import { scanPaths } from '../../components/scan/api.ts';

/** Contact longer ago than this is highlighted (the same limit as the filter). */
const CONTACT_LIMIT_DAYS = 30;
/** A scan older than this counts as "not recent" (the same limit as the filter). */
const SCAN_LIMIT_DAYS = 180;
/** The API takes at most this many clients in one bulk invitation. */
const MAX_BULK = 200;

/** Lower-case first letter for use mid-sentence, but leave "A tot Z" alone. */
const lcFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);

const fullName = (c: { givenName: string; familyName: string }) => `${c.givenName} ${c.familyName}`.trim();

function FilterForm({ current, onApply }: { current: CaseloadQuery; onApply: (query: CaseloadQuery) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(current);
  // The address changed (back button, a link): show its settings in the form.
  const [shown, setShown] = useState(current);
  if (shown !== current) {
    setShown(current);
    setDraft(current);
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form role="search" className="utrecht-form mk-form mk-filters mk-caseload-filters" onSubmit={submit} aria-label={t.caseload.filterRegion}>
      <TextField
        idPrefix="caseload"
        name="zoek"
        type="search"
        label={t.caseload.searchLabel}
        description={t.caseload.searchHelp}
        value={draft.q}
        maxLength={100}
        onChange={(event) => setDraft({ ...draft, q: event.target.value })}
      />
      <CheckboxGroup
        idPrefix="caseload"
        name="filter"
        legend={t.caseload.filterLegend}
        layout="grid"
        options={FILTERS.map((f) => ({ value: f.api, label: t.caseload.filters[f.api] }))}
        inputProps={{
          name: 'filter',
          onChange: (event) => {
            const value = event.target.value as FilterKey;
            const filters = event.target.checked ? [...draft.filters, value] : draft.filters.filter((f) => f !== value);
            setDraft({ ...draft, filters: FILTERS.map((f) => f.api).filter((f) => filters.includes(f)) });
          },
        }}
        checked={draft.filters}
      />
      <div className="mk-filters__fields">
        <SelectField
          idPrefix="caseload"
          name="sorteer"
          label={t.caseload.sortLabel}
          value={draft.sort}
          onChange={(event) => setDraft({ ...draft, sort: event.target.value as SortKey })}
          options={SORTS.map((s) => ({ value: s.api, label: t.caseload.sorts[s.api] }))}
        />
        <SelectField
          idPrefix="caseload"
          name="volgorde"
          label={t.caseload.orderLabel}
          value={draft.order}
          onChange={(event) => setDraft({ ...draft, order: event.target.value === 'desc' ? 'desc' : 'asc' })}
          options={[
            { value: 'asc', label: t.caseload.orderAsc[draft.sort] },
            { value: 'desc', label: t.caseload.orderDesc[draft.sort] },
          ]}
        />
        <SelectField
          idPrefix="caseload"
          name="per"
          label={t.caseload.pageSizeLabel}
          value={String(draft.pageSize)}
          onChange={(event) => setDraft({ ...draft, pageSize: Number(event.target.value) })}
          options={PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) }))}
        />
      </div>
      <ButtonRow>
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          {t.caseload.apply}
        </button>
        {(isFiltered(current) || current.sort !== DEFAULT_QUERY.sort || current.order !== DEFAULT_QUERY.order || current.pageSize !== DEFAULT_QUERY.pageSize) && (
          <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => onApply(DEFAULT_QUERY)}>
            {t.caseload.clear}
          </button>
        )}
      </ButtonRow>
    </form>
  );
}

function ContactIndicator({ days }: { days: number | null }) {
  const { t } = useI18n();
  if (days === null) return <Indicator tone="attention">{t.caseload.contactNever}</Indicator>;
  const text = days <= 0 ? t.caseload.today : days === 1 ? t.caseload.yesterday : t.caseload.daysAgo(days);
  if (days > CONTACT_LIMIT_DAYS) return <Indicator tone="attention" detail={t.caseload.contactLong(CONTACT_LIMIT_DAYS)}>{text}</Indicator>;
  return <Indicator tone="ok">{text}</Indicator>;
}

function ScanIndicator({ at, now }: { at: string | null; now: number }) {
  const { t, formatDate } = useI18n();
  if (!at) return <Indicator tone="missing">{t.caseload.scanNever}</Indicator>;
  const old = now - new Date(at).getTime() > SCAN_LIMIT_DAYS * 86_400_000;
  return old ? (
    <Indicator tone="attention" detail={t.caseload.scanOld}>
      {formatDate(at)}
    </Indicator>
  ) : (
    <Indicator tone="ok">{formatDate(at)}</Indicator>
  );
}

function InviteResult({ result }: { result: { at: number } & NetworksInvited }) {
  const { t } = useI18n();
  return (
    <Alert kind={result.invited > 0 ? 'ok' : 'info'} title={t.caseload.invitedTitle} focus={result.at} live>
      <Paragraph>{t.caseload.invited(result.invited)}</Paragraph>
      {result.skipped > 0 && <p className="utrecht-paragraph">{t.caseload.skipped(result.skipped)}</p>}
      {result.invited === 0 && result.skipped === 0 && <p className="utrecht-paragraph">{t.caseload.nobodyToInvite}</p>}
    </Alert>
  );
}

export default function CaseloadPage() {
  const { t, formatDate, errorText } = useI18n();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const page = usePage();
  const search = params.toString();
  const query = useMemo(() => readQuery(new URLSearchParams(search)), [search]);

  const queryClient = useQueryClient();
  const organisation = useQuery({ queryKey: organisationKeys.organisation(id), queryFn: () => organisationApi.organisation(id) });
  const list = useQuery({
    queryKey: caseloadKeys.page(id, apiQuery(query, page)),
    // The settings travel with the answer: while the next list loads, the old one keeps its own caption.
    queryFn: async () => ({ ...(await caseloadApi.list(id, apiQuery(query, page))), shown: query }),
    placeholderData: keepPreviousData,
  });
  const [selected, setSelected] = useState<Map<string, string>>(new Map());
  // "Now" for the age of a scan: fixed while the page is open (rendering stays pure).
  const [now] = useState(() => Date.now());
  const [result, setResult] = useState<{ at: number } & NetworksInvited | null>(null);
  const invite = useMutation({
    mutationFn: (clientIds: string[]) => caseloadApi.inviteNetworks(id, clientIds),
    onSuccess: (data) => {
      setResult({ at: nextKey(), ...data });
      setSelected(new Map());
      return queryClient.invalidateQueries({ queryKey: caseloadKeys.list(id) });
    },
  });

  const apply = (next: CaseloadQuery) => {
    setResult(null);
    setParams(writeQuery(next));
  };
  const toggle = (item: CaseloadItem, on: boolean) => {
    const next = new Map(selected);
    if (on) next.set(item.clientId, fullName(item));
    else next.delete(item.clientId);
    setSelected(next);
  };

  const items = list.data?.items ?? [];
  const allOnPage = items.length > 0 && items.every((i) => selected.has(i.clientId));
  const orgName = organisation.data?.name;
  const shown = list.data?.shown ?? query;
  const sortText = `${lcFirst(t.caseload.sorts[shown.sort])}, ${lcFirst((shown.order === 'asc' ? t.caseload.orderAsc : t.caseload.orderDesc)[shown.sort])}`;

  return (
    <>
      <PageHeading title={t.caseload.title} lead={orgName ? t.caseload.lead(orgName) : undefined} />
      <p className="mk-actions mk-caseload-actions">
        <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" to={caseloadPaths.register(id)}>
          {t.caseload.registerLink}
        </Link>
        <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" to={caseloadPaths.linkCode(id)}>
          {t.caseload.linkCodeLink}
        </Link>
      </p>

      <FilterForm current={query} onApply={apply} />

      {result && <InviteResult result={result} />}
      {invite.isError && <Alert kind="error" title={errorText(invite.error)} focus={invite.error} live />}

      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <div className="mk-caseload-empty">
          {page > 1 ? (
            <Empty>{t.pager.emptyPage}</Empty>
          ) : isFiltered(query) ? (
            <>
              <Empty>{t.caseload.noResults}</Empty>
              <Paragraph>
                <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => apply({ ...query, q: '', filters: [] })}>
                  {t.caseload.showAll}
                </button>
              </Paragraph>
            </>
          ) : (
            <>
              <Empty>{t.caseload.empty}</Empty>
              <Paragraph>{t.caseload.emptyHelp}</Paragraph>
            </>
          )}
        </div>
      ) : (
        <section aria-labelledby="clienten-lijst" className={`mk-section mk-caseload${list.isPlaceholderData ? ' mk-caseload--loading' : ''}`} aria-busy={list.isPlaceholderData || undefined}>
          <h2 className="utrecht-heading-2 mk-visually-hidden" id="clienten-lijst">
            {t.caseload.listTitle}
          </h2>
          <div className="mk-bulk" role="group" aria-label={t.caseload.bulkRegion}>
            <div className="mk-choice mk-bulk__all">
              <input
                type="checkbox"
                id="caseload-all"
                className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
                checked={allOnPage}
                onChange={(event) => {
                  const next = new Map(selected);
                  for (const item of items) {
                    if (event.target.checked) next.set(item.clientId, fullName(item));
                    else next.delete(item.clientId);
                  }
                  setSelected(next);
                }}
              />
              <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor="caseload-all">
                {t.caseload.selectAll(items.length)}
              </label>
            </div>
            <p className={`utrecht-paragraph mk-bulk__count${selected.size === 0 ? ' mk-bulk__count--none' : ''}`} role="status">
              {selected.size === 0 ? t.caseload.noneSelected : t.caseload.selectedCount(selected.size)}
            </p>
            {selected.size > MAX_BULK ? (
              <p className="utrecht-paragraph mk-bulk__hint">{t.caseload.tooMany(MAX_BULK)}</p>
            ) : (
              selected.size > 0 && (
                <ConfirmButton
                  danger={false}
                  question={t.caseload.inviteQuestion(selected.size)}
                  explanation={
                    <>
                      <Paragraph>{t.caseload.inviteExplanation}</Paragraph>
                      <Paragraph>{[...selected.values()].slice(0, 10).join(', ') + (selected.size > 10 ? ` ${t.caseload.andMore(selected.size - 10)}` : '')}</Paragraph>
                    </>
                  }
                  confirmLabel={t.caseload.inviteConfirm}
                  busy={invite.isPending}
                  onConfirm={() => invite.mutate([...selected.keys()])}
                >
                  {t.caseload.invite}
                </ConfirmButton>
              )
            )}
            {selected.size > 0 && (
              <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => setSelected(new Map())}>
                {t.caseload.clearSelection}
              </button>
            )}
          </div>
          <DataTable
            caption={`${orgName ? t.caseload.caption(orgName) : t.caseload.listTitle} ${t.caseload.sortedBy(sortText)}`}
            captionVisible
            rows={items}
            rowKey={(c) => c.clientId}
            columns={[
              {
                key: 'select',
                header: t.caseload.colSelect,
                cell: (c) => (
                  <span className="mk-caseload__select">
                    <input
                      type="checkbox"
                      id={`kies-${c.clientId}`}
                      className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
                      checked={selected.has(c.clientId)}
                      onChange={(event) => toggle(c, event.target.checked)}
                    />
                    <label htmlFor={`kies-${c.clientId}`} className="mk-visually-hidden">
                      {t.caseload.select(fullName(c))}
                    </label>
                  </span>
                ),
              },
              {
                key: 'client',
                header: t.caseload.colClient,
                cell: (c) => (
                  <div>
                    <Link className="utrecht-link utrecht-link--html-a mk-caseload__name" to={circlePaths.circle(c.clientId)}>
                      {fullName(c)}
                    </Link>
                    <span className="mk-caseload__meta">
                      {c.birthDate ? `${t.caseload.born} ${formatDate(c.birthDate)} · ` : ''}
                      {c.municipalityName}
                    </span>
                  </div>
                ),
              },
              {
                key: 'caregiver',
                header: t.caseload.colCaregiver,
                cell: (c) =>
                  c.indicators.caregiverRegistered ? (
                    <Indicator tone="ok" detail={c.indicators.mainCaregiver ? t.caseload.mainCaregiver(c.indicators.mainCaregiver) : t.caseload.noMainCaregiver}>
                      {t.caseload.caregiverYes}
                    </Indicator>
                  ) : (
                    <Indicator tone="attention">{t.caseload.caregiverNo}</Indicator>
                  ),
              },
              {
                key: 'map',
                header: t.caseload.colMap,
                cell: (c) => (
                  <Indicator tone={c.indicators.mapMade ? 'ok' : 'missing'} detail={t.caseload.people(c.memberCount)}>
                    {c.indicators.mapMade ? t.caseload.mapYes : t.caseload.mapNo}
                  </Indicator>
                ),
              },
              { key: 'scan', header: t.caseload.colScan, cell: (c) => <ScanIndicator at={c.indicators.lastScanAt} now={now} /> },
              { key: 'contact', header: t.caseload.colContact, cell: (c) => <ContactIndicator days={c.indicators.daysSinceContact} /> },
              {
                key: 'actions',
                header: t.caseload.colActions,
                cell: (c) => (
                  <ul className="mk-caseload__links">
                    <li>
                      <Link className="utrecht-link utrecht-link--html-a" to={caseloadPaths.contact(id, c.clientId)}>
                        {t.caseload.contactLink}
                        <span className="mk-visually-hidden"> ({fullName(c)})</span>
                      </Link>
                    </li>
                    <li>
                      <Link className="utrecht-link utrecht-link--html-a" to={scanPaths.list(c.clientId)}>
                        {t.caseload.scanLink}
                        <span className="mk-visually-hidden"> ({fullName(c)})</span>
                      </Link>
                    </li>
                  </ul>
                ),
              },
            ]}
          />
          <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} itemCount={items.length} />
        </section>
      )}
    </>
  );
}
