import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { DisplayName } from '../../common/schemas.ts';
import { ROUTES } from '../../common/paths.ts';
import { ME_KEY, authApi, loginPath, useMe } from '../auth.ts';
import { useI18n } from '../i18n/index.tsx';
import type { InvitationPreview, Me } from '../types.ts';
import { organisationApi, organisationKeys, organisationPaths } from '../components/organisations/api.ts';
import { newPasswordSchema, passwordRefusal } from '../forms.ts';
import { ActionButton, FormShell, SubmitButton, TextField, useFormFailure, useSubmit, zodErrorMap } from '../components/form/index.ts';
import { Alert, Loading } from '../components/Feedback.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ButtonRow, DataList, Paragraph } from '../components/ui.tsx';

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
      const result = await organisationApi.acceptInvitation({ token, displayName: values.displayName, password: values.password });
      const me = await authApi.login({ email: preview.email, password: values.password });
      return { result, me };
    },
  });
  const onSubmit = useSubmit(
    form,
    failure,
    accept.mutateAsync,
    ({ me }) => {
      queryClient.setQueryData(ME_KEY, me);
      navigate(me.mfa.required && !me.mfa.enabled ? ROUTES.twoFactor : ROUTES.home, { replace: true });
    },
    passwordRefusal((message) => form.setError('password', { type: 'server', message })),
  );
  return (
    <section aria-labelledby="invitation-create">
      <h2 className="utrecht-heading-2" id="invitation-create">
        {t.invitation.createTitle}
      </h2>
      <Paragraph>{t.invitation.createIntro(preview.email)}</Paragraph>
      <FormShell
        form={form}
        failure={failure}
        idPrefix="invitation"
        labels={{ displayName: t.fields.displayName, password: t.fields.password }}
        aria-labelledby="invitation-create"
        onSubmit={onSubmit}
      >
        <TextField idPrefix="invitation" label={t.fields.email} value={preview.email} readOnly name="email" autoComplete="username" />
        <TextField idPrefix="invitation" label={t.fields.displayName} autoComplete="name" error={form.formState.errors.displayName?.message} {...form.register('displayName')} />
        <TextField idPrefix="invitation" label={t.fields.password} description={t.password.hint} type="password" autoComplete="new-password" error={form.formState.errors.password?.message} {...form.register('password')} />
        <ButtonRow>
          <SubmitButton busy={accept.isPending}>{t.invitation.createSubmit}</SubmitButton>
        </ButtonRow>
      </FormShell>
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
    queryKey: organisationKeys.invitationPreview(token),
    queryFn: () => organisationApi.invitationPreview(token),
    enabled: token.length >= 10,
    retry: false,
  });
  const accept = useMutation({ mutationFn: () => organisationApi.acceptInvitation({ token }) });
  const here = organisationPaths.invitation(token);
  const acceptAndGo = async () => {
    try {
      const result = await accept.mutateAsync();
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      const fresh = queryClient.getQueryData<Me | null>(ME_KEY);
      navigate(fresh && fresh.mfa.required && !fresh.mfa.enabled ? ROUTES.twoFactor : organisationPaths.organisation(result.organisationId), { replace: true, state: { joined: true } });
    } catch (error) {
      setAcceptError(error);
    }
  };

  let body;
  if (token.length < 10) body = <Alert kind="error" title={t.invitation.noToken} />;
  else if (preview.isPending) body = <Loading />;
  else if (preview.isError) {
    body = (
      <Alert kind="error" title={t.invitation.invalid}>
        <Paragraph>{errorText(preview.error)}</Paragraph>
        <Paragraph>{t.invitation.askNew}</Paragraph>
      </Alert>
    );
  } else {
    const p = preview.data;
    body = (
      <>
        <div className="mk-card">
          <p className="utrecht-paragraph utrecht-paragraph--lead">{t.invitation.summary(p.organisationName, t.roles[p.role])}</p>
          <DataList
            rows={[
              [t.fields.organisation, p.organisationName],
              [t.fields.role, t.roles[p.role]],
              [t.invitation.for, p.email],
              [t.invitation.validUntil, formatDate(p.expiresAt)],
            ]}
          />
          {p.role !== 'volunteer' && <p className="utrecht-paragraph">{t.invitation.twoFactorNote}</p>}
        </div>
        {me.data ? (
          <section aria-labelledby="invitation-accept">
            <h2 className="utrecht-heading-2" id="invitation-accept">
              {t.invitation.acceptTitle}
            </h2>
            <Paragraph>{t.invitation.loggedInAs(me.data.displayName, me.data.email)}</Paragraph>
            {me.data.email.toLowerCase() !== p.email.toLowerCase() && <Alert kind="warning" title={t.invitation.otherAddress(p.email)} />}
            {acceptError !== null && <Alert kind="error" title={errorText(acceptError)} focus={acceptError} />}
            <ActionButton busy={accept.isPending} onClick={acceptAndGo}>
              {t.invitation.acceptSubmit}
            </ActionButton>
          </section>
        ) : p.accountExists ? (
          <section aria-labelledby="invitation-login">
            <h2 className="utrecht-heading-2" id="invitation-login">
              {t.invitation.loginTitle}
            </h2>
            <Paragraph>{t.invitation.loginFirst(p.email)}</Paragraph>
            <Paragraph>
              <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" to={loginPath(here)}>
                {t.invitation.loginButton}
              </Link>
            </Paragraph>
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
