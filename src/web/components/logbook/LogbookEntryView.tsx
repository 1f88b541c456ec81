import type { LogbookEntry } from '../../../common/logbook-schemas.ts';
import { useI18n } from '../../i18n/index.tsx';
import { StatusBadge } from '../Feedback.tsx';
import { ConfirmButton } from '../ConfirmButton.tsx';
import { ButtonRow, TextLink } from '../ui.tsx';
import { logbookPaths } from './api.ts';

/** One logbook entry: author, time, who may read it, the text; the author can delete it (after a confirm). */
export function LogbookEntryView({ clientId, entry, link, onDelete, deleting }: { clientId: string; entry: LogbookEntry; link?: boolean; onDelete?: () => void; deleting?: boolean }) {
  const { t, formatDateTime } = useI18n();
  const l = t.logbook;
  const when = formatDateTime(entry.createdAt);
  return (
    <article className="mk-note" aria-label={l.entryLabel(entry.author ?? t.common.unknown, when)}>
      <p className="mk-note__meta">
        {entry.author ?? t.common.unknown} · {link ? <TextLink to={logbookPaths.entry(clientId, entry.id)}>{when}</TextLink> : when} ·{' '}
        <StatusBadge tone={entry.visibility === 'circle' ? 'neutral' : 'warning'}>{l.visibility[entry.visibility]}</StatusBadge>
      </p>
      <p className="utrecht-paragraph" style={{ whiteSpace: 'pre-line' }}>
        {entry.body}
      </p>
      {entry.mine && onDelete && (
        <ButtonRow>
          <ConfirmButton question={l.deleteQuestion} explanation={l.deleteExplanation} confirmLabel={l.deleteConfirm} busy={deleting} onConfirm={onDelete}>
            {l.delete}
            <span className="mk-visually-hidden"> {l.entryLabel(entry.author ?? t.common.unknown, when)}</span>
          </ConfirmButton>
        </ButtonRow>
      )}
    </article>
  );
}
