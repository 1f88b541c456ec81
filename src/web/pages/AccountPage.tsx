import { useState } from 'react';
import { Link } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { DisplayName, Locale, Password, TotpCodeInput } from '../../common/schemas.ts';
import { ApiError, api } from '../api.ts';
import { ME_KEY, useMe } from '../auth.ts';
import { useI18n } from '../i18n/index.tsx';
import type { Me, Session } from '../types.ts';
import { describeUserAgent } from '../format.ts';
import { newPasswordSchema } from '../forms.ts';
import { ErrorSummary, RadioGroup, SubmitButton, TextField, useFormFailure, zodErrorMap } from '../components/Form.tsx';
import { Alert, LoadError, Loading, StatusBadge, nextKey } from '../components/Feedback.tsx';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { PageHeading, Section, useHashTarget } from '../components/PageHeading.tsx';
import { RecoveryCodes } from '../components/RecoveryCodes.tsx';

function ProfileForm({ me }: { me: Me }) {
  const { t, setLocale } = useI18n();
  const queryClient = useQueryClient();
  const schema = z.object({ displayName: DisplayName, locale: Locale });
  type Values = z.input<typeof schema>;
  type Output = z.output<typeof schema>;
  const form = useForm<Values, unknown, Output>({ shouldFocusError: false, resolver: zodResolver(schema, { error: zodErrorMap(t) }), defaultValues: { displayName: me.displayName, locale: me.locale } });
  const failure = useFormFailure(form.setError, ['displayName', 'locale']);
  const [saved, setSaved] = useState(0);
  const save = useMutation({ mutationFn: (body: Output) => api.patch<Me>('/api/me', body) });
  return (
    <Section id="gegevens" title={t.account.profileTitle}>
      <p className="utrecht-paragraph">
        {t.fields.email}: <strong>{me.email}</strong>
      </p>
      {saved > 0 && <Alert kind="ok" title={t.account.profileSaved} focus={saved} />}
      <ErrorSummary failure={failure.failure} errors={form.formState.errors} idPrefix="profile" labels={{ displayName: t.fields.displayName, locale: t.account.language }} />
      <form
        className="utrecht-form mk-form"
        noValidate
        aria-labelledby="gegevens"
        onSubmit={form.handleSubmit(async (values) => {
          try {
            const fresh = await save.mutateAsync(values);
            queryClient.setQueryData(ME_KEY, fresh);
            failure.clear();
            setLocale(fresh.locale);
            setSaved(nextKey());
          } catch (error) {
            failure.server(error);
          }
        }, failure.invalid)}
      >
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
        <div className="utrecht-button-group mk-actions">
          <SubmitButton busy={save.isPending}>{t.common.save}</SubmitButton>
        </div>
      </form>
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
  const change = useMutation({ mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post('/api/me/password', body) });
  return (
    <Section id="wachtwoord" title={t.account.passwordTitle}>
      {saved > 0 && <Alert kind="ok" title={t.account.passwordSaved} focus={saved} />}
      <ErrorSummary
        failure={failure.failure}
        errors={form.formState.errors}
        idPrefix="password"
        labels={{ currentPassword: t.fields.currentPassword, newPassword: t.fields.newPassword, repeat: t.fields.repeatPassword }}
      />
      <form
        className="utrecht-form mk-form"
        noValidate
        aria-labelledby="wachtwoord"
        onSubmit={form.handleSubmit(async (values) => {
          try {
            await change.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.newPassword });
            failure.clear();
            form.reset();
            setSaved(nextKey());
            void queryClient.invalidateQueries({ queryKey: ['sessions'] });
          } catch (error) {
            if (error instanceof ApiError && error.code === 'invalid_credentials') form.setError('currentPassword', { type: 'server', message: error.detail });
            if (error instanceof ApiError && error.code.startsWith('password_')) form.setError('newPassword', { type: 'server', message: error.detail });
            failure.server(error);
          }
        }, failure.invalid)}
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
        <div className="utrecht-button-group mk-actions">
          <SubmitButton busy={change.isPending}>{t.account.passwordSubmit}</SubmitButton>
        </div>
      </form>
    </Section>
  );
}

