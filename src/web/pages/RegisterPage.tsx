import { useState } from 'react';
import { Navigate } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { RegisterInput } from '../../common/schemas.ts';
import { ApiError } from '../api.ts';
import { authApi, useMe } from '../auth.ts';
import { useI18n } from '../i18n/index.tsx';
import { newPasswordSchema } from '../forms.ts';
import { FormShell, RadioGroup, SubmitButton, TextField, useFormFailure, useSubmit, zodErrorMap } from '../components/form/index.ts';
import { Alert } from '../components/Feedback.tsx';
import { MunicipalityField } from '../components/MunicipalityPicker.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ButtonRow, LinkParagraph, Paragraph, TextLink } from '../components/ui.tsx';
import { ROUTES } from '../../common/paths.ts';

const FIELDS = ['persona', 'displayName', 'email', 'password', 'municipalityCode'] as const;

export default function RegisterPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const schema = RegisterInput.extend({ password: newPasswordSchema(t) });
  type Values = z.input<typeof schema>;
  type Output = z.output<typeof schema>;
  const form = useForm<Values, unknown, Output>({
    shouldFocusError: false,
    resolver: zodResolver(schema, { error: zodErrorMap(t) }),
    defaultValues: { displayName: '', email: '', password: '', municipalityCode: null, locale },
  });
  const { register, formState, setError, control } = form;
  const failure = useFormFailure(setError, FIELDS);
  const registration = useMutation({ mutationFn: authApi.register });

  const onSubmit = useSubmit(
    form,
    failure,
    (values) => registration.mutateAsync({ ...values, locale }),
    (_answer, values) => setSentTo(values.email),
    (error) => {
      if (error instanceof ApiError && (error.code === 'password_too_short' || error.code === 'password_too_common')) {
        setError('password', { type: 'server', message: error.detail });
      }
      return error;
    },
  );

  if (me.data) return <Navigate to={ROUTES.home} replace />;

  if (sentTo) {
    return (
      <div className="mk-narrow">
        <PageHeading title={t.register.sentTitle} />
        <Alert kind="ok" title={t.register.sentLead} focus={sentTo}>
          <Paragraph>{t.register.sentText(sentTo)}</Paragraph>
        </Alert>
        <Paragraph>{t.register.sentNoMail}</Paragraph>
        <LinkParagraph to={ROUTES.login}>{t.register.toLogin}</LinkParagraph>
      </div>
    );
  }

  const labels = {
    persona: t.register.personaLegend,
    displayName: t.fields.displayName,
    email: t.fields.email,
    password: t.fields.password,
    municipalityCode: t.fields.municipality,
  };

  return (
    <div className="mk-narrow">
      <PageHeading title={t.register.title} lead={t.register.lead} />
      <FormShell form={form} failure={failure} idPrefix="register" labels={labels} onSubmit={onSubmit} aria-labelledby="pagina-titel">
        <RadioGroup
          idPrefix="register"
          name="persona"
          legend={t.register.personaLegend}
          error={formState.errors.persona?.message}
          options={[
            { value: 'caregiver', label: t.register.caregiver, description: t.register.caregiverHelp },
            { value: 'volunteer', label: t.register.volunteer, description: t.register.volunteerHelp },
          ]}
          inputProps={register('persona')}
        />
        <TextField idPrefix="register" label={t.fields.displayName} description={t.register.nameHelp} autoComplete="name" error={formState.errors.displayName?.message} {...register('displayName')} />
        <TextField idPrefix="register" label={t.fields.email} type="email" inputMode="email" autoComplete="email" spellCheck={false} error={formState.errors.email?.message} {...register('email')} />
        <TextField idPrefix="register" label={t.fields.password} description={t.password.hint} type="password" autoComplete="new-password" error={formState.errors.password?.message} {...register('password')} />
        <MunicipalityField control={control} name="municipalityCode" idPrefix="register" label={t.fields.municipality} optional />
        <p className="utrecht-paragraph mk-muted">{t.register.privacy}</p>
        <ButtonRow>
          <SubmitButton busy={registration.isPending}>{t.register.submit}</SubmitButton>
        </ButtonRow>
      </FormShell>
      <Paragraph>
        {t.register.haveAccount}{' '}
        <TextLink to={ROUTES.login}>{t.register.toLogin}</TextLink>
      </Paragraph>
    </div>
  );
}
