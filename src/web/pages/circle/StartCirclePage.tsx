import { useNavigate } from 'react-router';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { CARE_NEEDS, RELATIONSHIP_CODES } from '../../../common/codes.ts';
import { useI18n } from '../../i18n/index.tsx';
import { CheckboxGroup, FormShell, RadioGroup, SelectField, SubmitButton, TextAreaField, TextField, useFormFailure, useSubmit, zodErrorMap } from '../../components/form/index.ts';
import { ButtonRow, Paragraph, TextLink } from '../../components/ui.tsx';
import { MunicipalityField } from '../../components/MunicipalityPicker.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { HelpFields, dateField, hoursField, hoursValue, orNull } from '../../components/circle/fields.tsx';
import { circleApi, circleKeys, circlePaths } from '../../components/circle/api.ts';
import { cap, codeOptions } from '../../components/circle/labels.ts';
import '../../components/circle/circle.css';

const FIELDS = ['givenName', 'familyName', 'birthDate', 'municipalityCode', 'careSituation', 'careNeeds', 'relationshipCode', 'helpKinds', 'hoursPerWeek', 'clientCanDecide'] as const;

/** Start a circle for the person you care for: you become the main caregiver. */
export default function StartCirclePage() {
  const { t, locale } = useI18n();
  const c = t.circle;
  const s = c.start;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const schema = z.object({
    givenName: z.string().trim().min(1).max(100),
    familyName: z.string().trim().min(1).max(100),
    birthDate: dateField(t, 'past'),
    municipalityCode: z
      .string()
      .nullable()
      .refine((v) => Boolean(v), { message: s.municipalityRequired }),
    careSituation: z.string().trim().max(1000),
    careNeeds: z.array(z.string()),
    relationshipCode: z.string(),
    helpKinds: z.array(z.string()),
    hoursPerWeek: hoursField(t),
    clientCanDecide: z.enum(['yes', 'no'], { error: () => s.decideRequired }),
  });
  type Values = z.input<typeof schema>;
  type Output = z.output<typeof schema>;
  const form = useForm<Values, unknown, Output>({
    shouldFocusError: false,
    resolver: zodResolver(schema, { error: zodErrorMap(t) }),
    defaultValues: { givenName: '', familyName: '', birthDate: '', municipalityCode: null, careSituation: '', careNeeds: [], relationshipCode: '', helpKinds: [], hoursPerWeek: '' },
  });
  const { register, formState, control, setError } = form;
  const errors = formState.errors;
  const failure = useFormFailure(setError, FIELDS);
  const start = useMutation({
    mutationFn: (v: Output) =>
      circleApi.start({
        client: {
          givenName: v.givenName,
          familyName: v.familyName,
          birthDate: orNull(v.birthDate),
          municipalityCode: v.municipalityCode ?? '', // never null: the schema refuses an empty choice
          careSituation: orNull(v.careSituation),
          careNeeds: v.careNeeds,
        },
        me: { relationshipCode: orNull(v.relationshipCode), helpKinds: v.helpKinds, hoursPerWeek: hoursValue(v.hoursPerWeek) },
        clientCanDecide: v.clientCanDecide === 'yes',
      }),
  });
  const name = (useWatch({ control, name: 'givenName' }) ?? '').trim() || s.thePerson;
  const labels = {
    givenName: s.givenName,
    familyName: s.familyName,
    birthDate: s.birthDate,
    municipalityCode: s.municipality,
    careSituation: s.careSituation,
    careNeeds: s.careNeeds,
    relationshipCode: s.relationship(name),
    helpKinds: s.helpKinds,
    hoursPerWeek: s.hours,
    clientCanDecide: s.decideLegend(name),
  };

  const onSubmit = useSubmit(form, failure, start.mutateAsync, async (circle) => {
    queryClient.setQueryData(circleKeys.circle(circle.client.id), circle);
    await queryClient.invalidateQueries({ queryKey: circleKeys.mine });
    navigate(circlePaths.circle(circle.client.id), { state: { created: true } });
  });

  return (
    <div className="mk-narrow">
      <PageHeading title={s.title} lead={s.lead} />
      <FormShell form={form} failure={failure} idPrefix="start" labels={labels} aria-labelledby="pagina-titel" onSubmit={onSubmit}>
        <h2 className="utrecht-heading-2">{s.aboutClient}</h2>
        <TextField idPrefix="start" label={s.givenName} autoComplete="off" error={errors.givenName?.message} {...register('givenName')} />
        <TextField idPrefix="start" label={s.familyName} description={s.familyNameHelp} autoComplete="off" error={errors.familyName?.message} {...register('familyName')} />
        <TextField idPrefix="start" label={s.birthDate} type="date" optional inputClassName="mk-textbox--date" error={errors.birthDate?.message} {...register('birthDate')} />
        <MunicipalityField control={control} name="municipalityCode" idPrefix="start" label={s.municipality} />
        <TextAreaField idPrefix="start" label={s.careSituation} description={s.careSituationHelp} optional maxLength={1000} error={errors.careSituation?.message} {...register('careSituation')} />
        <CheckboxGroup
          idPrefix="start"
          layout="columns"
          name="careNeeds"
          legend={s.careNeeds}
          description={s.careNeedsHelp}
          optional
          error={errors.careNeeds?.message}
          options={codeOptions(CARE_NEEDS, locale)}
          inputProps={register('careNeeds')}
        />

        <h2 className="utrecht-heading-2">{s.aboutYou}</h2>
        <SelectField
          idPrefix="start"
          label={s.relationship(name)}
          optional
          error={errors.relationshipCode?.message}
          options={[{ value: '', label: s.choose }, ...codeOptions(RELATIONSHIP_CODES, locale)]}
          {...register('relationshipCode')}
        />
        <HelpFields
          idPrefix="start"
          legend={s.helpKinds}
          hoursLabel={s.hours}
          hoursHelp={s.hoursHelp}
          helpKinds={{ input: register('helpKinds'), error: errors.helpKinds?.message }}
          hours={{ input: register('hoursPerWeek'), error: errors.hoursPerWeek?.message }}
        />

        <h2 className="utrecht-heading-2">{s.decideTitle}</h2>
        <Paragraph>{s.decideIntro(name)}</Paragraph>
        <RadioGroup
          idPrefix="start"
          name="clientCanDecide"
          legend={s.decideLegend(name)}
          error={errors.clientCanDecide?.message}
          options={[
            { value: 'yes', label: s.decideYes(name), description: s.decideYesHelp(cap(name)) },
            { value: 'no', label: s.decideNo(name), description: s.decideNoHelp(name) },
          ]}
          inputProps={register('clientCanDecide')}
        />
        <ButtonRow>
          <SubmitButton busy={start.isPending}>{s.submit}</SubmitButton>
          <TextLink to={circlePaths.list()}>{s.cancel}</TextLink>
        </ButtonRow>
      </FormShell>
    </div>
  );
}
