import { useState } from 'react';
import { Link } from 'react-router';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { OrganisationInput, OrganisationKind, Sector } from '../../../common/schemas.ts';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Organisation } from '../../types.ts';
import { ErrorSummary, SelectField, SubmitButton, TextField, useFormFailure, zodErrorMap } from '../../components/Form.tsx';
import { Alert, Empty, LoadError, Loading } from '../../components/Feedback.tsx';
import { MunicipalityPicker } from '../../components/MunicipalityPicker.tsx';
import { PageHeading, Section } from '../../components/PageHeading.tsx';
import { Pager, usePage } from '../../components/Pager.tsx';
import { OrganisationTable, useOrganisations } from '../OrganisationsPage.tsx';

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
  const create = useMutation({ mutationFn: (body: Output) => api.post<Organisation>('/api/organisations', body) });
  const kind = useWatch({ control: form.control, name: 'kind' });
  const emptyToNull = (value: unknown) => (value === '' ? null : value);

  return (
    <Section id="nieuw" title={t.adminOrganisations.createTitle}>
      {created && (
        <Alert kind="ok" title={t.adminOrganisations.created(created.name)} focus={created.id}>
          <p className="utrecht-paragraph">
            <Link className="utrecht-link utrecht-link--html-a" to={`/organisaties/${created.id}`}>
              {t.adminOrganisations.open(created.name)}
            </Link>
          </p>
        </Alert>
      )}
      <ErrorSummary
        failure={failure.failure}
        errors={form.formState.errors}
        idPrefix="organisation"
        labels={{ name: t.fields.name, kind: t.fields.kind, sector: t.fields.sector, municipalityCode: t.fields.municipality, region: t.fields.region }}
      />
      <form
        className="utrecht-form mk-form"
        noValidate
        aria-labelledby="nieuw"
        onSubmit={form.handleSubmit(async (values) => {
          try {
            const organisation = await create.mutateAsync(values);
            failure.clear();
            form.reset();
            setCreated(organisation);
            await queryClient.invalidateQueries({ queryKey: ['organisations'] });
          } catch (error) {
            failure.server(error);
          }
        }, failure.invalid)}
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
        <Controller
          control={form.control}
          name="municipalityCode"
          render={({ field, fieldState }) => (
            <MunicipalityPicker
              idPrefix="organisation"
              name="municipalityCode"
              label={t.fields.municipality}
              optional={kind !== 'municipality'}
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message}
              inputRef={field.ref}
            />
          )}
        />
        <TextField idPrefix="organisation" label={t.fields.region} optional description={t.adminOrganisations.regionHelp} error={form.formState.errors.region?.message} {...form.register('region', { setValueAs: emptyToNull })} />
        <div className="utrecht-button-group mk-actions">
          <SubmitButton busy={create.isPending}>{t.adminOrganisations.submit}</SubmitButton>
        </div>
      </form>
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
        {organisations.isPending ? (
          <Loading />
        ) : organisations.isError ? (
          <LoadError error={organisations.error} onRetry={() => void organisations.refetch()} />
        ) : organisations.data.items.length === 0 ? (
          <Empty>{page > 1 ? t.pager.emptyPage : t.organisations.empty}</Empty>
        ) : (
          <>
            <OrganisationTable caption={t.adminOrganisations.listTitle} items={organisations.data.items} />
            <Pager page={page} pageSize={25} total={organisations.data.total} itemCount={organisations.data.items.length} />
          </>
        )}
      </Section>
      <CreateForm />
    </>
  );
}
