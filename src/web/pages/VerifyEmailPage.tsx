import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { EmailInput } from '../../common/schemas.ts';
import { authApi, useMe } from '../auth.ts';
import { useI18n } from '../i18n/index.tsx';
import { FormShell, SubmitButton, TextField, useFormFailure, useSubmit, zodErrorMap } from '../components/form/index.ts';
import { Alert, Loading, nextKey } from '../components/Feedback.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { Paragraph, TextLink } from '../components/ui.tsx';
import { ROUTES } from '../../common/paths.ts';

type Values = z.input<typeof EmailInput>;
type Output = z.output<typeof EmailInput>;

/** A form to get a new verification link (the old one did not work). */
function ResendForm() {
  const { t } = useI18n();
  const form = useForm<Values, unknown, Output>({ shouldFocusError: false, resolver: zodResolver(EmailInput, { error: zodErrorMap(t) }), defaultValues: { email: '' } });
  const failure = useFormFailure(form.setError, ['email']);
  const resend = useMutation({ mutationFn: authApi.resendVerification });
  const [done, setDone] = useState(0);
  const onSubmit = useSubmit(form, failure, resend.mutateAsync, () => setDone(nextKey()));
  if (done) return <Alert kind="ok" title={t.verify.resent} focus={done} />;
  return (
    <section aria-labelledby="verify-resend">
      <h2 className="utrecht-heading-2" id="verify-resend">
        {t.verify.resendTitle}
      </h2>
      <FormShell form={form} failure={failure} idPrefix="resend" labels={{ email: t.fields.email }} aria-labelledby="verify-resend" onSubmit={onSubmit}>
        <TextField idPrefix="resend" label={t.fields.email} type="email" autoComplete="email" error={form.formState.errors.email?.message} {...form.register('email')} />
        <SubmitButton busy={resend.isPending}>{t.verify.resendSubmit}</SubmitButton>
      </FormShell>
    </section>
  );
}

export default function VerifyEmailPage() {
  const { t, errorText } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const me = useMe();
  const verify = useMutation({ mutationFn: () => authApi.verifyEmail(token) });
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
          <Paragraph>
            {me.data ? (
              <TextLink to={ROUTES.home}>{t.common.toHome}</TextLink>
            ) : (
              <TextLink to={ROUTES.login}>{t.verify.toLogin}</TextLink>
            )}
          </Paragraph>
        </>
      ) : verify.isError ? (
        <>
          <Alert kind="error" title={t.verify.failed} focus={verify.isError}>
            <Paragraph>{errorText(verify.error)}</Paragraph>
          </Alert>
          <ResendForm />
        </>
      ) : (
        <Loading label={t.verify.busy} />
      )}
    </div>
  );
}
