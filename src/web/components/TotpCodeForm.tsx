import type { ComponentProps, ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { TotpCodeInput } from '../../common/schemas.ts';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { ConfirmButton } from './ConfirmButton.tsx';
import { FormShell, SubmitButton, TextField, useFormFailure, useSubmit, zodErrorMap } from './form/index.ts';
import { ButtonRow } from './ui.tsx';

type Values = z.input<typeof TotpCodeInput>;

/**
 * A form asking for a current code from the authenticator app: to switch two-step login on,
 * for new recovery codes, or to switch it off (`confirm` asks "are you sure?" first). A
 * wrong code is shown next to the field.
 */
export function TotpCodeForm({
  idPrefix,
  description,
  submitLabel,
  busy,
  onCode,
  confirm,
  variant = 'primary',
  ...formProps
}: Pick<ComponentProps<'form'>, 'aria-label' | 'aria-labelledby'> & {
  idPrefix: string;
  description: ReactNode;
  submitLabel: string;
  busy: boolean;
  /** Sends the code (trimmed); a thrown error goes to the error summary. */
  onCode: (code: string) => Promise<unknown>;
  confirm?: { question: string; explanation: string };
  variant?: 'primary' | 'secondary';
}) {
  const { t } = useI18n();
  const form = useForm<Values>({ shouldFocusError: false, resolver: zodResolver(TotpCodeInput, { error: zodErrorMap(t) }), defaultValues: { code: '' } });
  const failure = useFormFailure(form.setError, ['code']);
  const submit = useSubmit(
    form,
    failure,
    (values) => onCode(values.code.trim()),
    () => form.reset(),
    (error) => {
      if (error instanceof ApiError && error.code === 'totp_invalid') form.setError('code', { type: 'server', message: error.detail });
      return error;
    },
  );
  return (
    <FormShell form={form} failure={failure} idPrefix={idPrefix} labels={{ code: t.twoFactor.codeLabel }} onSubmit={submit} {...formProps}>
      <TextField
        idPrefix={idPrefix}
        label={t.twoFactor.codeLabel}
        description={description}
        inputMode="numeric"
        autoComplete="one-time-code"
        inputClassName="mk-textbox--code"
        error={form.formState.errors.code?.message}
        {...form.register('code')}
      />
      <ButtonRow>
        {confirm ? (
          <ConfirmButton question={confirm.question} explanation={confirm.explanation} confirmLabel={submitLabel} busy={busy} onConfirm={() => void submit()}>
            {submitLabel}
          </ConfirmButton>
        ) : (
          <SubmitButton busy={busy} variant={variant}>
            {submitLabel}
          </SubmitButton>
        )}
      </ButtonRow>
    </FormShell>
  );
}
