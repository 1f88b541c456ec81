import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { MESSAGE_MAX } from '../../../common/threads-schemas.ts';
import { ApiError } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Alert, LoadError, Loading, nextKey } from '../../components/Feedback.tsx';
import { FormShell, SubmitButton, TextAreaField, useFormFailure, useSubmit, zodErrorMap } from '../../components/form/index.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { notificationKeys } from '../../components/notifications/api.ts';
import { threadApi, threadKeys, threadPaths } from '../../components/threads/api.ts';
import { ThreadMessages } from '../../components/threads/ThreadMessages.tsx';
import { ButtonRow, LinkParagraph, Paragraph } from '../../components/ui.tsx';

/** The page at ROUTES.thread (issue 16): the messages in order and a reply form. Opening it marks the thread read. */
export default function ThreadPage() {
  const { t } = useI18n();
  const m = t.threads;
  const { clientId = '', threadId = '' } = useParams();
  const queryClient = useQueryClient();
  const thread = useQuery({ queryKey: threadKeys.thread(clientId, threadId), queryFn: () => threadApi.thread(clientId, threadId), retry: false });
  const opened = thread.dataUpdatedAt;
  // The server marked the thread (and its notifications) read: the section badge and the menu count follow.
  useEffect(() => {
    if (!opened) return;
    void queryClient.invalidateQueries({ queryKey: threadKeys.list(clientId), exact: true });
    void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  }, [opened, clientId, queryClient]);
  const schema = z.object({ body: z.string().trim().min(1, { message: m.bodyRequired }).max(MESSAGE_MAX, { message: m.bodyTooLong }) });
  type Values = z.input<typeof schema>;
  const form = useForm<Values>({ shouldFocusError: false, resolver: zodResolver(schema, { error: zodErrorMap(t) }), defaultValues: { body: '' } });
  const failure = useFormFailure(form.setError, ['body']);
  const post = useMutation({ mutationFn: (body: string) => threadApi.post(clientId, threadId, body) });
  const [sent, setSent] = useState(0);
  const onSubmit = useSubmit(
    form,
    failure,
    (v) => post.mutateAsync(v.body),
    async () => {
      form.reset({ body: '' });
      await queryClient.invalidateQueries({ queryKey: threadKeys.thread(clientId, threadId) });
      setSent(nextKey());
    },
  );
  const missing = thread.error instanceof ApiError && thread.error.status === 404;
  useEffect(() => {
    if (thread.data) document.title = `${thread.data.subject} – ${m.title} – ${t.meta.productName}`;
  }, [thread.data, m.title, t.meta.productName]);
  return (
    <>
      {thread.isPending ? (
        <>
          <PageHeading title={m.threadTitle} />
          <Loading />
        </>
      ) : thread.isError ? (
        <>
          <PageHeading title={missing ? m.notFoundTitle : m.threadTitle} />
          {missing ? <Paragraph>{m.notFoundText}</Paragraph> : <LoadError error={thread.error} onRetry={() => void thread.refetch()} />}
        </>
      ) : (
        <>
          <PageHeading title={thread.data.subject} lead={thread.data.audience === 'private' ? m.with(thread.data.participants.map((p) => p.name).join(', ')) : m.audience.circle} />
          <h2 className="utrecht-heading-2">{m.messagesTitle}</h2>
          <ThreadMessages messages={thread.data.messages} />
          {sent > 0 && <Alert kind="ok" title={m.sent} live />}
          <FormShell form={form} failure={failure} idPrefix="antwoord" labels={{ body: m.replyLabel }} aria-label={m.replyLabel} onSubmit={onSubmit}>
            <TextAreaField idPrefix="antwoord" label={m.replyLabel} description={m.bodyHelp} maxLength={MESSAGE_MAX} error={form.formState.errors.body?.message} {...form.register('body')} />
            <ButtonRow>
              <SubmitButton busy={post.isPending}>{m.send}</SubmitButton>
            </ButtonRow>
          </FormShell>
        </>
      )}
      <LinkParagraph to={threadPaths.section(clientId)}>{m.back}</LinkParagraph>
    </>
  );
}
