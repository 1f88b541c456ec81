import type { ThreadDetail } from '../../../common/threads-schemas.ts';
import { useI18n } from '../../i18n/index.tsx';
import './threads.css';

/** The messages of a thread, oldest first, each with its author and time. */
export function ThreadMessages({ messages }: { messages: ThreadDetail['messages'] }) {
  const { t, formatDateTime } = useI18n();
  const m = t.threads;
  return (
    <ol className="mk-thread-messages" aria-label={m.messagesTitle}>
      {messages.map((msg) => {
        const author = msg.isMine ? m.me : (msg.author ?? t.common.unknown);
        const when = formatDateTime(msg.createdAt);
        return (
          <li key={msg.id} className={`mk-note mk-thread-message${msg.isMine ? ' mk-thread-message--mine' : ''}`}>
            <article aria-label={m.messageLabel(author, when)}>
              <p className="mk-note__meta">
                <strong>{author}</strong> · <time dateTime={msg.createdAt}>{when}</time>
              </p>
              <p className="utrecht-paragraph mk-thread-message__body">{msg.body}</p>
            </article>
          </li>
        );
      })}
    </ol>
  );
}
