import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { OrganisationInput, OrganisationKind, Sector } from '../../../common/schemas.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Organisation } from '../../types.ts';
import { FormShell, SelectField, SubmitButton, TextField, useFormFailure, useSubmit, zodErrorMap } from '../../components/form/index.ts';
import { organisationApi, organisationKeys, organisationPaths } from '../../components/organisations/api.ts';
import { Alert } from '../../components/Feedback.tsx';
import { MunicipalityField } from '../../components/MunicipalityPicker.tsx';
import { PageHeading, Section } from '../../components/PageHeading.tsx';
import { PagedResult, usePage } from '../../components/Pager.tsx';
import { OrganisationTable, useOrganisations } from '../OrganisationsPage.tsx';
import { ButtonRow, LinkParagraph } from '../../components/ui.tsx';

type Values = z.input<typeof OrganisationInput>;
type Output = z.output<typeof OrganisationInput>;
const FIELDS = ['name', 'kind', 'sector', 'municipalityCode', 'region'] as const;

function CreateForm() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<Organisation | null>(null);
  const form = useForm<Values, unknown, Output>({
    shouldFocusError: false,
    resolver: zodResolver(OrganisationInput, { error: zodErrorMap(t) }),
    defaultValues: { name: '', kind: 'care_provider', sector: null, municipalityCode: null, region: null },
  });
  const failure = useFormFailure(form.setError, FIELDS);
  const create = useMutation({ mutationFn: (body: Output) => organisationApi.create(body) });
  const onSubmit = useSubmit(form, failure, create.mutateAsync, async (organisation) => {
    form.reset();
    setCreated(organisation);
    await queryClient.invalidateQueries({ queryKey: organisationKeys.all });
  });
  const kind = useWatch({ control: form.control, name: 'kind' });
  const emptyToNull = (value: unknown) => (value === '' ? null : value);

  return (
    <Section id="nieuw" title={t.adminOrganisations.createTitle}>
      {created && (
        <Alert kind="ok" title={t.adminOrganisations.created(created.name)} focus={created.id}>
          <LinkParagraph to={organisationPaths.organisation(created.id)}>{t.adminOrganisations.open(created.name)}</LinkParagraph>
        </Alert>
      )}
      <FormShell
        form={form}
        failure={failure}
        idPrefix="organisation"
        labels={{ name: t.fields.name, kind: t.fields.kind, sector: t.fields.sector, municipalityCode: t.fields.municipality, region: t.fields.region }}
        aria-labelledby="nieuw"
        onSubmit={onSubmit}
      >
        <TextField idPrefix="organisation" label={t.fields.name} autoComplete="organization" error={form.formState.errors.name?.message} {...form.register('name')} />
        <SelectField
          idPrefix="organisation"
          label={t.fields.kind}
          options={OrganisationKind.options.map((k) => ({ value: k, label: t.kinds[k] }))}
          error={form.formState.errors.kind?.message}
          {...form.register('kind', {
            onChange: (event: { target: { value: string } }) => {
              if (event.target.value !== 'care_provider') form.setValue('sector', null);
            },
          })}
        />
        {kind === 'care_provider' && (
          <SelectField
            idPrefix="organisation"
            label={t.fields.sector}
            description={t.adminOrganisations.sectorHelp}
            options={[{ value: '', label: t.adminOrganisations.chooseSector }, ...Sector.options.map((s) => ({ value: s, label: t.sectors[s] }))]}
            error={form.formState.errors.sector?.message}
            {...form.register('sector', { setValueAs: emptyToNull })}
          />
        )}
        <MunicipalityField control={form.control} name="municipalityCode" idPrefix="organisation" label={t.fields.municipality} optional={kind !== 'municipality'} />
        <TextField idPrefix="organisation" label={t.fields.region} optional description={t.adminOrganisations.regionHelp} error={form.formState.errors.region?.message} {...form.register('region', { setValueAs: emptyToNull })} />
        <ButtonRow>
          <SubmitButton busy={create.isPending}>{t.adminOrganisations.submit}</SubmitButton>
        </ButtonRow>
      </FormShell>
    </Section>
  );
}

export default function AdminOrganisationsPage() {
  const { t } = useI18n();
  const page = usePage();
  const organisations = useOrganisations(page);
  return (
    <>
      <PageHeading title={t.adminOrganisations.title} lead={t.adminOrganisations.lead} />
      <Section id="lijst" title={t.adminOrganisations.listTitle}>
        <PagedResult query={organisations} page={page} pageSize={25} empty={t.organisations.empty}>
          {(items) => <OrganisationTable caption={t.adminOrganisations.listTitle} items={items} />}
        </PagedResult>
      </Section>
      <CreateForm />
    </>
  );
}
