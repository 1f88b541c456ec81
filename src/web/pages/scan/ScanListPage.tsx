import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { Circle } from '../../../common/circle-schemas.ts';
import { useI18n } from '../../i18n/index.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { ListResult, LoadError, Loading, StatusBadge } from '../../components/Feedback.tsx';
import { FormShell, RadioGroup, SelectField, SubmitButton, useFormFailure, useSubmit } from '../../components/form/index.ts';
import { PageHeading, Section } from '../../components/PageHeading.tsx';
import { useCircle, circlePaths } from '../../components/circle/api.ts';
import { scanApi, scanKeys, scanPaths, useScans } from '../../components/scan/api.ts';
import type { Scan } from '../../components/scan/types.ts';
import { forForm } from '../caseload/errors.ts';
import './scan.css';
import { ButtonRow, LinkParagraph, Paragraph, TextLink } from '../../components/ui.tsx';

function NewScan({ circle }: { circle: Circle }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const caregivers = circle.members.filter((m) => m.kind === 'caregiver');
  const main = caregivers.find((m) => m.isMainCaregiver) ?? caregivers[0];
  const form = useForm<{ caregiver: string }>({
    shouldFocusError: false,
    resolver: zodResolver(z.object({ caregiver: z.string({ message: t.scan.chooseCaregiver }).min(1, { message: t.scan.chooseCaregiver }) })),
    defaultValues: { caregiver: main?.id ?? '' },
  });
  const failure = useFormFailure(form.setError, ['caregiver']);
  const start = useMutation({ mutationFn: (caregiverMemberId: string) => scanApi.start(circle.client.id, caregiverMemberId) });
  const onSubmit = useSubmit(
    form,
    failure,
    (values) => start.mutateAsync(values.caregiver),
    async (scan) => {
      await queryClient.invalidateQueries({ queryKey: scanKeys.scans(circle.client.id) });
      navigate(scanPaths.scan(circle.client.id, scan.id));
    },
    forForm,
  );
  if (caregivers.length === 0) {
    return (
      <Paragraph>
        {t.scan.noCaregivers}{' '}
        <TextLink to={circlePaths.circle(circle.client.id)}>{t.scan.toCircle(circle.client.givenName)}</TextLink>
      </Paragraph>
    );
  }
  return (
    <>
      <FormShell form={form} failure={failure} idPrefix="nieuwe-scan" labels={{ caregiver: t.scan.caregiverLegend }} aria-labelledby="nieuwe-mantelscan" onSubmit={onSubmit}>
        <RadioGroup
          idPrefix="nieuwe-scan"
          name="caregiver"
          legend={t.scan.caregiverLegend}
          description={t.scan.caregiverHelp}
          error={form.formState.errors.caregiver?.message}
          options={caregivers.map((m) => ({ value: m.id, label: `${m.givenName} ${m.familyName}`.trim() + (m.isMainCaregiver ? ` (${t.caseload.main})` : '') }))}
          inputProps={form.register('caregiver')}
        />
        <ButtonRow>
          <SubmitButton busy={start.isPending}>{t.scan.start}</SubmitButton>
        </ButtonRow>
      </FormShell>
    </>
  );
}

