import { useState } from 'react';
import { Link } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ROUTES } from '../../common/paths.ts';
import { DisplayName, Locale, Password } from '../../common/schemas.ts';
import { ApiError } from '../api.ts';
import { ME_KEY, accountApi, accountKeys, useMe } from '../auth.ts';
import { useI18n } from '../i18n/index.tsx';
import type { Me } from '../types.ts';
import { describeUserAgent } from '../format.ts';
import { newPasswordSchema } from '../forms.ts';
import { FormShell, RadioGroup, SubmitButton, TextField, useFormFailure, useSubmit, zodErrorMap } from '../components/form/index.ts';
import { Alert, LoadError, Loading, StatusBadge, nextKey } from '../components/Feedback.tsx';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { PageHeading, Section, useHashTarget } from '../components/PageHeading.tsx';
import { RecoveryCodes } from '../components/RecoveryCodes.tsx';
import { TotpCodeForm } from '../components/TotpCodeForm.tsx';
import { ButtonRow, LinkList, Paragraph } from '../components/ui.tsx';
import { DigestSetting } from '../components/notifications/DigestSetting.tsx';

function ProfileForm({ me }: { me: Me }) {
  const { t, setLocale } = useI18n();
  const queryClient = useQueryClient();
  const schema = z.object({ displayName: DisplayName, locale: Locale });
  type Values = z.input<typeof schema>;
  type Output = z.output<typeof schema>;
  const form = useForm<Values, unknown, Output>({ shouldFocusError: false, resolver: zodResolver(schema, { error: zodErrorMap(t) }), defaultValues: { displayName: me.displayName, locale: me.locale } });
  const failure = useFormFailure(form.setError, ['displayName', 'locale']);
  const [saved, setSaved] = useState(0);
  const save = useMutation({ mutationFn: accountApi.update });
  const onSubmit = useSubmit(form, failure, (values) => save.mutateAsync(values), (fresh) => {
    queryClient.setQueryData(ME_KEY, fresh);
    setLocale(fresh.locale);
    setSaved(nextKey());
  });
  return (
    <Section id="gegevens" title={t.account.profileTitle}>
      <Paragraph>
        {t.fields.email}: <strong>{me.email}</strong>
      </Paragraph>
      {saved > 0 && <Alert kind="ok" title={t.account.profileSaved} focus={saved} />}
      <FormShell form={form} failure={failure} idPrefix="profile" labels={{ displayName: t.fields.displayName, locale: t.account.language }} aria-labelledby="gegevens" onSubmit={onSubmit}>
        <TextField idPrefix="profile" label={t.fields.displayName} autoComplete="name" error={form.formState.errors.displayName?.message} {...form.register('displayName')} />
        <RadioGroup
          idPrefix="profile"
          name="locale"
          legend={t.account.language}
          error={form.formState.errors.locale?.message}
          options={[
            { value: 'nl', label: <span lang="nl">Nederlands</span> },
            { value: 'en', label: <span lang="en">English</span> },
          ]}
          inputProps={form.register('locale')}
        />
        <ButtonRow>
          <SubmitButton busy={save.isPending}>{t.common.save}</SubmitButton>
        </ButtonRow>
      </FormShell>
    </Section>
  );
}

