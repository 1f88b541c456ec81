import type { ThreadSummary } from '../../../common/threads-schemas.ts';
import { useI18n } from '../../i18n/index.tsx';
import { StatusBadge } from '../Feedback.tsx';
import { TextLink } from '../ui.tsx';
import { threadPaths } from './api.ts';
import './threads.css';

/** The threads I am in: subject (a link), who is in it, last message time and a badge with the unread count. */
export function ThreadList({ clientId, threads }: { clientId: string; threads: readonly ThreadSummary[] }) {
  const { t, formatDateTime } = useI18n();
  const m = t.threads;
  return (
    <ul className="mk-threads" aria-label={m.listTitle}>
      {threads.map((th) => (
        <li key={th.id} className="mk-threads__item">
          <p className="mk-threads__subject">
            <TextLink to={threadPaths.thread(clientId, th.id)}>{th.subject}</TextLink>
            {th.unreadCount > 0 && (
              <>
                {' '}
                <StatusBadge tone="warning">{m.unread(th.unreadCount)}</StatusBadge>
              </>
            )}
          </p>
          <p className="mk-threads__meta">
            {th.audience === 'private' ? m.with(th.participants.map((p) => p.name).join(', ')) : m.audience.circle} · {m.messageCount(th.messageCount)} · {m.lastMessage(formatDateTime(th.lastMessageAt))}
          </p>
        </li>
      ))}
    </ul>
  );
}
