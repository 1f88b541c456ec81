import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { NotificationItem } from '../../../common/notification-schemas.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Alert, LoadError, StatusBadge } from '../../components/Feedback.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { PagedResult, usePage } from '../../components/Pager.tsx';
import { ButtonRow, Paragraph } from '../../components/ui.tsx';
import { notificationApi, notificationKeys } from '../../components/notifications/api.ts';

/** The signed-in person's notifications, newest first: open one (marks it read), or mark all read. */
export default function NotificationsPage() {
  const { t, formatDateTime } = useI18n();
  const n = t.notifications;
  const queryClient = useQueryClient();
  const page = usePage();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('nieuw') === 'ja';
  const list = useQuery({ queryKey: notificationKeys.page(page, unreadOnly), queryFn: () => notificationApi.page(page, unreadOnly) });
  const mark = useMutation({ mutationFn: notificationApi.markRead, onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }) });
  const unread = list.data?.unread ?? 0;
  const text = (item: NotificationItem) => (item.accessEnded ? n.accessEnded : n.texts[item.kind](item.params));

  return (
    <>
      <PageHeading title={n.title} lead={n.lead} />
      <ButtonRow>
        <button type="button" className="utrecht-button utrecht-button--secondary-action" aria-pressed={unreadOnly} onClick={() => setParams(unreadOnly ? {} : { nieuw: 'ja' })}>
          {unreadOnly ? n.all : n.onlyUnread}
        </button>
        {unread > 0 && (
          <button type="button" className="utrecht-button utrecht-button--primary-action" disabled={mark.isPending} onClick={() => mark.mutate(undefined)}>
            {n.markAll}
          </button>
        )}
      </ButtonRow>
      {list.data && <Paragraph aria-live="polite">{n.unreadCount(unread)}</Paragraph>}
      {mark.isSuccess && mark.variables === undefined && <Alert kind="ok" title={n.markedAll} live />}
      {mark.isError && <LoadError error={mark.error} />}
      <PagedResult query={list} page={page} pageSize={20} empty={unreadOnly ? n.emptyUnread : n.empty}>
        {(items) => (
          <ul className="mk-notifications" aria-label={n.listLabel}>
            {items.map((item) => (
              <li key={item.id} className={`mk-notification${item.readAt ? '' : ' mk-notification--unread'}`}>
                <p className="utrecht-paragraph">
                  {!item.readAt && (
                    <>
                      <StatusBadge tone="warning">{n.new}</StatusBadge>{' '}
                    </>
                  )}
                  {text(item)}
                </p>
                <p className="utrecht-paragraph mk-muted">{formatDateTime(item.createdAt)}</p>
                <ButtonRow>
                  {item.link && (
                    <Link className="utrecht-link utrecht-link--html-a" to={item.link} onClick={() => !item.readAt && mark.mutate([item.id])}>
                      {n.open}
                      <span className="mk-visually-hidden">: {text(item)}</span>
                    </Link>
                  )}
                  {!item.readAt && (
                    <button type="button" className="utrecht-button utrecht-button--subtle" disabled={mark.isPending} onClick={() => mark.mutate([item.id])}>
                      {n.markOne}
                      <span className="mk-visually-hidden">: {text(item)}</span>
                    </button>
                  )}
                </ButtonRow>
              </li>
            ))}
          </ul>
        )}
      </PagedResult>
    </>
  );
}
