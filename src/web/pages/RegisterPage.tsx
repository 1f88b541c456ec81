import { useState } from 'react';
import { Link, Navigate } from 'react-router';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { RegisterInput } from '../../common/schemas.ts';
import { ApiError, api } from '../api.ts';
import { useMe } from '../auth.ts';
import { useI18n } from '../i18n/index.tsx';
import { newPasswordSchema } from '../forms.ts';
import { ErrorSummary, RadioGroup, SubmitButton, TextField, useFormFailure, zodErrorMap } from '../components/Form.tsx';
import { Alert } from '../components/Feedback.tsx';
import { MunicipalityPicker } from '../components/MunicipalityPicker.tsx';
import { PageHeading } from '../components/PageHeading.tsx';

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
  const { register, handleSubmit, formState, setError, control } = form;
  const failure = useFormFailure(setError, FIELDS);
  const registration = useMutation({ mutationFn: (body: Output) => api.post<{ message: string }>('/api/auth/register', body) });

  if (me.data) return <Navigate to="/" replace />;

  const onSubmit = async (values: Output) => {
    try {
      await registration.mutateAsync({ ...values, locale });
      failure.clear();
      setSentTo(values.email);
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'password_too_short' || error.code === 'password_too_common')) {
        setError('password', { type: 'server', message: error.detail });
      }
      failure.server(error);
    }
  };

  if (sentTo) {
    return (
      <div className="mk-narrow">
        <PageHeading title={t.register.sentTitle} />
        <Alert kind="ok" title={t.register.sentLead} focus={sentTo}>
          <p className="utrecht-paragraph">{t.register.sentText(sentTo)}</p>
        </Alert>
        <p className="utrecht-paragraph">{t.register.sentNoMail}</p>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link utrecht-link--html-a" to="/inloggen">
            {t.register.toLogin}
          </Link>
        </p>
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
      <ErrorSummary failure={failure.failure} errors={formState.errors} idPrefix="register" labels={labels} />
      <form className="utrecht-form mk-form" noValidate onSubmit={handleSubmit(onSubmit, () => failure.invalid())} aria-labelledby="pagina-titel">
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
        <Controller
          control={control}
          name="municipalityCode"
          render={({ field, fieldState }) => (
            <MunicipalityPicker
              idPrefix="register"
              name="municipalityCode"
              label={t.fields.municipality}
              optional
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message}
              inputRef={field.ref}
            />
          )}
        />
        <p className="utrecht-paragraph mk-muted">{t.register.privacy}</p>
        <div className="utrecht-button-group mk-actions">
          <SubmitButton busy={registration.isPending}>{t.register.submit}</SubmitButton>
        </div>
      </form>
      <p className="utrecht-paragraph">
        {t.register.haveAccount}{' '}
        <Link className="utrecht-link utrecht-link--html-a" to="/inloggen">
          {t.register.toLogin}
        </Link>
      </p>
    </div>
  );
}
