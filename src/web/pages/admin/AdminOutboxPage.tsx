import { useEffect, useRef, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useI18n } from '../../i18n/index.tsx';
import type { OutboxMail } from '../../types.ts';
import { adminApi, adminKeys } from './api.ts';
import { DataList } from '../../components/ui.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { StatusBadge } from '../../components/Feedback.tsx';
import { MailText } from '../../components/MailText.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { PagedResult, usePage } from '../../components/Pager.tsx';

const PAGE_SIZE = 25;

function MailView({ mail, onClose }: { mail: OutboxMail; onClose: () => void }) {
  const { t, formatDateTime } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [mail.id]);
  return (
    <article className="mk-mail" aria-labelledby="mail-onderwerp">
      <h2 className="utrecht-heading-2" id="mail-onderwerp" ref={ref} tabIndex={-1}>
        {mail.subject}
      </h2>
      <DataList
        rows={[
          [t.outbox.to, mail.to, 'mk-break'],
          [t.outbox.createdAt, formatDateTime(mail.createdAt)],
        ]}
      />
      <MailText text={mail.text} />
      <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onClose}>
        {t.outbox.close}
      </button>
    </article>
  );
}

export default function AdminOutboxPage() {
  const { t, formatDateTime } = useI18n();
  const page = usePage();
  const [openId, setOpenId] = useState<string | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const mails = useQuery({
    queryKey: adminKeys.outbox(page),
    queryFn: () => adminApi.outbox(page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  const open = mails.data?.items.find((m) => m.id === openId) ?? null;

  return (
    <>
      <PageHeading title={t.outbox.title} lead={t.outbox.lead} />
      {open && (
        <MailView
          mail={open}
          onClose={() => {
            setOpenId(null);
            returnFocus.current?.focus();
          }}
        />
      )}
      <PagedResult query={mails} page={page} pageSize={PAGE_SIZE} empty={t.outbox.empty}>
        {(items) => (
          <DataTable
            caption={t.outbox.caption}
            rows={items}
            rowKey={(m) => m.id}
            columns={[
              { key: 'date', header: t.outbox.createdAt, cell: (m) => formatDateTime(m.createdAt) },
              { key: 'to', header: t.outbox.to, cell: (m) => <span className="mk-break">{m.to}</span> },
              {
                key: 'subject',
                header: t.outbox.subject,
                cell: (m) => (
                  <button
                    type="button"
                    className="utrecht-link-button utrecht-link-button--html-button mk-link-button"
                    aria-expanded={m.id === openId}
                    onClick={(event) => {
                      returnFocus.current = event.currentTarget;
                      setOpenId(m.id);
                    }}
                  >
                    {m.subject}
                  </button>
                ),
              },
              {
                key: 'status',
                header: t.outbox.status,
                cell: (m) =>
                  m.sentAt ? (
                    <StatusBadge tone="success">{t.outbox.sent}</StatusBadge>
                  ) : m.lastError ? (
                    <StatusBadge tone="danger">{t.outbox.failed}</StatusBadge>
                  ) : (
                    <StatusBadge tone="neutral">{t.outbox.notSent}</StatusBadge>
                  ),
              },
            ]}
          />
        )}
      </PagedResult>
    </>
  );
}
