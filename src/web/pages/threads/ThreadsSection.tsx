import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import type { Circle } from '../../../common/circle-schemas.ts';
import { MESSAGE_MAX, SUBJECT_MAX, THREAD_AUDIENCES, type StartThreadInput } from '../../../common/threads-schemas.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Empty, LoadError, Loading } from '../../components/Feedback.tsx';
import { CheckboxGroup, FormShell, RadioGroup, SubmitButton, TextAreaField, TextField, useFormFailure, useSubmit, zodErrorMap } from '../../components/form/index.ts';
import { threadApi, threadKeys, threadPaths } from '../../components/threads/api.ts';
import { ThreadList } from '../../components/threads/ThreadList.tsx';
import { ButtonRow, Paragraph } from '../../components/ui.tsx';

/** The threads section of a circle page (issue 16): the threads I am in, and a form to start one. */
export function ThreadsSection({ circle }: { circle: Circle }) {
  const { t } = useI18n();
  const m = t.threads;
  const clientId = circle.client.id;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const threads = useQuery({ queryKey: threadKeys.list(clientId), queryFn: () => threadApi.list(clientId) });
  const people = useQuery({ queryKey: threadKeys.people(clientId), queryFn: () => threadApi.people(clientId) });
  const schema = z
    .object({
      subject: z.string().trim().min(1, { message: m.subjectRequired }).max(SUBJECT_MAX, { message: m.subjectTooLong }),
      audience: z.enum(THREAD_AUDIENCES),
      participantUserIds: z.array(z.string()),
      body: z.string().trim().min(1, { message: m.bodyRequired }).max(MESSAGE_MAX, { message: m.bodyTooLong }),
    })
    .refine((v) => v.audience === 'circle' || v.participantUserIds.length > 0, { path: ['participantUserIds'], message: m.peopleRequired });
  type Values = z.input<typeof schema>;
  const form = useForm<Values>({
    shouldFocusError: false,
    resolver: zodResolver(schema, { error: zodErrorMap(t) }),
    defaultValues: { subject: '', audience: 'circle', participantUserIds: [], body: '' },
  });
  const failure = useFormFailure(form.setError, ['subject', 'audience', 'participantUserIds', 'body']);
  const start = useMutation({ mutationFn: (input: StartThreadInput) => threadApi.start(clientId, input) });
  const audience = useWatch({ control: form.control, name: 'audience' });
  const onSubmit = useSubmit(
    form,
    failure,
    (v) => start.mutateAsync({ subject: v.subject, audience: v.audience, body: v.body, ...(v.audience === 'private' ? { participantUserIds: v.participantUserIds } : {}) }),
    async ({ id }) => {
      await queryClient.invalidateQueries({ queryKey: threadKeys.list(clientId) });
      await navigate(threadPaths.thread(clientId, id));
    },
  );
  const choices = people.data?.items ?? [];
  return (
    <>
      <Paragraph>{m.intro}</Paragraph>
      <h3 className="utrecht-heading-3">{m.listTitle}</h3>
      {threads.isPending ? (
        <Loading />
      ) : threads.isError ? (
        <LoadError error={threads.error} onRetry={() => void threads.refetch()} />
      ) : threads.data.items.length === 0 ? (
        <Empty>{m.empty}</Empty>
      ) : (
        <ThreadList clientId={clientId} threads={threads.data.items} />
      )}
      <h3 className="utrecht-heading-3">{m.startTitle}</h3>
      <FormShell
        form={form}
        failure={failure}
        idPrefix="gesprek"
        labels={{ subject: m.subjectLabel, audience: m.audienceLegend, participantUserIds: m.peopleLegend, body: m.bodyLabel }}
        aria-label={m.startTitle}
        onSubmit={onSubmit}
      >
        <TextField idPrefix="gesprek" label={m.subjectLabel} maxLength={SUBJECT_MAX} error={form.formState.errors.subject?.message} {...form.register('subject')} />
        <RadioGroup
          idPrefix="gesprek"
          name="audience"
          legend={m.audienceLegend}
          error={form.formState.errors.audience?.message}
          options={THREAD_AUDIENCES.map((a) => ({ value: a, label: m.audience[a], description: m.audienceHelp[a] }))}
          inputProps={form.register('audience')}
        />
        {audience === 'private' &&
          (choices.length === 0 ? (
            <Paragraph>{people.isPending ? t.common.loading : m.noPeople}</Paragraph>
          ) : (
            <CheckboxGroup
              idPrefix="gesprek"
              name="participantUserIds"
              legend={m.peopleLegend}
              error={form.formState.errors.participantUserIds?.message}
              options={choices.map((p) => ({ value: p.userId, label: p.name }))}
              inputProps={form.register('participantUserIds')}
            />
          ))}
        <TextAreaField idPrefix="gesprek" label={m.bodyLabel} description={m.bodyHelp} maxLength={MESSAGE_MAX} error={form.formState.errors.body?.message} {...form.register('body')} />
        <ButtonRow>
          <SubmitButton busy={start.isPending}>{m.start}</SubmitButton>
        </ButtonRow>
      </FormShell>
    </>
  );
}
