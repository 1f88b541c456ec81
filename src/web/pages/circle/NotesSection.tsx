import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { Circle } from '../../../common/circle-schemas.ts';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Alert, Empty, LoadError, Loading, nextKey } from '../../components/Feedback.tsx';
import { ErrorSummary, SubmitButton, TextAreaField, useFormFailure, zodErrorMap } from '../../components/Form.tsx';
import type { Note } from '../../components/circle/data.ts';

/** Notes in the circle (full level): the newest first, and a form to add one. */
export function NotesSection({ circle }: { circle: Circle }) {
  const { t, formatDateTime } = useI18n();
  const c = t.circle.notes;
  const queryClient = useQueryClient();
  const key = ['circle', circle.client.id, 'notes'];
  const notes = useQuery({ queryKey: key, queryFn: () => api.get<{ items: Note[] }>(`/api/circles/${circle.client.id}/notes`) });
  const schema = z.object({ body: z.string().trim().min(1, { message: c.required }).max(5000) });
  type Values = z.input<typeof schema>;
  const form = useForm<Values>({ shouldFocusError: false, resolver: zodResolver(schema, { error: zodErrorMap(t) }), defaultValues: { body: '' } });
  const failure = useFormFailure(form.setError, ['body']);
  const add = useMutation({ mutationFn: (body: string) => api.post<{ id: string }>(`/api/circles/${circle.client.id}/notes`, { body }) });
  const [saved, setSaved] = useState(0);
  const items = notes.data ? [...notes.data.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) : [];
  return (
    <>
      <p className="utrecht-paragraph">{c.intro}</p>
      {saved > 0 && <Alert kind="ok" title={c.saved} live />}
      <ErrorSummary failure={failure.failure} errors={form.formState.errors} idPrefix="notitie" labels={{ body: c.label }} />
      <form
        className="utrecht-form mk-form"
        noValidate
        aria-label={c.formLabel}
        onSubmit={form.handleSubmit(async (values) => {
          try {
            await add.mutateAsync(values.body);
            form.reset({ body: '' });
            failure.clear();
            await queryClient.invalidateQueries({ queryKey: key });
            setSaved(nextKey());
          } catch (error) {
            failure.server(error);
          }
        }, failure.invalid)}
      >
        <TextAreaField idPrefix="notitie" label={c.label} description={c.help} maxLength={5000} error={form.formState.errors.body?.message} {...form.register('body')} />
        <div className="utrecht-button-group mk-actions">
          <SubmitButton busy={add.isPending}>{c.submit}</SubmitButton>
        </div>
      </form>
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