function PasswordForm() {
  const { t } = useI18n();
  const schema = z
    .object({ currentPassword: Password, newPassword: newPasswordSchema(t), repeat: z.string() })
    .refine((v) => v.newPassword === v.repeat, { message: t.validation.repeatDifferent, path: ['repeat'] });
  type Values = z.input<typeof schema>;
  const form = useForm<Values>({ shouldFocusError: false, resolver: zodResolver(schema, { error: zodErrorMap(t) }), defaultValues: { currentPassword: '', newPassword: '', repeat: '' } });
  const failure = useFormFailure(form.setError, ['currentPassword', 'newPassword', 'repeat']);
  const [saved, setSaved] = useState(0);
  const queryClient = useQueryClient();
  const change = useMutation({ mutationFn: accountApi.changePassword });
  const onSubmit = useSubmit(
    form,
    failure,
    (values) => change.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.newPassword }),
    () => {
      form.reset();
      setSaved(nextKey());
      void queryClient.invalidateQueries({ queryKey: accountKeys.sessions });
    },
    (error) => {
      if (error instanceof ApiError && error.code === 'invalid_credentials') form.setError('currentPassword', { type: 'server', message: error.detail });
      if (error instanceof ApiError && error.code.startsWith('password_')) form.setError('newPassword', { type: 'server', message: error.detail });
      return error;
    },
  );
  return (
    <Section id="wachtwoord" title={t.account.passwordTitle}>
      {saved > 0 && <Alert kind="ok" title={t.account.passwordSaved} focus={saved} />}
      <FormShell
        form={form}
        failure={failure}
        idPrefix="password"
        labels={{ currentPassword: t.fields.currentPassword, newPassword: t.fields.newPassword, repeat: t.fields.repeatPassword }}
        aria-labelledby="wachtwoord"
        onSubmit={onSubmit}
      >
        <TextField idPrefix="password" label={t.fields.currentPassword} type="password" autoComplete="current-password" error={form.formState.errors.currentPassword?.message} {...form.register('currentPassword')} />
        <TextField
          idPrefix="password"
          label={t.fields.newPassword}
          description={t.password.hint}
          type="password"
          autoComplete="new-password"
          error={form.formState.errors.newPassword?.message}
          {...form.register('newPassword')}
        />
        <TextField idPrefix="password" label={t.fields.repeatPassword} type="password" autoComplete="new-password" error={form.formState.errors.repeat?.message} {...form.register('repeat')} />
        <p className="utrecht-paragraph mk-muted">{t.account.passwordOtherSessions}</p>
        <ButtonRow>
          <SubmitButton busy={change.isPending}>{t.account.passwordSubmit}</SubmitButton>
        </ButtonRow>
      </FormShell>
    </Section>
  );
}

function Sessions() {
  const { t, formatDateTime, errorText } = useI18n();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: accountKeys.sessions, queryFn: accountApi.sessions });
  const [ended, setEnded] = useState(0);
  const end = useMutation({
    mutationFn: accountApi.endSession,
    onSuccess: () => {
      setEnded(nextKey());
      return queryClient.invalidateQueries({ queryKey: accountKeys.sessions });
    },
  });
  return (
    <Section id="sessies" title={t.account.sessionsTitle}>
      <Paragraph>{t.account.sessionsIntro}</Paragraph>
      {ended > 0 && <Alert kind="ok" title={t.account.sessionEnded} focus={ended} />}
      {end.isError && <Alert kind="error" title={errorText(end.error)} focus={end.error} />}
      {sessions.isPending ? (
        <Loading />
      ) : sessions.isError ? (
        <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <DataTable
          caption={t.account.sessionsTitle}
          rows={sessions.data.items}
          rowKey={(s) => s.id}
          columns={[
            {
              key: 'device',
              header: t.account.device,
              cell: (s) => (
                <>
                  {describeUserAgent(s.userAgent, t.account.on, t.common.unknown)}
                  {s.current && (
                    <>
                      {' '}
                      <StatusBadge tone="success">{t.account.thisDevice}</StatusBadge>
                    </>
                  )}
                </>
              ),
            },
            { key: 'ip', header: t.account.ip, cell: (s) => s.ip ?? t.common.unknown },
            { key: 'created', header: t.account.loggedInAt, cell: (s) => formatDateTime(s.createdAt) },
            { key: 'seen', header: t.account.lastSeen, cell: (s) => formatDateTime(s.lastSeenAt) },
            {
              key: 'action',
              header: t.common.action,
              cell: (s) =>
                s.current ? (
                  <span className="mk-muted">{t.account.currentSessionHint}</span>
                ) : (
                  <ConfirmButton
                    question={t.account.endQuestion}
                    explanation={t.account.endExplanation(describeUserAgent(s.userAgent, t.account.on, t.common.unknown), formatDateTime(s.lastSeenAt))}
                    confirmLabel={t.account.endConfirm}
                    busy={end.isPending && end.variables === s.id}
                    onConfirm={() => end.mutate(s.id)}
                  >
                    {t.account.endSession}
                  </ConfirmButton>
                ),
            },
          ]}
        />
      )}
    </Section>
  );
}

