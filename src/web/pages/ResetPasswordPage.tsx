import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ROUTES } from '../../common/paths.ts';
import { ApiError } from '../api.ts';
import { authApi, forgetSession } from '../auth.ts';
import { useI18n } from '../i18n/index.tsx';
import { newPasswordSchema, passwordRefusal } from '../forms.ts';
import { FormShell, SubmitButton, TextField, useFormFailure, useSubmit, zodErrorMap } from '../components/form/index.ts';
import { Alert } from '../components/Feedback.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ButtonRow, LinkParagraph, Paragraph } from '../components/ui.tsx';

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
  const reset = useMutation({ mutationFn: authApi.resetPassword });
  const onSubmit = useSubmit(
    form,
    failure,
    (values) => reset.mutateAsync({ token, password: values.password }),
    () => {
      // A new password ends every session, this one too.
      forgetSession(queryClient);
      setDone(true);
    },
    passwordRefusal((message) => form.setError('password', { type: 'server', message })),
  );
  const tokenInvalid = failure.failure?.error instanceof ApiError && failure.failure.error.code === 'token_invalid';
  const newLink = (
    <LinkParagraph to={ROUTES.forgotPassword}>{t.reset.newLink}</LinkParagraph>
  );

  return (
    <div className="mk-narrow">
      <PageHeading title={t.reset.title} />
      {token.length < 10 ? (
        <Alert kind="error" title={t.reset.noToken}>
          {newLink}
        </Alert>
      ) : done ? (
        <>
          <Alert kind="ok" title={t.reset.done} focus={done} />
          <LinkParagraph to={ROUTES.login}>{t.reset.toLogin}</LinkParagraph>
        </>
      ) : (
        <>
          <Paragraph>{t.reset.intro}</Paragraph>
          <FormShell
            form={form}
            failure={failure}
            idPrefix="reset"
            labels={{ password: t.fields.newPassword, repeat: t.fields.repeatPassword }}
            notice={tokenInvalid && newLink}
            aria-labelledby="pagina-titel"
            onSubmit={onSubmit}
          >
            <TextField idPrefix="reset" label={t.fields.newPassword} description={t.password.hint} type="password" autoComplete="new-password" error={form.formState.errors.password?.message} {...form.register('password')} />
            <TextField idPrefix="reset" label={t.fields.repeatPassword} type="password" autoComplete="new-password" error={form.formState.errors.repeat?.message} {...form.register('repeat')} />
            <ButtonRow>
              <SubmitButton busy={reset.isPending}>{t.reset.submit}</SubmitButton>
            </ButtonRow>
          </FormShell>
        </>
      )}
    </div>
  );
}
