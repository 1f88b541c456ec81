import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { EmailInput } from '../../common/schemas.ts';
import { api } from '../api.ts';
import { useMe } from '../auth.ts';
import { useI18n } from '../i18n/index.tsx';
import { ErrorSummary, SubmitButton, TextField, useFormFailure, zodErrorMap } from '../components/Form.tsx';
import { Alert, Loading, nextKey } from '../components/Feedback.tsx';
import { PageHeading } from '../components/PageHeading.tsx';

type Values = z.input<typeof EmailInput>;
type Output = z.output<typeof EmailInput>;

/** A form to get a new verification link (the old one did not work). */
function ResendForm() {
  const { t } = useI18n();
  const form = useForm<Values, unknown, Output>({ shouldFocusError: false, resolver: zodResolver(EmailInput, { error: zodErrorMap(t) }), defaultValues: { email: '' } });
  const failure = useFormFailure(form.setError, ['email']);
  const resend = useMutation({ mutationFn: (body: Output) => api.post('/api/auth/resend-verification', body) });
  const [done, setDone] = useState(0);
  if (done) return <Alert kind="ok" title={t.verify.resent} focus={done} />;
  return (
    <section aria-labelledby="verify-resend">
      <h2 className="utrecht-heading-2" id="verify-resend">
        {t.verify.resendTitle}
      </h2>
      <ErrorSummary failure={failure.failure} errors={form.formState.errors} idPrefix="resend" labels={{ email: t.fields.email }} />
      <form
        className="utrecht-form mk-form"
        noValidate
        aria-labelledby="verify-resend"
        onSubmit={form.handleSubmit(async (values) => {
          try {
            await resend.mutateAsync(values);
            setDone(nextKey());
          } catch (error) {
            failure.server(error);
          }
        }, failure.invalid)}
      >
        <TextField idPrefix="resend" label={t.fields.email} type="email" autoComplete="email" error={form.formState.errors.email?.message} {...form.register('email')} />
        <SubmitButton busy={resend.isPending}>{t.verify.resendSubmit}</SubmitButton>
      </form>
    </section>
  );
}

export default function VerifyEmailPage() {
  const { t, errorText } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const me = useMe();
  const verify = useMutation({ mutationFn: () => api.post('/api/auth/verify-email', { token }) });
  const started = useRef(false);
  const { mutate } = verify;
  useEffect(() => {
    // The token works once: send it once, also under React's double effects in development.
    if (started.current || token.length < 10) return;
    started.current = true;
    mutate();
  }, [token, mutate]);

  return (
    <div className="mk-narrow">
      <PageHeading title={t.verify.title} />
      {token.length < 10 ? (
        <>
          <Alert kind="error" title={t.verify.noToken} />
          <ResendForm />
        </>
      ) : verify.isSuccess ? (
        <>
          <Alert kind="ok" title={t.verify.done} focus={verify.isSuccess} />
          <p className="utrecht-paragraph">
            {me.data ? (
              <Link className="utrecht-link utrecht-link--html-a" to="/">
                {t.common.toHome}
              </Link>
            ) : (
              <Link className="utrecht-link utrecht-link--html-a" to="/inloggen">
                {t.verify.toLogin}
              </Link>
            )}
          </p>
        </>
      ) : verify.isError ? (
        <>
          <Alert kind="error" title={t.verify.failed} focus={verify.isError}>
            <p className="utrecht-paragraph">{errorText(verify.error)}</p>
          </Alert>
          <ResendForm />
        </>
      ) : (
        <Loading label={t.verify.busy} />
      )}
    </div>
  );
}
