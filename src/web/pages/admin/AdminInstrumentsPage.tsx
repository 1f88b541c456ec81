import { useId, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api.ts';
import { adminApi, adminKeys } from './api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { burdenKeys } from '../../components/burden/api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Alert, LoadError, Loading, StatusBadge } from '../../components/Feedback.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Paragraph } from '../../components/ui.tsx';

type Outcome = { kind: 'ok'; text: string } | { kind: 'error'; text: string; details: string[] } | null;

/**
 * Burden instruments for the platform admin: the ones in use (with versions) and an import of
 * another licensed instrument as a FHIR Questionnaire with the Mantelkring scoring extension.
 */
export default function AdminInstrumentsPage() {
  const { t, formatDate } = useI18n();
  const a = t.adminInstruments;
  const queryClient = useQueryClient();
  const fieldId = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const instruments = useQuery({ queryKey: adminKeys.instruments, queryFn: adminApi.instruments });

  async function readFile(file: File | undefined) {
    if (file) setText(await file.text());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    let questionnaire: unknown;
    try {
      questionnaire = JSON.parse(text);
    } catch {
      setOutcome({ kind: 'error', text: a.notJson, details: [] });
      return;
    }
    setBusy(true);
    try {
      const result = await adminApi.importInstrument(questionnaire);
      setOutcome({ kind: 'ok', text: a.imported(result.key, result.version) });
      setText('');
      await queryClient.invalidateQueries({ queryKey: burdenKeys.all });
    } catch (error) {
      if (error instanceof ApiError) setOutcome({ kind: 'error', text: error.detail, details: error.fieldErrors.map((f) => `${f.path}: ${f.message}`) });
      else setOutcome({ kind: 'error', text: a.failed, details: [] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading title={a.title} lead={a.lead} />
      {instruments.isPending && <Loading />}
      {instruments.isError && <LoadError error={instruments.error} onRetry={() => void instruments.refetch()} />}
      {instruments.data && (
        <DataTable
          caption={a.caption}
          captionVisible
          rows={instruments.data.items}
          rowKey={(i) => i.versionId}
          columns={[
            { key: 'title', header: a.name, cell: (i) => i.title },
            { key: 'version', header: a.version, cell: (i) => `${i.version} (${formatDate(i.versions.find((v) => v.current)?.createdAt)})` },
            { key: 'items', header: a.items, numeric: true, cell: (i) => i.itemCount },
            { key: 'source', header: a.source, cell: (i) => (i.builtin ? <StatusBadge tone="neutral">{a.builtin}</StatusBadge> : <StatusBadge tone="success">{a.importedBadge}</StatusBadge>) },
            { key: 'versions', header: a.versions, numeric: true, cell: (i) => i.versions.length },
          ]}
        />
      )}

      <h2 className="utrecht-heading-2">{a.importTitle}</h2>
      <Paragraph>{a.importHelp}</Paragraph>
      {outcome?.kind === 'ok' && <Alert kind="ok" title={outcome.text} focus={outcome} live />}
      {outcome?.kind === 'error' && (
        <Alert kind="error" title={a.failed} focus={outcome} live>
          <Paragraph>{outcome.text}</Paragraph>
          {outcome.details.length > 0 && (
            <ul className="utrecht-unordered-list">
              {outcome.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor={`${fieldId}-file`}>
            {a.file}
          </label>
          <input id={`${fieldId}-file`} type="file" accept=".json,application/json,application/fhir+json" onChange={(event) => void readFile(event.target.files?.[0])} />
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor={`${fieldId}-text`}>
            {a.text}
          </label>
          <textarea id={`${fieldId}-text`} className="utrecht-textarea" rows={10} value={text} onChange={(event) => setText(event.target.value)} spellCheck={false} />
        </div>
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy || text.trim() === ''}>
          {busy ? t.common.busy : a.submit}
        </button>
      </form>
    </>
  );
}
