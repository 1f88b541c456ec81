import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Circle } from '../../../common/circle-schemas.ts';
import { useI18n } from '../../i18n/index.tsx';
import { LoadError, Loading, OutcomeAlert, useOutcome } from '../../components/Feedback.tsx';
import { fullName } from '../../components/circle/labels.ts';
import { keyInfoApi, keyInfoKeys, type KeyInfoSegment } from '../../components/key-info/api.ts';
import { ContactForm, MedicationForm, PlanForm } from '../../components/key-info/KeyInfoForms.tsx';
import { KeyInfoTables } from '../../components/key-info/KeyInfoTables.tsx';
import { Paragraph } from '../../components/ui.tsx';
import '../../components/key-info/key-info.css';

/**
 * The key information section of a circle page (issue 16, full level): key contacts,
 * medication and the emergency plan, each with a form to add and a remove after a confirm;
 * "Printen" prints only this information (the print block below, see key-info.css).
 */
export function KeyInfoSection({ circle }: { circle: Circle }) {
  const { t, formatDate } = useI18n();
  const k = t.keyInfo;
  const clientId = circle.client.id;
  const queryClient = useQueryClient();
  const key = keyInfoKeys.all(clientId);
  const info = useQuery({ queryKey: key, queryFn: () => keyInfoApi.get(clientId) });
  const reload = () => queryClient.invalidateQueries({ queryKey: key });
  const { outcome, run } = useOutcome();
  const remove = useMutation({ mutationFn: ({ segment, id }: { segment: KeyInfoSegment; id: string }) => keyInfoApi.remove(clientId, segment, id) });
  const added = async () => {
    await reload();
    void run(() => Promise.resolve(k.added));
  };
  const onRemove = (segment: KeyInfoSegment, id: string) =>
    void run(async () => {
      await remove.mutateAsync({ segment, id });
      await reload();
      return k.removed;
    });
  const name = fullName(circle.client);
  return (
    <div className="mk-keyinfo">
      <Paragraph>{k.intro}</Paragraph>
      <p className="utrecht-paragraph mk-keyinfo__print-row">
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => window.print()}>
          {k.print}
        </button>{' '}
        <span className="mk-muted">{k.printHelp}</span>
      </p>
      <OutcomeAlert outcome={outcome} />
      {info.isPending ? (
        <Loading />
      ) : info.isError ? (
        <LoadError error={info.error} onRetry={() => void info.refetch()} />
      ) : (
        <>
          <div className="mk-keyinfo__screen">
            <KeyInfoTables info={info.data} onRemove={onRemove} removing={remove.isPending ? (remove.variables?.id ?? null) : null} />
            <details className="mk-keyinfo__add">
              <summary>{k.contacts.add}</summary>
              <ContactForm clientId={clientId} onAdded={added} />
            </details>
            <details className="mk-keyinfo__add">
              <summary>{k.medications.add}</summary>
              <MedicationForm clientId={clientId} onAdded={added} />
            </details>
            <details className="mk-keyinfo__add">
              <summary>{k.plan.add}</summary>
              <PlanForm clientId={clientId} members={circle.members} onAdded={added} />
            </details>
          </div>
          <div className="mk-keyinfo-print" data-testid="key-info-print">
            <h2 className="utrecht-heading-2">{k.printTitle(name)}</h2>
            <p className="utrecht-paragraph mk-muted">{k.printed(formatDate(new Date().toISOString()))}</p>
            <KeyInfoTables info={info.data} />
          </div>
        </>
      )}
    </div>
  );
}
