import { useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ROUTES } from '../../common/paths.ts';
import { LoginInput } from '../../common/schemas.ts';
import { ApiError } from '../api.ts';
import { ME_KEY, authApi, forgetSession, safeReturnPath, useMe } from '../auth.ts';
import { useI18n } from '../i18n/index.tsx';
import { FormShell, SubmitButton, TextField, useFormFailure, zodErrorMap } from '../components/form/index.ts';
import { Alert } from '../components/Feedback.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ButtonRow, LinkList, Paragraph } from '../components/ui.tsx';

type Values = z.input<typeof LoginInput>;
type Output = z.output<typeof LoginInput>;
const FIELDS = ['email', 'password', 'totp'] as const;

export default function LoginPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const returnTo = safeReturnPath(params.get('terug'));
  const reason = (location.state as { reason?: string } | null)?.reason;
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [loggedIn, setLoggedIn] = useState(false);

  const form = useForm<Values, unknown, Output>({
    shouldFocusError: false,
    resolver: zodResolver(LoginInput, { error: zodErrorMap(t) }),
    defaultValues: { email: '', password: '', totp: '' },
  });
  const { register, handleSubmit, formState, setFocus, setError, getValues } = form;
  const failure = useFormFailure(setError, FIELDS);

  const login = useMutation({ mutationFn: authApi.login });
  const resend = useMutation({ mutationFn: authApi.resendVerification });

  useEffect(() => {
    if (step === 'code') setFocus('totp');
  }, [step, setFocus]);

  useEffect(() => {
    if (reason === 'loggedOut' || reason === 'expired') forgetSession(queryClient);
  }, [reason, queryClient]);

  // Already logged in: go on (but not when we came here because the session ended).
  const sessionEnded = reason === 'loggedOut' || reason === 'expired';
  if (me.data && !loggedIn && !sessionEnded) return <Navigate to={returnTo ?? ROUTES.home} replace />;

  const onSubmit = async (values: Output) => {
    const body: Output = { email: values.email, password: values.password };
    if (step === 'code') {
      const code = values.totp?.trim() ?? '';
      if (!code) {
        setError('totp', { type: 'required', message: t.login.codeRequired });
        failure.invalid();
        return;
      }
      body.totp = code;
    }
    try {
      const result = await login.mutateAsync(body);
      failure.clear();
      setLoggedIn(true);
      queryClient.setQueryData(ME_KEY, result);
      navigate(result.mfa.required && !result.mfa.enabled ? ROUTES.twoFactor : (returnTo ?? ROUTES.home), { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'totp_required') {
        failure.clear();
        setStep('code');
        return;
      }
      if (error instanceof ApiError && error.code === 'totp_invalid') setError('totp', { type: 'server', message: error.detail });
      failure.server(error);
    }
  };

  const notVerified = failure.failure?.error instanceof ApiError && failure.failure.error.code === 'email_not_verified';
  const labels = { email: t.fields.email, password: t.fields.password, totp: t.login.codeLabel };

  return (
    <div className="mk-narrow">
      <PageHeading title={t.login.title} />
      {reason === 'loggedOut' && <Alert kind="ok" title={t.login.loggedOut} />}
      {reason === 'expired' && <Alert kind="info" title={t.login.expired} />}
      {returnTo?.startsWith(ROUTES.invitation) && <Alert kind="info" title={t.login.forInvitation} />}
      <FormShell
        form={form}
        failure={failure}
        idPrefix="login"
        labels={labels}
        notice={
          notVerified && (
            <div className="mk-block">
              {resend.isSuccess ? (
                <Alert kind="ok" title={t.login.resent} live />
              ) : (
                <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => resend.mutate({ email: getValues('email') })}>
                  {t.login.resend}
                </button>
              )}
            </div>
          )
        }
        onSubmit={handleSubmit(onSubmit, () => failure.invalid())}
        aria-labelledby="pagina-titel"
      >
        {step === 'password' ? (
          <>
            <Paragraph>{t.login.intro}</Paragraph>
            <TextField idPrefix="login" label={t.fields.email} type="email" autoComplete="username" inputMode="email" spellCheck={false} error={formState.errors.email?.message} {...register('email')} />
            <TextField idPrefix="login" label={t.fields.password} type="password" autoComplete="current-password" error={formState.errors.password?.message} {...register('password')} />
          </>
        ) : (
          <>
            <p className="utrecht-paragraph" role="status">
              {t.login.codeStep(getValues('email'))}
            </p>
            <TextField
              idPrefix="login"
              label={t.login.codeLabel}
              description={t.login.codeHelp}
              autoComplete="one-time-code"
              spellCheck={false}
              inputClassName="mk-textbox--code"
              error={formState.errors.totp?.message}
              {...register('totp')}
            />
          </>
        )}
        <ButtonRow>
          <SubmitButton busy={login.isPending}>{t.login.submit}</SubmitButton>
          {step === 'code' && (
            <button
              type="button"
              className="utrecht-button utrecht-button--subtle"
              onClick={() => {
                failure.clear();
                setStep('password');
              }}
            >
              {t.login.otherAccount}
            </button>
          )}
        </ButtonRow>
      </FormShell>
      <LinkList
        links={[
          { to: ROUTES.forgotPassword, label: t.login.forgot },
          { to: ROUTES.register, label: t.login.register },
        ]}
      />
    </div>
  );
}
