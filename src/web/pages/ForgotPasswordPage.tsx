import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { ROUTES } from '../../common/paths.ts';
import { EmailInput } from '../../common/schemas.ts';
import { authApi } from '../auth.ts';
import { useI18n } from '../i18n/index.tsx';
import { FormShell, SubmitButton, TextField, useFormFailure, useSubmit, zodErrorMap } from '../components/form/index.ts';
import { Alert } from '../components/Feedback.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ButtonRow, LinkParagraph, Paragraph } from '../components/ui.tsx';

type Values = z.input<typeof EmailInput>;
type Output = z.output<typeof EmailInput>;

export default function ForgotPasswordPage() {
  const { t } = useI18n();
  const [sent, setSent] = useState<string | null>(null);
  const form = useForm<Values, unknown, Output>({ shouldFocusError: false, resolver: zodResolver(EmailInput, { error: zodErrorMap(t) }), defaultValues: { email: '' } });
  const failure = useFormFailure(form.setError, ['email']);
  const forgot = useMutation({ mutationFn: authApi.forgotPassword });
  const onSubmit = useSubmit(form, failure, (values) => forgot.mutateAsync(values), (_answer, values) => setSent(values.email));
  const toLogin = (
    <LinkParagraph to={ROUTES.login}>{t.forgot.toLogin}</LinkParagraph>
  );

  return (
    <div className="mk-narrow">
      <PageHeading title={t.forgot.title} />
      {sent ? (
        <>
          <Alert kind="ok" title={t.forgot.sentTitle} focus={sent}>
            <Paragraph>{t.forgot.sentText(sent)}</Paragraph>
          </Alert>
          {toLogin}
        </>
      ) : (
        <>
          <Paragraph>{t.forgot.intro}</Paragraph>
          <FormShell form={form} failure={failure} idPrefix="forgot" labels={{ email: t.fields.email }} aria-labelledby="pagina-titel" onSubmit={onSubmit}>
            <TextField idPrefix="forgot" label={t.fields.email} type="email" inputMode="email" autoComplete="email" spellCheck={false} error={form.formState.errors.email?.message} {...form.register('email')} />
            <ButtonRow>
              <SubmitButton busy={forgot.isPending}>{t.forgot.submit}</SubmitButton>
            </ButtonRow>
          </FormShell>
          {toLogin}
        </>
      )}
    </div>
  );
}
