import { useId, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ATTACHMENT_ACCEPT, ATTACHMENT_MAX_BYTES, formatSize } from '../../../common/attachments.ts';
import type { LogbookEntry } from '../../../common/logbook-schemas.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ConfirmButton } from '../ConfirmButton.tsx';
import { Empty, OutcomeAlert, useOutcome } from '../Feedback.tsx';
import { logbookKeys } from '../logbook/api.ts';
import { attachmentsApi } from './api.ts';

/**
 * The files of a logbook entry: download links with their size; the entry's author adds a
 * file (PDF or photo, at most 10 MB: the server checks the content) and whoever added a file
 * deletes it after a confirm.
 */
export function AttachmentsPanel({ clientId, entry }: { clientId: string; entry: LogbookEntry }) {
  const { t, locale } = useI18n();
  const a = t.attachments;
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);
  const { outcome, run } = useOutcome();
  const queryClient = useQueryClient();
  const reload = () => queryClient.invalidateQueries({ queryKey: logbookKeys.list(clientId) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    void run(async () => {
      if (!file) throw new Error(a.chooseFirst);
      if (file.size > ATTACHMENT_MAX_BYTES) throw new Error(a.tooLarge);
      setBusy(true);
      try {
        const added = await attachmentsApi.upload(clientId, entry.id, file, locale);
        if (input.current) input.current.value = '';
        await reload();
        return a.added(added.name);
      } finally {
        setBusy(false);
      }
    });
  };
  const remove = (attachmentId: string) =>
    void run(async () => {
      setDeleting(attachmentId);
      try {
        await attachmentsApi.remove(clientId, entry.id, attachmentId);
        await reload();
        return a.deleted;
      } finally {
        setDeleting(null);
      }
    });

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 className="utrecht-heading-2" id={`${id}-title`}>
        {a.title}
      </h2>
      <OutcomeAlert outcome={outcome} />
      {entry.attachments.length === 0 ? (
        <Empty>{a.none}</Empty>
      ) : (
        <ul className="utrecht-unordered-list">
          {entry.attachments.map((file) => (
            <li key={file.id} className="utrecht-unordered-list__item">
              <a className="utrecht-link" href={attachmentsApi.href(clientId, entry.id, file.id)} download={file.name}>
                {a.download(file.name, formatSize(file.size, locale))}
              </a>{' '}
              {file.mine && (
                <ConfirmButton question={a.deleteQuestion} explanation={a.deleteExplanation} confirmLabel={a.deleteConfirm} busy={deleting === file.id} onConfirm={() => remove(file.id)}>
                  {a.delete}
                  <span className="mk-visually-hidden"> {file.name}</span>
                </ConfirmButton>
              )}
            </li>
          ))}
        </ul>
      )}
      {entry.mine && (
        <form onSubmit={submit} noValidate>
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor={`${id}-file`}>
              {a.fileLabel}
            </label>
            <div className="utrecht-form-field-description" id={`${id}-hint`}>
              {a.fileHint}
            </div>
            <input ref={input} id={`${id}-file`} type="file" accept={ATTACHMENT_ACCEPT} aria-describedby={`${id}-hint`} style={{ maxWidth: '100%' }} />
          </div>
          <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={busy} aria-busy={busy}>
            {busy ? a.uploading : a.upload}
          </button>
        </form>
      )}
    </section>
  );
}
