import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { Circle } from '../../../common/circle-schemas.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Alert, Empty, LoadError, Loading, nextKey } from '../../components/Feedback.tsx';
import { FormShell, SubmitButton, TextAreaField, useFormFailure, useSubmit, zodErrorMap } from '../../components/form/index.ts';
import { circleApi, circleKeys } from '../../components/circle/api.ts';
import { ButtonRow, Paragraph } from '../../components/ui.tsx';

/** Notes in the circle (full level): the newest first, and a form to add one. */
export function NotesSection({ circle }: { circle: Circle }) {
  const { t, formatDateTime } = useI18n();
  const c = t.circle.notes;
  const queryClient = useQueryClient();
  const key = circleKeys.notes(circle.client.id);
  const notes = useQuery({ queryKey: key, queryFn: () => circleApi.notes(circle.client.id) });
  const schema = z.object({ body: z.string().trim().min(1, { message: c.required }).max(5000) });
  type Values = z.input<typeof schema>;
  const form = useForm<Values>({ shouldFocusError: false, resolver: zodResolver(schema, { error: zodErrorMap(t) }), defaultValues: { body: '' } });
  const failure = useFormFailure(form.setError, ['body']);
  const add = useMutation({ mutationFn: (body: string) => circleApi.addNote(circle.client.id, body) });
  const [saved, setSaved] = useState(0);
  const onSubmit = useSubmit(
    form,
    failure,
    (values) => add.mutateAsync(values.body),
    async () => {
      form.reset({ body: '' });
      await queryClient.invalidateQueries({ queryKey: key });
      setSaved(nextKey());
    },
  );
  const items = notes.data ? [...notes.data.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) : [];
  return (
    <>
      <Paragraph>{c.intro}</Paragraph>
      {saved > 0 && <Alert kind="ok" title={c.saved} live />}
      <FormShell form={form} failure={failure} idPrefix="notitie" labels={{ body: c.label }} aria-label={c.formLabel} onSubmit={onSubmit}>
        <TextAreaField idPrefix="notitie" label={c.label} description={c.help} maxLength={5000} error={form.formState.errors.body?.message} {...form.register('body')} />
        <ButtonRow>
          <SubmitButton busy={add.isPending}>{c.submit}</SubmitButton>
        </ButtonRow>
      </FormShell>
      <h3 className="utrecht-heading-3">{c.listTitle}</h3>
      {notes.isPending ? (
        <Loading />
      ) : notes.isError ? (
        <LoadError error={notes.error} onRetry={() => void notes.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{c.empty}</Empty>
      ) : (
        <ul className="mk-circle-notes" aria-label={c.listTitle}>
          {items.map((n) => (
            <li key={n.id} className="mk-note">
              <p className="mk-note__meta">
                {n.author ?? t.common.unknown} · {formatDateTime(n.createdAt)}
              </p>
              {n.body}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
