import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, api } from '../api.ts';
import { forgetSession } from '../auth.ts';
import { useI18n } from '../i18n/index.tsx';
import { newPasswordSchema } from '../forms.ts';
import { ErrorSummary, SubmitButton, TextField, useFormFailure, zodErrorMap } from '../components/Form.tsx';
import { Alert } from '../components/Feedback.tsx';
import { PageHeading } from '../components/PageHeading.tsx';

export default function ResetPasswordPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const queryClient = useQueryClient();
  const [done, setDone] = useState(false);
  const schema = z
    .object({ password: newPasswordSchema(t), repeat: z.string() })
    .refine((v) => v.password === v.repeat, { message: t.validation.repeatDifferent, path: ['repeat'] });
  type Values = z.input<typeof schema>;
  const form = useForm<Values>({ shouldFocusError: false, resolver: zodResolver(schema, { error: zodErrorMap(t) }), defaultValues: { password: '', repeat: '' } });
  const failure = useFormFailure(form.setError, ['password', 'repeat']);
  const reset = useMutation({ mutationFn: (password: string) => api.post('/api/auth/password/reset', { token, password }) });
  const tokenInvalid = failure.failure?.error instanceof ApiError && failure.failure.error.code === 'token_invalid';

  return (
    <div className="mk-narrow">
      <PageHeading title={t.reset.title} />
      {token.length < 10 ? (
        <Alert kind="error" title={t.reset.noToken}>
          <p className="utrecht-paragraph">
            <Link className="utrecht-link utrecht-link--html-a" to="/wachtwoord-vergeten">
              {t.reset.newLink}
            </Link>
          </p>
        </Alert>
      ) : done ? (
        <>
          <Alert kind="ok" title={t.reset.done} focus={done} />
          <p className="utrecht-paragraph">
            <Link className="utrecht-link utrecht-link--html-a" to="/inloggen">
              {t.reset.toLogin}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="utrecht-paragraph">{t.reset.intro}</p>
          <ErrorSummary failure={failure.failure} errors={form.formState.errors} idPrefix="reset" labels={{ password: t.fields.newPassword, repeat: t.fields.repeatPassword }} />
          {tokenInvalid && (
            <p className="utrecht-paragraph">
              <Link className="utrecht-link utrecht-link--html-a" to="/wachtwoord-vergeten">
                {t.reset.newLink}
              </Link>
            </p>
          )}
          <form
            className="utrecht-form mk-form"
            noValidate
            aria-labelledby="pagina-titel"
            onSubmit={form.handleSubmit(async (values) => {
              try {
                await reset.mutateAsync(values.password);
                // A new password ends every session, this one too.
                forgetSession(queryClient);
                failure.clear();
                setDone(true);
              } catch (error) {
                if (error instanceof ApiError && error.code.startsWith('password_')) form.setError('password', { type: 'server', message: error.detail });
                failure.server(error);
              }
            }, failure.invalid)}
          >
            <TextField idPrefix="reset" label={t.fields.newPassword} description={t.password.hint} type="password" autoComplete="new-password" error={form.formState.errors.password?.message} {...form.register('password')} />
            <TextField idPrefix="reset" label={t.fields.repeatPassword} type="password" autoComplete="new-password" error={form.formState.errors.repeat?.message} {...form.register('repeat')} />
            <div className="utrecht-button-group mk-actions">
              <SubmitButton busy={reset.isPending}>{t.reset.submit}</SubmitButton>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
