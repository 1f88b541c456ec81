import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { DisplayName } from '../../common/schemas.ts';
import { ApiError, api, query } from '../api.ts';
import { ME_KEY, useMe } from '../auth.ts';
import { useI18n } from '../i18n/index.tsx';
import type { InvitationPreview, Me } from '../types.ts';
import { newPasswordSchema } from '../forms.ts';
import { ErrorSummary, SubmitButton, TextField, useFormFailure, zodErrorMap } from '../components/Form.tsx';
import { Alert, Loading } from '../components/Feedback.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { TWO_FACTOR_PATH } from '../components/Guards.tsx';

interface Accepted {
  organisationId: string;
  createdAccount: boolean;
}

/** New account from the invitation: name and password, then we log in at once. */
function CreateAccountForm({ token, preview }: { token: string; preview: InvitationPreview }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const schema = z.object({ displayName: DisplayName, password: newPasswordSchema(t) });
  type Values = z.input<typeof schema>;
  type Output = z.output<typeof schema>;
  const form = useForm<Values, unknown, Output>({ shouldFocusError: false, resolver: zodResolver(schema, { error: zodErrorMap(t) }), defaultValues: { displayName: '', password: '' } });
  const failure = useFormFailure(form.setError, ['displayName', 'password']);
  const accept = useMutation({
    mutationFn: async (values: Output) => {
      const result = await api.post<Accepted>('/api/invitations/accept', { token, displayName: values.displayName, password: values.password });
      const me = await api.post<Me>('/api/auth/login', { email: preview.email, password: values.password });
      return { result, me };
    },
  });
  return (
    <section aria-labelledby="invitation-create">
      <h2 className="utrecht-heading-2" id="invitation-create">
        {t.invitation.createTitle}
      </h2>
      <p className="utrecht-paragraph">{t.invitation.createIntro(preview.email)}</p>
      <ErrorSummary failure={failure.failure} errors={form.formState.errors} idPrefix="invitation" labels={{ displayName: t.fields.displayName, password: t.fields.password }} />
      <form
        className="utrecht-form mk-form"
        noValidate
        aria-labelledby="invitation-create"
        onSubmit={form.handleSubmit(async (values) => {
          try {
            const { me } = await accept.mutateAsync(values);
            queryClient.setQueryData(ME_KEY, me);
            navigate(me.mfa.required && !me.mfa.enabled ? TWO_FACTOR_PATH : '/', { replace: true });
          } catch (error) {
            if (error instanceof ApiError && error.code.startsWith('password_')) form.setError('password', { type: 'server', message: error.detail });
            failure.server(error);
          }
        }, failure.invalid)}
      >
        <TextField idPrefix="invitation" label={t.fields.email} value={preview.email} readOnly name="email" autoComplete="username" />
        <TextField idPrefix="invitation" label={t.fields.displayName} autoComplete="name" error={form.formState.errors.displayName?.message} {...form.register('displayName')} />
        <TextField idPrefix="invitation" label={t.fields.password} description={t.password.hint} type="password" autoComplete="new-password" error={form.formState.errors.password?.message} {...form.register('password')} />
        <div className="utrecht-button-group mk-actions">
          <SubmitButton busy={accept.isPending}>{t.invitation.createSubmit}</SubmitButton>
        </div>
      </form>
    </section>
  );
}

export default function InvitationPage() {
  const { t, formatDate, errorText } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [acceptError, setAcceptError] = useState<unknown>(null);
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.get<InvitationPreview>(`/api/invitations/preview${query({ token })}`),
    enabled: token.length >= 10,
    retry: false,
  });
  const accept = useMutation({ mutationFn: () => api.post<Accepted>('/api/invitations/accept', { token }) });
  const here = `/uitnodiging${query({ token })}`;

  let body;
  if (token.length < 10) body = <Alert kind="error" title={t.invitation.noToken} />;
  else if (preview.isPending) body = <Loading />;
  else if (preview.isError) {
    body = (
      <Alert kind="error" title={t.invitation.invalid}>
        <p className="utrecht-paragraph">{errorText(preview.error)}</p>
        <p className="utrecht-paragraph">{t.invitation.askNew}</p>
      </Alert>
    );
  } else {
    const p = preview.data;
    body = (
      <>
        <div className="mk-card">
          <p className="utrecht-paragraph utrecht-paragraph--lead">{t.invitation.summary(p.organisationName, t.roles[p.role])}</p>
          <dl className="utrecht-data-list mk-data-list">
            <div className="utrecht-data-list__item">
              <dt className="utrecht-data-list__item-key">{t.fields.organisation}</dt>
              <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{p.organisationName}</dd>
            </div>
            <div className="utrecht-data-list__item">
              <dt className="utrecht-data-list__item-key">{t.fields.role}</dt>
              <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{t.roles[p.role]}</dd>
            </div>
            <div className="utrecht-data-list__item">
              <dt className="utrecht-data-list__item-key">{t.invitation.for}</dt>
              <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{p.email}</dd>
            </div>
            <div className="utrecht-data-list__item">
              <dt className="utrecht-data-list__item-key">{t.invitation.validUntil}</dt>
              <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{formatDate(p.expiresAt)}</dd>
            </div>
          </dl>
          {p.role !== 'volunteer' && <p className="utrecht-paragraph">{t.invitation.twoFactorNote}</p>}
        </div>
        {me.data ? (
          <section aria-labelledby="invitation-accept">
            <h2 className="utrecht-heading-2" id="invitation-accept">
              {t.invitation.acceptTitle}
            </h2>
            <p className="utrecht-paragraph">{t.invitation.loggedInAs(me.data.displayName, me.data.email)}</p>
            {me.data.email.toLowerCase() !== p.email.toLowerCase() && <Alert kind="warning" title={t.invitation.otherAddress(p.email)} />}
            {acceptError !== null && <Alert kind="error" title={errorText(acceptError)} focus={acceptError} />}
            <button
              type="button"
              className="utrecht-button utrecht-button--primary-action"
              aria-disabled={accept.isPending ? true : undefined}
              onClick={async () => {
                if (accept.isPending) return;
                try {
                  const result = await accept.mutateAsync();
                  await queryClient.invalidateQueries({ queryKey: ME_KEY });
                  const fresh = queryClient.getQueryData<Me | null>(ME_KEY);
                  navigate(fresh && fresh.mfa.required && !fresh.mfa.enabled ? TWO_FACTOR_PATH : `/organisaties/${result.organisationId}`, { replace: true, state: { joined: true } });
                } catch (error) {
                  setAcceptError(error);
                }
              }}
            >
              {accept.isPending ? t.common.busy : t.invitation.acceptSubmit}
            </button>
          </section>
        ) : p.accountExists ? (
          <section aria-labelledby="invitation-login">
            <h2 className="utrecht-heading-2" id="invitation-login">
              {t.invitation.loginTitle}
            </h2>
            <p className="utrecht-paragraph">{t.invitation.loginFirst(p.email)}</p>
            <p className="utrecht-paragraph">
              <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" to={`/inloggen${query({ terug: here })}`}>
                {t.invitation.loginButton}
              </Link>
            </p>
          </section>
        ) : (
          <CreateAccountForm token={token} preview={p} />
        )}
      </>
    );
  }

  return (
    <div className="mk-narrow">
      <PageHeading title={t.invitation.title} />
      {body}
    </div>
  );
}