function Sessions() {
  const { t, formatDateTime, errorText } = useI18n();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: ['sessions'], queryFn: () => api.get<{ items: Session[] }>('/api/me/sessions') });
  const [ended, setEnded] = useState(0);
  const end = useMutation({
    mutationFn: (id: string) => api.delete(`/api/me/sessions/${id}`),
    onSuccess: () => {
      setEnded(nextKey());
      return queryClient.invalidateQueries({ queryKey: ['sessions'] });
    },
  });
  return (
    <Section id="sessies" title={t.account.sessionsTitle}>
      <p className="utrecht-paragraph">{t.account.sessionsIntro}</p>
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

/** A form asking for a current code from the app (for new recovery codes, or turning 2FA off). */
function CodeForm({ idPrefix, submitLabel, onCode, busy, confirm }: { idPrefix: string; submitLabel: string; onCode: (code: string) => Promise<void>; busy: boolean; confirm?: { question: string; explanation: string } }) {
  const { t } = useI18n();
  type Values = z.input<typeof TotpCodeInput>;
  const form = useForm<Values>({ shouldFocusError: false, resolver: zodResolver(TotpCodeInput, { error: zodErrorMap(t) }), defaultValues: { code: '' } });
  const failure = useFormFailure(form.setError, ['code']);
  const submit = form.handleSubmit(async (values) => {
    try {
      await onCode(values.code.trim());
      failure.clear();
      form.reset();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'totp_invalid') form.setError('code', { type: 'server', message: error.detail });
      failure.server(error);
    }
  }, failure.invalid);
  return (
    <>
      <ErrorSummary failure={failure.failure} errors={form.formState.errors} idPrefix={idPrefix} labels={{ code: t.twoFactor.codeLabel }} />
      <form className="utrecht-form mk-form" noValidate onSubmit={submit} aria-label={submitLabel}>
        <TextField
          idPrefix={idPrefix}
          label={t.twoFactor.codeLabel}
          description={t.twoFactor.codeHelp}
          inputMode="numeric"
          autoComplete="one-time-code"
          inputClassName="mk-textbox--code"
          error={form.formState.errors.code?.message}
          {...form.register('code')}
        />
        <div className="utrecht-button-group mk-actions">
          {confirm ? (
            <ConfirmButton question={confirm.question} explanation={confirm.explanation} confirmLabel={submitLabel} busy={busy} onConfirm={() => void submit()}>
              {submitLabel}
            </ConfirmButton>
          ) : (
            <SubmitButton busy={busy} variant="secondary">
              {submitLabel}
            </SubmitButton>
          )}
        </div>
      </form>
    </>
  );
}

function TwoFactor({ me }: { me: Me }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [disabled, setDisabled] = useState(0);
  const regenerate = useMutation({ mutationFn: (code: string) => api.post<{ recoveryCodes: string[] }>('/api/me/totp/recovery-codes', { code }) });
  const disable = useMutation({ mutationFn: (code: string) => api.post('/api/me/totp/disable', { code }) });
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
          <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" to="/account/twee-stappen">
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
            <CodeForm
              idPrefix="recovery"
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
                <CodeForm
                  idPrefix="disable"
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
        <ul className="utrecht-link-list mk-link-list mk-link-list--inline">
          <li className="utrecht-link-list__item">
            <Link className="utrecht-link utrecht-link--html-a" to="#gegevens">
              {t.account.profileTitle}
            </Link>
          </li>
          <li className="utrecht-link-list__item">
            <Link className="utrecht-link utrecht-link--html-a" to="#wachtwoord">
              {t.account.passwordTitle}
            </Link>
          </li>
          <li className="utrecht-link-list__item">
            <Link className="utrecht-link utrecht-link--html-a" to="#sessies">
              {t.account.sessionsTitle}
            </Link>
          </li>
          <li className="utrecht-link-list__item">
            <Link className="utrecht-link utrecht-link--html-a" to="#twee-stappen">
              {t.account.twoFactorTitle}
            </Link>
          </li>
        </ul>
      </nav>
      <ProfileForm me={me} />
      <PasswordForm />
      <Sessions />
      <TwoFactor me={me} />
    </>
  );
}
