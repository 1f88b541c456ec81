import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { Circle } from '../../../common/circle-schemas.ts';
import { LOGBOOK_BODY_MAX, LOGBOOK_VISIBILITIES, type LogbookVisibility } from '../../../common/logbook.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Alert, Empty, LoadError, Loading, nextKey, OutcomeAlert, useOutcome } from '../../components/Feedback.tsx';
import { FormShell, RadioGroup, SubmitButton, TextAreaField, useFormFailure, useSubmit, zodErrorMap } from '../../components/form/index.ts';
import { logbookApi, logbookKeys } from '../../components/logbook/api.ts';
import { LogbookEntryView } from '../../components/logbook/LogbookEntryView.tsx';
import { ButtonRow, Paragraph } from '../../components/ui.tsx';

/** The circle's logbook: a form to write an entry (with who may read it) and the entries the reader may see. */
export function LogbookSection({ circle }: { circle: Circle }) {
  const { t } = useI18n();
  const l = t.logbook;
  const clientId = circle.client.id;
  const queryClient = useQueryClient();
  const key = logbookKeys.list(clientId);
  const entries = useQuery({ queryKey: key, queryFn: () => logbookApi.list(clientId) });
  // "Only people with full access" can be chosen by those who have it themselves.
  const canFull = circle.myAccess.level === 'full' || circle.myAccess.level === 'manage';
  const choices = LOGBOOK_VISIBILITIES.filter((v) => v !== 'full' || canFull);
  const schema = z.object({
    body: z.string().trim().min(1, { message: l.required }).max(LOGBOOK_BODY_MAX, { message: l.tooLong }),
    visibility: z.enum(LOGBOOK_VISIBILITIES),
  });
  type Values = z.input<typeof schema>;
  const form = useForm<Values>({ shouldFocusError: false, resolver: zodResolver(schema, { error: zodErrorMap(t) }), defaultValues: { body: '', visibility: 'circle' } });
  const failure = useFormFailure(form.setError, ['body', 'visibility']);
  const add = useMutation({ mutationFn: (values: { body: string; visibility: LogbookVisibility }) => logbookApi.add(clientId, values) });
  const remove = useMutation({ mutationFn: (entryId: string) => logbookApi.remove(clientId, entryId) });
  const { outcome, run } = useOutcome();
  const [saved, setSaved] = useState(0);
  const onSubmit = useSubmit(
    form,
    failure,
    (values) => add.mutateAsync({ body: values.body, visibility: values.visibility }),
    async () => {
      form.reset({ body: '', visibility: form.getValues('visibility') });
      await queryClient.invalidateQueries({ queryKey: key });
      setSaved(nextKey());
    },
  );
  const onDelete = (entryId: string) =>
    void run(async () => {
      await remove.mutateAsync(entryId);
      await queryClient.invalidateQueries({ queryKey: key });
      return l.deleted;
    });
  return (
    <>
      <Paragraph>{l.intro}</Paragraph>
      {saved > 0 && <Alert kind="ok" title={l.saved} live />}
      <FormShell form={form} failure={failure} idPrefix="dagboek" labels={{ body: l.bodyLabel, visibility: l.visibilityLegend }} aria-label={l.formLabel} onSubmit={onSubmit}>
        <TextAreaField idPrefix="dagboek" label={l.bodyLabel} description={l.bodyHelp} maxLength={LOGBOOK_BODY_MAX} error={form.formState.errors.body?.message} {...form.register('body')} />
        <RadioGroup
          idPrefix="dagboek"
          name="visibility"
          legend={l.visibilityLegend}
          error={form.formState.errors.visibility?.message}
          options={choices.map((v) => ({ value: v, label: l.visibility[v], description: l.visibilityHelp[v] }))}
          inputProps={form.register('visibility')}
        />
        <ButtonRow>
          <SubmitButton busy={add.isPending}>{l.submit}</SubmitButton>
        </ButtonRow>
      </FormShell>
      <h3 className="utrecht-heading-3">{l.listTitle}</h3>
      <OutcomeAlert outcome={outcome} />
      {entries.isPending ? (
        <Loading />
      ) : entries.isError ? (
        <LoadError error={entries.error} onRetry={() => void entries.refetch()} />
      ) : entries.data.items.length === 0 ? (
        <Empty>{l.empty}</Empty>
      ) : (
        <ul className="mk-circle-notes" aria-label={l.listTitle}>
          {entries.data.items.map((e) => (
            <li key={e.id}>
              <LogbookEntryView clientId={clientId} entry={e} link onDelete={() => onDelete(e.id)} deleting={remove.isPending && remove.variables === e.id} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
