import { useState } from 'react';
import { Link } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { EmailInput } from '../../common/schemas.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { ErrorSummary, SubmitButton, TextField, useFormFailure, zodErrorMap } from '../components/Form.tsx';
import { Alert } from '../components/Feedback.tsx';
import { PageHeading } from '../components/PageHeading.tsx';

type Values = z.input<typeof EmailInput>;
type Output = z.output<typeof EmailInput>;

export default function ForgotPasswordPage() {
  const { t } = useI18n();
  const [sent, setSent] = useState<string | null>(null);
  const form = useForm<Values, unknown, Output>({ shouldFocusError: false, resolver: zodResolver(EmailInput, { error: zodErrorMap(t) }), defaultValues: { email: '' } });
  const failure = useFormFailure(form.setError, ['email']);
  const forgot = useMutation({ mutationFn: (body: Output) => api.post('/api/auth/password/forgot', body) });

  return (
    <div className="mk-narrow">
      <PageHeading title={t.forgot.title} />
      {sent ? (
        <>
          <Alert kind="ok" title={t.forgot.sentTitle} focus={sent}>
            <p className="utrecht-paragraph">{t.forgot.sentText(sent)}</p>
          </Alert>
          <p className="utrecht-paragraph">
            <Link className="utrecht-link utrecht-link--html-a" to="/inloggen">
              {t.forgot.toLogin}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="utrecht-paragraph">{t.forgot.intro}</p>
          <ErrorSummary failure={failure.failure} errors={form.formState.errors} idPrefix="forgot" labels={{ email: t.fields.email }} />
          <form
            className="utrecht-form mk-form"
            noValidate
            aria-labelledby="pagina-titel"
            onSubmit={form.handleSubmit(async (values) => {
              try {
                await forgot.mutateAsync(values);
                failure.clear();
                setSent(values.email);
              } catch (error) {
                failure.server(error);
              }
            }, failure.invalid)}
          >
            <TextField idPrefix="forgot" label={t.fields.email} type="email" inputMode="email" autoComplete="email" spellCheck={false} error={form.formState.errors.email?.message} {...form.register('email')} />
            <div className="utrecht-button-group mk-actions">
              <SubmitButton busy={forgot.isPending}>{t.forgot.submit}</SubmitButton>
            </div>
          </form>
          <p className="utrecht-paragraph">
            <Link className="utrecht-link utrecht-link--html-a" to="/inloggen">
              {t.forgot.toLogin}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
