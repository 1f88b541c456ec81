import { useNavigate, useParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { useMe } from '../../auth.ts';
import { useI18n, type Dict } from '../../i18n/index.tsx';
import type { Me } from '../../types.ts';
import { FormShell, SelectField, SubmitButton, TextField, useFormFailure, useSubmit, zodErrorMap } from '../../components/form/index.ts';
import { circleApi, circlePaths } from '../../components/circle/api.ts';
import { caseloadKeys, caseloadPaths } from './api.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { forForm } from './errors.ts';
import { professionalOrganisations } from './professional.ts';
import { ButtonRow, LinkParagraph, Paragraph } from '../../components/ui.tsx';

const FIELDS = ['code', 'organisationId'] as const;

const schemaFor = (t: Dict) =>
  z.object({
    code: z
      .string()
      .trim()
      .refine((v) => /^[A-Za-z0-9]{4}[-\s]?[A-Za-z0-9]{4}$/.test(v), { message: t.caseload.codeFormat }),
    organisationId: z.string().min(1, { message: t.caseload.organisationRequired }),
  });
type Values = z.input<ReturnType<typeof schemaFor>>;
type Output = z.output<ReturnType<typeof schemaFor>>;

/** A professional links their organisation to a circle with the code a caregiver gave them. */
export default function LinkCodePage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const me = useMe().data as Me;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const organisations = professionalOrganisations(me);
  const form = useForm<Values, unknown, Output>({
    shouldFocusError: false,
    resolver: zodResolver(schemaFor(t), { error: zodErrorMap(t) }),
    defaultValues: { code: '', organisationId: organisations.some((o) => o.organisationId === id) ? id : (organisations[0]?.organisationId ?? '') },
  });
  const failure = useFormFailure(form.setError, FIELDS);
  const accept = useMutation({
    mutationFn: (values: Output) => {
      const raw = values.code.replace(/[\s-]/g, '').toUpperCase();
      return circleApi.acceptInvitation({ code: `${raw.slice(0, 4)}-${raw.slice(4)}`, organisationId: values.organisationId });
    },
  });
  const errors = form.formState.errors;
  const onSubmit = useSubmit(
    form,
    failure,
    accept.mutateAsync,
    async ({ clientId }) => {
      await queryClient.invalidateQueries({ queryKey: caseloadKeys.all });
      navigate(circlePaths.circle(clientId), { state: { linked: true } });
    },
    forForm,
  );
  return (
    <>
      <PageHeading title={t.caseload.linkTitle} lead={t.caseload.linkLead} />
      <LinkParagraph to={caseloadPaths.list(id)}>{t.caseload.backToList}</LinkParagraph>
      {organisations.length === 0 ? (
        <Paragraph>{t.caseload.notProfessional}</Paragraph>
      ) : (
        <>
          <FormShell
            form={form}
            failure={failure}
            idPrefix="link"
            labels={{ code: t.caseload.codeLabel, organisationId: t.caseload.organisationLabel }}
            aria-labelledby="pagina-titel"
            onSubmit={onSubmit}
          >
            <TextField
              idPrefix="link"
              label={t.caseload.codeLabel}
              description={t.caseload.codeHelp}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={12}
              inputClassName="mk-textbox--code"
              error={errors.code?.message}
              {...form.register('code')}
            />
            {organisations.length > 1 && (
              <SelectField
                idPrefix="link"
                label={t.caseload.organisationLabel}
                description={t.caseload.organisationHelp}
                options={organisations.map((o) => ({ value: o.organisationId, label: o.organisationName }))}
                error={errors.organisationId?.message}
                {...form.register('organisationId')}
              />
            )}
            <ButtonRow>
              <SubmitButton busy={accept.isPending}>{t.caseload.linkSubmit}</SubmitButton>
            </ButtonRow>
          </FormShell>
        </>
      )}
    </>
  );
}
