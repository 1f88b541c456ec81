import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMe } from '../auth.ts';
import { useI18n } from '../i18n/index.tsx';
import type { Organisation } from '../types.ts';
import { organisationApi, organisationKeys, organisationPaths } from '../components/organisations/api.ts';
import { DataTable } from '../components/DataTable.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { PagedResult, usePage } from '../components/Pager.tsx';
import { LinkParagraph, TextLink } from '../components/ui.tsx';
import { ROUTES } from '../../common/paths.ts';

const PAGE_SIZE = 25;

export function useOrganisations(page: number) {
  return useQuery({
    queryKey: organisationKeys.page(page),
    queryFn: () => organisationApi.list(page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
}

/** The table of organisations (also used on the admin page). */
export function OrganisationTable({ caption, items }: { caption: string; items: Organisation[] }) {
  const { t } = useI18n();
  return (
    <DataTable
      caption={caption}
      rows={items}
      rowKey={(o) => o.id}
      columns={[
        {
          key: 'name',
          header: t.fields.name,
          cell: (o) => (
            <TextLink to={organisationPaths.organisation(o.id)}>{o.name}</TextLink>
          ),
        },
        { key: 'kind', header: t.fields.kind, cell: (o) => `${t.kinds[o.kind]}${o.sector ? ` – ${t.sectors[o.sector]}` : ''}` },
        { key: 'municipality', header: t.fields.municipality, cell: (o) => o.municipalityName ?? t.common.none },
        { key: 'region', header: t.fields.region, cell: (o) => o.region ?? t.common.none },
      ]}
    />
  );
}

export default function OrganisationsPage() {
  const { t } = useI18n();
  const me = useMe().data;
  const page = usePage();
  const organisations = useOrganisations(page);
  return (
    <>
      <PageHeading title={me?.isPlatformAdmin ? t.organisations.titleAll : t.organisations.title} lead={me?.isPlatformAdmin ? t.organisations.leadAdmin : t.organisations.lead} />
      {me?.isPlatformAdmin && (
        <LinkParagraph to={ROUTES.adminOrganisations}>{t.organisations.toAdmin}</LinkParagraph>
      )}
      <PagedResult query={organisations} page={page} pageSize={PAGE_SIZE} empty={t.organisations.empty}>
        {(items) => <OrganisationTable caption={t.organisations.caption} items={items} />}
      </PagedResult>
    </>
  );
}