function TwoFactor({ me }: { me: Me }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [disabled, setDisabled] = useState(0);
  const regenerate = useMutation({ mutationFn: accountApi.recoveryCodes });
  const disable = useMutation({ mutationFn: accountApi.totpDisable });
  const { mfa } = me;

  return (
    <Section id="twee-stappen" title={t.account.twoFactorTitle}>
      <p className="utrecht-paragraph">{t.account.twoFactorExplain}</p>
      {disabled > 0 && <Alert kind="ok" title={t.account.twoFactorDisabled} focus={disabled} />}
      <p className="utrecht-paragraph">
        {mfa.enabled ? <StatusBadge tone="success">{t.common.on}</StatusBadge> : <StatusBadge tone="neutral">{t.common.off}</StatusBadge>}{' '}
        {mfa.enabled ? t.account.twoFactorOn(mfa.recoveryCodesLeft) : mfa.required ? t.home.twoFactorRequired : t.home.twoFactorAdvice}
      </p>
      {mfa.required && mfa.enabled && <p className="utrecht-paragraph">{t.account.twoFactorRequiredNote}</p>}
      {!mfa.enabled && (
        <p className="utrecht-paragraph">
          <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" to={ROUTES.twoFactor}>
            {t.account.twoFactorSetUp}
          </Link>
        </p>
      )}
      {mfa.enabled &&
        (codes ? (
          <RecoveryCodes
            codes={codes}
            doneLabel={t.common.done}
            onDone={() => {
              setCodes(null);
              void queryClient.invalidateQueries({ queryKey: ME_KEY });
            }}
          />
        ) : (
          <>
            <h3 className="utrecht-heading-3">{t.account.newCodesTitle}</h3>
            <p className="utrecht-paragraph">{t.account.newCodesText}</p>
            <TotpCodeForm
              idPrefix="recovery"
              description={t.twoFactor.codeHelp}
              variant="secondary"
              aria-label={t.account.newCodesSubmit}
              submitLabel={t.account.newCodesSubmit}
              busy={regenerate.isPending}
              onCode={async (code) => {
                const result = await regenerate.mutateAsync(code);
                setCodes(result.recoveryCodes);
              }}
            />
            {!mfa.required && (
              <>
                <h3 className="utrecht-heading-3">{t.account.disableTitle}</h3>
                <p className="utrecht-paragraph">{t.account.disableText}</p>
                <TotpCodeForm
                  idPrefix="disable"
                  description={t.twoFactor.codeHelp}
                  aria-label={t.account.disableSubmit}
                  submitLabel={t.account.disableSubmit}
                  busy={disable.isPending}
                  confirm={{ question: t.account.disableQuestion, explanation: t.account.disableExplanation }}
                  onCode={async (code) => {
                    await disable.mutateAsync(code);
                    await queryClient.invalidateQueries({ queryKey: ME_KEY });
                    setDisabled(nextKey());
                  }}
                />
              </>
            )}
          </>
        ))}
    </Section>
  );
}

export default function AccountPage() {
  const { t } = useI18n();
  const me = useMe().data as Me;
  useHashTarget(true);
  return (
    <>
      <PageHeading title={t.account.title} lead={t.account.lead} />
      <nav aria-label={t.account.onThisPage} className="mk-toc">
        <LinkList
          inline
          links={[
            { to: '#gegevens', label: t.account.profileTitle },
            { to: '#wachtwoord', label: t.account.passwordTitle },
            { to: '#sessies', label: t.account.sessionsTitle },
            { to: '#twee-stappen', label: t.account.twoFactorTitle },
            { to: '#meldingen', label: t.notifications.digestTitle },
          ]}
        />
      </nav>
      <ProfileForm me={me} />
      <PasswordForm />
      <Sessions />
      <TwoFactor me={me} />
      <DigestSetting />
    </>
  );
}
