import { Link, useNavigate, useParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../api.ts';
import { useMe } from '../../auth.ts';
import { useI18n, type Dict } from '../../i18n/index.tsx';
import type { Me } from '../../types.ts';
import { ErrorSummary, SelectField, SubmitButton, TextField, useFormFailure, zodErrorMap } from '../../components/Form.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { forForm } from './errors.ts';
import { professionalOrganisations } from './professional.ts';

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
      return api.post<{ clientId: string }>('/api/circle-invitations/accept', { code: `${raw.slice(0, 4)}-${raw.slice(4)}`, organisationId: values.organisationId });
    },
  });
  const errors = form.formState.errors;
  return (
    <>
      <PageHeading title={t.caseload.linkTitle} lead={t.caseload.linkLead} />
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a" to={`/organisaties/${id}/clienten`}>
          {t.caseload.backToList}
        </Link>
      </p>
      {organisations.length === 0 ? (
        <p className="utrecht-paragraph">{t.caseload.notProfessional}</p>
      ) : (
        <>
          <ErrorSummary failure={failure.failure} errors={errors} idPrefix="link" labels={{ code: t.caseload.codeLabel, organisationId: t.caseload.organisationLabel }} />
          <form
            className="utrecht-form mk-form"
            noValidate
            aria-labelledby="pagina-titel"
            onSubmit={form.handleSubmit(async (values) => {
              try {
                const { clientId } = await accept.mutateAsync(values);
                failure.clear();
                await queryClient.invalidateQueries({ queryKey: ['caseload'] });
                navigate(`/kringen/${clientId}`, { state: { linked: true } });
              } catch (error) {
                failure.server(forForm(error));
              }
            }, failure.invalid)}
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
            <div className="utrecht-button-group mk-actions">
              <SubmitButton busy={accept.isPending}>{t.caseload.linkSubmit}</SubmitButton>
            </div>
          </form>
        </>
      )}
    </>
  );
}
