import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useI18n } from '../../i18n/index.tsx';
import { query } from '../../api.ts';
import { adminApi, adminKeys } from './api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { StatusBadge } from '../../components/Feedback.tsx';
import { TextField } from '../../components/form/index.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { PAGE_PARAM, PagedResult, usePage } from '../../components/Pager.tsx';
import { ButtonRow, TextLink } from '../../components/ui.tsx';
import { ROUTES } from '../../../common/paths.ts';

const PAGE_SIZE = 25;

export default function AdminUsersPage() {
  const { t, formatDate } = useI18n();
  const [params, setParams] = useSearchParams();
  const page = usePage();
  const q = params.get('zoek') ?? '';
  const [search, setSearch] = useState(q);
  const users = useQuery({
    queryKey: adminKeys.users(q, page),
    queryFn: () => adminApi.users(q, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });

  // A search that finds nobody says so on every page.
  const noResults = q ? t.adminUsers.noResults(q) : undefined;

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams(params);
    if (search.trim()) next.set('zoek', search.trim());
    else next.delete('zoek');
    next.delete(PAGE_PARAM);
    setParams(next);
  };

  return (
    <>
      <PageHeading title={t.adminUsers.title} lead={t.adminUsers.lead} />
      <form role="search" className="utrecht-form mk-form mk-search" onSubmit={onSearch} aria-label={t.adminUsers.searchRegion}>
        <TextField idPrefix="users" name="zoek" type="search" label={t.adminUsers.searchLabel} description={t.adminUsers.searchHelp} value={search} onChange={(e) => setSearch(e.target.value)} />
        <ButtonRow>
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            {t.adminUsers.searchSubmit}
          </button>
          {q && (
            <button
              type="button"
              className="utrecht-button utrecht-button--subtle"
              onClick={() => {
                setSearch('');
                setParams(new URLSearchParams());
              }}
            >
              {t.adminUsers.clear}
            </button>
          )}
        </ButtonRow>
      </form>
      <PagedResult query={users} page={page} pageSize={PAGE_SIZE} empty={noResults ?? t.adminUsers.empty} emptyPage={noResults}>
        {(items) => (
          <DataTable
            caption={q ? t.adminUsers.captionSearch(q) : t.adminUsers.caption}
            captionVisible
            rows={items}
            rowKey={(u) => u.id}
            columns={[
              { key: 'name', header: t.fields.name, cell: (u) => u.displayName },
              { key: 'email', header: t.fields.email, cell: (u) => <span className="mk-break">{u.email}</span> },
              {
                key: 'roles',
                header: t.adminUsers.kind,
                cell: (u) =>
                  [...(u.isPlatformAdmin ? [t.adminUsers.platformAdmin] : []), ...u.personas.map((p) => t.personas[p as keyof typeof t.personas] ?? p)].join(', ') || t.adminUsers.staffOnly,
              },
              { key: 'verified', header: t.adminUsers.verified, cell: (u) => (u.emailVerified ? <StatusBadge tone="success">{t.common.yes}</StatusBadge> : <StatusBadge tone="warning">{t.common.no}</StatusBadge>) },
              { key: '2fa', header: t.organisation.twoFactor, cell: (u) => (u.twoFactor ? <StatusBadge tone="success">{t.common.on}</StatusBadge> : <StatusBadge tone="neutral">{t.common.off}</StatusBadge>) },
              { key: 'created', header: t.adminUsers.created, cell: (u) => formatDate(u.createdAt) },
              {
                key: 'log',
                header: t.common.action,
                cell: (u) => (
                  <TextLink to={`${ROUTES.adminAudit}${query({ gebruiker: u.id })}`}>
                    {t.adminUsers.auditLink}
                    <span className="mk-visually-hidden"> ({u.displayName})</span>
                  </TextLink>
                ),
              },
            ]}
          />
        )}
      </PagedResult>
    </>
  );
}