function CompareForm({ clientId, completed }: { clientId: string; completed: Scan[] }) {
  const { t, formatDate } = useI18n();
  const navigate = useNavigate();
  // Oldest first in the choice lists; by default the two newest.
  const ordered = [...completed].sort((a, b) => (a.completedAt ?? '').localeCompare(b.completedAt ?? ''));
  const [a, setA] = useState(ordered[ordered.length - 2]?.id ?? '');
  const [b, setB] = useState(ordered[ordered.length - 1]?.id ?? '');
  const options = ordered.map((s) => ({ value: s.id, label: `${formatDate(s.completedAt)} – ${s.caregiverName ?? t.common.unknown}` }));
  const same = a === b;
  return (
    <form
      className="utrecht-form mk-form"
      noValidate
      aria-labelledby="vergelijken"
      onSubmit={(event) => {
        event.preventDefault();
        if (!same) navigate(scanPaths.compare(clientId, a, b));
      }}
    >
      <div className="mk-filters__fields">
        <SelectField idPrefix="vergelijk" name="a" label={t.scan.compareFirst} options={options} value={a} onChange={(event) => setA(event.target.value)} error={same ? t.scan.compareSame : undefined} />
        <SelectField idPrefix="vergelijk" name="b" label={t.scan.compareSecond} options={options} value={b} onChange={(event) => setB(event.target.value)} />
      </div>
      <ButtonRow>
        <button type="submit" className="utrecht-button utrecht-button--primary-action" aria-disabled={same ? true : undefined}>
          {t.scan.compareSubmit}
        </button>
      </ButtonRow>
    </form>
  );
}

/** The MantelScans of one client: start a new one, continue or read earlier ones, compare two. */
export default function ScanListPage() {
  const { t, formatDate } = useI18n();
  const { clientId = '' } = useParams();
  const circle = useCircle(clientId);
  const scans = useScans(clientId);
  const clientName = circle.data ? `${circle.data.client.givenName} ${circle.data.client.familyName}`.trim() : '';
  const completed = scans.data?.items.filter((s) => s.status === 'completed') ?? [];
  return (
    <>
      <PageHeading title={clientName ? t.scan.listTitle(clientName) : t.scan.listTitleGeneric} lead={t.scan.listLead} />
      <LinkParagraph to={circlePaths.circle(clientId)}>{clientName ? t.scan.toCircle(clientName) : t.scan.toCircleGeneric}</LinkParagraph>
      {circle.isPending ? (
        <Loading />
      ) : circle.isError ? (
        <LoadError error={circle.error} onRetry={() => void circle.refetch()} />
      ) : (
        <>
          <Section id="nieuwe-mantelscan" title={t.scan.newTitle}>
            <NewScan circle={circle.data} />
          </Section>
          <Section id="eerdere-mantelscans" title={t.scan.earlierTitle}>
            <ListResult query={scans} empty={t.scan.noScans}>
              {({ items }) => (
                <DataTable
                  caption={t.scan.earlierCaption}
                  rows={items}
                  rowKey={(s) => s.id}
                  columns={[
                    { key: 'started', header: t.scan.started, cell: (s) => formatDate(s.startedAt) },
                    { key: 'caregiver', header: t.scan.caregiver, cell: (s) => s.caregiverName ?? t.common.unknown },
                    {
                      key: 'status',
                      header: t.scan.status,
                      cell: (s) => (s.status === 'completed' ? <StatusBadge tone="success">{t.scan.statusCompleted}</StatusBadge> : <StatusBadge tone="warning">{t.scan.statusDraft}</StatusBadge>),
                    },
                    { key: 'completed', header: t.scan.completed, cell: (s) => (s.completedAt ? formatDate(s.completedAt) : t.common.none) },
                    { key: 'by', header: t.scan.conductedBy, cell: (s) => [s.conductedBy, s.organisation].filter(Boolean).join(', ') || t.common.none },
                    {
                      key: 'open',
                      header: t.common.action,
                      cell: (s) => (
                        <TextLink to={scanPaths.scan(clientId, s.id)}>
                          {s.status === 'completed' ? t.scan.open : t.scan.continue}
                          <span className="mk-visually-hidden"> ({t.scan.scanOf(formatDate(s.startedAt), s.caregiverName ?? '')})</span>
                        </TextLink>
                      ),
                    },
                  ]}
                />
              )}
            </ListResult>
          </Section>
          <Section id="vergelijken" title={t.scan.compareTitle}>
            {completed.length < 2 ? <p className="utrecht-paragraph">{t.scan.compareNeedsTwo}</p> : <CompareForm clientId={clientId} completed={completed} />}
          </Section>
        </>
      )}
    </>
  );
}
