import { useNavigate, useParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { CARE_NEEDS } from '../../../common/codes.ts';
import { useI18n, type Dict } from '../../i18n/index.tsx';
import { CheckboxGroup, FormShell, RadioGroup, SubmitButton, TextAreaField, TextField, useFormFailure, useSubmit, zodErrorMap } from '../../components/form/index.ts';
import { circlePaths } from '../../components/circle/api.ts';
import { codeOptions } from '../../components/circle/labels.ts';
import { organisationApi, organisationKeys } from '../../components/organisations/api.ts';
import { caseloadApi, caseloadKeys, caseloadPaths } from './api.ts';
import { MunicipalityField } from '../../components/MunicipalityPicker.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import '../../components/scan/common.css';
import { forForm } from './errors.ts';
import './caseload.css';
import { ButtonRow, LinkParagraph, Paragraph } from '../../components/ui.tsx';

const FIELDS = ['givenName', 'familyName', 'birthDate', 'municipalityCode', 'careSituation', 'careNeeds', 'bsn', 'clientCanDecide'] as const;

const todayIso = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/** The form's own rules, in the interface language; the server checks everything again (and the BSN's elfproef). */
const schemaFor = (t: Dict) =>
  z.object({
    givenName: z.string().trim().min(1, { message: t.caseload.givenNameRequired }).max(100),
    familyName: z.string().trim().min(1, { message: t.caseload.familyNameRequired }).max(100),
    birthDate: z
      .string()
      .refine((v) => v === '' || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), { message: t.caseload.birthDateInvalid })
      .refine((v) => v === '' || v <= todayIso(), { message: t.caseload.birthDateFuture }),
    municipalityCode: z
      .string()
      .nullable()
      .refine((v) => v !== null && /^GM\d{4}$/.test(v), { message: t.caseload.municipalityRequired }),
    careSituation: z.string().trim().max(1000),
    careNeeds: z.array(z.string()),
    bsn: z
      .string()
      .trim()
      .refine((v) => v === '' || /^\d{9}$/.test(v.replace(/\s/g, '')), { message: t.caseload.bsnFormat }),
    clientCanDecide: z.enum(['yes', 'no'], { message: t.caseload.decideRequired }),
  });

type Values = z.input<ReturnType<typeof schemaFor>>;
type Output = z.output<ReturnType<typeof schemaFor>>;

export default function RegisterClientPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const organisation = useQuery({ queryKey: organisationKeys.organisation(id), queryFn: () => organisationApi.organisation(id) });
  const form = useForm<Values, unknown, Output>({
    shouldFocusError: false,
    resolver: zodResolver(schemaFor(t), { error: zodErrorMap(t) }),
    defaultValues: { givenName: '', familyName: '', birthDate: '', municipalityCode: null, careSituation: '', careNeeds: [], bsn: '', clientCanDecide: undefined },
  });
  const failure = useFormFailure(form.setError, FIELDS);
  const register = useMutation({
    mutationFn: (values: Output) =>
      caseloadApi.register({
        organisationId: id,
        client: {
          givenName: values.givenName,
          familyName: values.familyName,
          birthDate: values.birthDate || null,
          municipalityCode: values.municipalityCode ?? '', // never null: the schema refuses an empty choice
          careSituation: values.careSituation || null,
          careNeeds: values.careNeeds,
          bsn: values.bsn ? values.bsn.replace(/\s/g, '') : null,
        },
        clientCanDecide: values.clientCanDecide === 'yes',
      }),
  });
  const errors = form.formState.errors;
  const labels = {
    givenName: t.caseload.givenName,
    familyName: t.caseload.familyName,
    birthDate: t.caseload.birthDate,
    municipalityCode: t.caseload.clientMunicipality,
    careSituation: t.caseload.careSituation,
    careNeeds: t.caseload.careNeeds,
    bsn: t.caseload.bsn,
    clientCanDecide: t.caseload.canDecideLegend,
  };
  const onSubmit = useSubmit(
    form,
    failure,
    register.mutateAsync,
    async (circle) => {
      await queryClient.invalidateQueries({ queryKey: caseloadKeys.list(id) });
      navigate(circlePaths.circle(circle.client.id), { state: { registered: true } });
    },
    (error) => forForm(error, '/client/'),
  );

  return (
    <>
      <PageHeading title={t.caseload.registerTitle} lead={organisation.data ? t.caseload.registerLead(organisation.data.name) : undefined} />
      <LinkParagraph to={caseloadPaths.list(id)}>{t.caseload.backToList}</LinkParagraph>
      <Paragraph>{t.caseload.registerIntro}</Paragraph>
      <FormShell form={form} failure={failure} idPrefix="client" labels={labels} aria-labelledby="pagina-titel" onSubmit={onSubmit}>
        <TextField idPrefix="client" label={t.caseload.givenName} autoComplete="off" error={errors.givenName?.message} {...form.register('givenName')} />
        <TextField idPrefix="client" label={t.caseload.familyName} description={t.caseload.familyNameHelp} autoComplete="off" error={errors.familyName?.message} {...form.register('familyName')} />
        <TextField
          idPrefix="client"
          label={t.caseload.birthDate}
          optional
          type="date"
          max={todayIso()}
          inputClassName="mk-textbox--date"
          error={errors.birthDate?.message}
          {...form.register('birthDate')}
        />
        <MunicipalityField control={form.control} name="municipalityCode" idPrefix="client" label={t.caseload.clientMunicipality} />
        <TextAreaField
          idPrefix="client"
          label={t.caseload.careSituation}
          optional
          description={t.caseload.careSituationHelp}
          maxLength={1000}
          error={errors.careSituation?.message}
          {...form.register('careSituation')}
        />
        <CheckboxGroup
          idPrefix="client"
          name="careNeeds"
          legend={t.caseload.careNeeds}
          optional
          description={t.caseload.careNeedsHelp}
          layout="grid"
          options={codeOptions(CARE_NEEDS, locale)}
          inputProps={form.register('careNeeds')}
        />
        <TextField
          idPrefix="client"
          label={t.caseload.bsn}
          optional
          description={t.caseload.bsnHelp}
          inputMode="numeric"
          autoComplete="off"
          maxLength={11}
          inputClassName="mk-textbox--code"
          error={errors.bsn?.message}
          {...form.register('bsn')}
        />
        <RadioGroup
          idPrefix="client"
          name="clientCanDecide"
          legend={t.caseload.canDecideLegend}
          description={t.caseload.canDecideHelp}
          error={errors.clientCanDecide?.message}
          options={[
            { value: 'yes', label: t.caseload.canDecideYes },
            { value: 'no', label: t.caseload.canDecideNo },
          ]}
          inputProps={form.register('clientCanDecide')}
        />
        <Paragraph>{t.caseload.consentNote}</Paragraph>
        <ButtonRow>
          <SubmitButton busy={register.isPending}>{t.caseload.registerSubmit}</SubmitButton>
        </ButtonRow>
      </FormShell>
    </>
  );
}
