import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../i18n/index.tsx';
import { LoadError, Loading, OutcomeAlert, useOutcome } from '../../components/Feedback.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { logbookApi, logbookKeys, logbookPaths } from '../../components/logbook/api.ts';
import { LogbookEntryView } from '../../components/logbook/LogbookEntryView.tsx';
import { LinkParagraph } from '../../components/ui.tsx';
import { AttachmentsPanel } from '../../components/attachments/AttachmentsPanel.tsx';

/** One logbook entry (the link in a notification). An entry the reader may not see answers 404. */
export default function LogbookEntryPage() {
  const { t } = useI18n();
  const l = t.logbook;
  const { clientId = '', entryId = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const entry = useQuery({ queryKey: logbookKeys.entry(clientId, entryId), queryFn: () => logbookApi.entry(clientId, entryId) });
  const remove = useMutation({ mutationFn: () => logbookApi.remove(clientId, entryId) });
  const { outcome, run } = useOutcome();
  const onDelete = () =>
    void run(async () => {
      await remove.mutateAsync();
      await queryClient.invalidateQueries({ queryKey: logbookKeys.list(clientId) });
      await navigate(logbookPaths.section(clientId));
    });
  return (
    <>
      <PageHeading title={l.entryTitle} />
      <OutcomeAlert outcome={outcome} />
      {entry.isPending ? (
        <Loading />
      ) : entry.isError ? (
        <LoadError error={entry.error} onRetry={() => void entry.refetch()} />
      ) : (
        <>
          <LogbookEntryView clientId={clientId} entry={entry.data} onDelete={onDelete} deleting={remove.isPending} />
          <AttachmentsPanel clientId={clientId} entry={entry.data} />
        </>
      )}
      <LinkParagraph to={logbookPaths.section(clientId)}>{l.backToLogbook}</LinkParagraph>
    </>
  );
}
