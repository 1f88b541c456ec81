import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { useI18n } from '../../i18n/index.tsx';
import { adminApi, adminKeys } from './api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { StatusBadge, nextKey } from '../../components/Feedback.tsx';
import { ErrorSummary, TextField, type Failure } from '../../components/form/index.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { PAGE_PARAM, PagedResult, usePage } from '../../components/Pager.tsx';
import { ButtonRow } from '../../components/ui.tsx';

const PAGE_SIZE = 50;
const ACTIONS = ['login', 'logout', 'create', 'read', 'update', 'delete', 'search', 'session_ended', 'password_reset_requested'];
const uuid = z.uuid();

export default function AdminAuditPage() {
  const { t, formatDateTime } = useI18n();
  const [params, setParams] = useSearchParams();
  const page = usePage();
  const userId = params.get('gebruiker') ?? '';
  const clientId = params.get('client') ?? '';
  const action = params.get('actie') ?? '';
  const [filters, setFilters] = useState({ userId, clientId, action });
  const [errors, setErrors] = useState<Record<string, { message: string }>>({});
  const [failure, setFailure] = useState<Failure | null>(null);

  const log = useQuery({
    queryKey: adminKeys.audit({ userId, clientId, action }, page),
    queryFn: () => adminApi.audit({ userId, clientId, action }, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });

  const onFilter = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, { message: string }> = {};
    if (filters.userId.trim() && !uuid.safeParse(filters.userId.trim()).success) found.userId = { message: t.validation.uuid };
    if (filters.clientId.trim() && !uuid.safeParse(filters.clientId.trim()).success) found.clientId = { message: t.validation.uuid };
    setErrors(found);
    if (Object.keys(found).length) {
      setFailure({ key: nextKey() });
      return;
    }
    setFailure(null);
    const next = new URLSearchParams();
    if (filters.userId.trim()) next.set('gebruiker', filters.userId.trim());
    if (filters.clientId.trim()) next.set('client', filters.clientId.trim());
    if (filters.action.trim()) next.set('actie', filters.action.trim());
    next.delete(PAGE_PARAM);
    setParams(next);
  };

  const outcomeTone = (outcome: string) => (outcome === 'success' ? 'success' : outcome === 'denied' ? 'warning' : 'danger');

  return (
    <>
      <PageHeading title={t.audit.title} lead={t.audit.lead} />
      <ErrorSummary failure={failure} errors={errors} idPrefix="audit" labels={{ userId: t.audit.userId, clientId: t.audit.clientId }} />
      <form className="utrecht-form mk-form mk-filters" noValidate onSubmit={onFilter} aria-label={t.audit.filterLabel}>
        <div className="mk-filters__fields">
          <TextField idPrefix="audit" name="userId" label={t.audit.userId} optional spellCheck={false} value={filters.userId} error={errors.userId?.message} onChange={(e) => setFilters({ ...filters, userId: e.target.value })} />
          <TextField idPrefix="audit" name="clientId" label={t.audit.clientId} optional spellCheck={false} value={filters.clientId} error={errors.clientId?.message} onChange={(e) => setFilters({ ...filters, clientId: e.target.value })} />
          <TextField idPrefix="audit" name="action" label={t.audit.action} optional list="audit-actions" value={filters.action} onChange={(e) => setFilters({ ...filters, action: e.target.value })} />
          <datalist id="audit-actions">
            {ACTIONS.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </div>
        <ButtonRow>
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            {t.audit.filterSubmit}
          </button>
          {(userId || clientId || action) && (
            <button
              type="button"
              className="utrecht-button utrecht-button--subtle"
              onClick={() => {
                setFilters({ userId: '', clientId: '', action: '' });
                setErrors({});
                setFailure(null);
                setParams(new URLSearchParams());
              }}
            >
              {t.audit.clear}
            </button>
          )}
        </ButtonRow>
      </form>
      <PagedResult query={log} page={page} pageSize={PAGE_SIZE} empty={t.audit.empty}>
        {(items) => (
          <DataTable
            caption={t.audit.caption}
            rows={items}
            rowKey={(a) => String(a.id)}
            columns={[
              { key: 'time', header: t.audit.time, cell: (a) => formatDateTime(a.occurredAt) },
              {
                key: 'user',
                header: t.audit.user,
                cell: (a) =>
                  a.userId ? (
                    <>
                      {a.userDisplay ?? t.common.unknown}
                      <br />
                      <code className="mk-id">{a.userId}</code>
                    </>
                  ) : (
                    <span className="mk-muted">{t.audit.noUser}</span>
                  ),
              },
              { key: 'action', header: t.audit.action, cell: (a) => <code className="mk-id">{a.action}</code> },
              {
                key: 'resource',
                header: t.audit.resource,
                cell: (a) => (
                  <>
                    {a.resourceType}
                    {a.resourceId && (
                      <>
                        <br />
                        <code className="mk-id">{a.resourceId}</code>
                      </>
                    )}
                  </>
                ),
              },
              { key: 'client', header: t.audit.client, cell: (a) => (a.clientId ? <code className="mk-id">{a.clientId}</code> : t.common.none) },
              { key: 'source', header: t.audit.source, cell: (a) => a.sourceSystem },
              { key: 'accessPoint', header: t.audit.accessPoint, cell: (a) => a.accessPoint ?? t.common.unknown },
              {
                key: 'outcome',
                header: t.audit.outcome,
                cell: (a) => (
                  <>
                    <StatusBadge tone={outcomeTone(a.outcome)}>{t.audit.outcomes[a.outcome as keyof typeof t.audit.outcomes] ?? a.outcome}</StatusBadge>
                    {a.emergency && (
                      <>
                        {' '}
                        <StatusBadge tone="danger">{t.audit.emergency}</StatusBadge>
                      </>
                    )}
                  </>
                ),
              },
            ]}
          />
        )}
      </PagedResult>
    </>
  );
}
