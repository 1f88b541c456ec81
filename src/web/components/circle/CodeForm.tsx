import { useNavigate } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useI18n } from '../../i18n/index.tsx';
import { FormShell, SubmitButton, TextField, useFormFailure, zodErrorMap } from '../form/index.ts';
import { circlePaths } from './api.ts';
import { ButtonRow } from '../ui.tsx';

/** "Heeft u een code gekregen?": a code goes to the invitation page, which shows what it offers. */
export function CodeForm({ idPrefix = 'code', headingId }: { idPrefix?: string; headingId: string }) {
  const { t } = useI18n();
  const c = t.circle.code;
  const navigate = useNavigate();
  const schema = z.object({
    code: z
      .string()
      .trim()
      .refine((v) => v.replace(/[^A-Za-z0-9]/g, '').length === 8, { message: c.invalid }),
  });
  type Values = z.input<typeof schema>;
  const form = useForm<Values>({ shouldFocusError: false, resolver: zodResolver(schema, { error: zodErrorMap(t) }), defaultValues: { code: '' } });
  const failure = useFormFailure(form.setError, ['code']);
  return (
    <FormShell
      form={form}
      failure={failure}
      idPrefix={idPrefix}
      labels={{ code: c.label }}
      aria-labelledby={headingId}
      onSubmit={form.handleSubmit((values) => {
        failure.clear();
        navigate(circlePaths.invitation(values.code.trim().toUpperCase()));
      }, failure.invalid)}
    >
      <TextField
        idPrefix={idPrefix}
        label={c.label}
        description={c.help}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="characters"
        inputClassName="mk-textbox--code"
        error={form.formState.errors.code?.message}
        {...form.register('code')}
      />
      <ButtonRow>
        <SubmitButton variant="secondary">{c.submit}</SubmitButton>
      </ButtonRow>
    </FormShell>
  );
}
