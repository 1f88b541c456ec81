import { useParams, useSearchParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { Circle } from '../../../common/circle-schemas.ts';
import { safeReturnPath } from '../../auth.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Alert, Empty, LoadError, Loading } from '../../components/Feedback.tsx';
import { FormShell, RadioGroup, SelectField, SubmitButton, useFormFailure, useSubmit, zodErrorMap } from '../../components/form/index.ts';
import { ButtonRow, LinkParagraph, Paragraph } from '../../components/ui.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { burdenApi, burdenKeys, burdenPaths } from '../../components/burden/api.ts';
import { informalMembers, useCircleInfo } from '../../components/burden/circle.ts';
import { useBurdenText } from '../../components/burden/text.ts';
import { useStartCheck } from '../../components/burden/useStartCheck.ts';
import type { Instrument } from '../../components/burden/types.ts';

const ConversationInput = z.object({ memberId: z.string().min(1), instrument: z.string().min(1) });
type Values = z.infer<typeof ConversationInput>;

function ConversationForm({
  circle,
  instruments,
  memberId,
  lockedMember,
  mantelscanId,
  back,
}: {
  circle: Circle;
  instruments: Instrument[];
  memberId: string;
  lockedMember: boolean;
  mantelscanId: string | null;
  back: string | null;
}) {
  const { t } = useI18n();
  const b = t.burden;
  const text = useBurdenText();
  const caregivers = informalMembers(circle);
  const active = instruments.filter((i) => i.status === 'active');
  const preferred = mantelscanId ? 'ediz' : 'ediz-plus';
  const form = useForm<Values>({
    shouldFocusError: false,
    resolver: zodResolver(ConversationInput, { error: zodErrorMap(t) }),
    defaultValues: { memberId: caregivers.some((m) => m.id === memberId) ? memberId : '', instrument: active.find((i) => i.key === preferred)?.key ?? active[0]?.key ?? '' },
  });
  const failure = useFormFailure(form.setError, ['memberId', 'instrument']);
  const start = useStartCheck(circle.client.id);
  const locked = lockedMember ? caregivers.find((m) => m.id === memberId) : undefined;
  const onSubmit = useSubmit(form, failure, (values) => start.mutateAsync({ memberId: values.memberId, instrument: values.instrument, mantelscanId, back }));

  if (caregivers.length === 0) return <Empty>{b.noInformal}</Empty>;
  return (
    <FormShell form={form} failure={failure} idPrefix="gesprek" labels={{ memberId: b.caregiverLabel, instrument: b.instrumentLegend }} onSubmit={onSubmit}>
      {locked ? (
        <Paragraph>
          <strong>{b.caregiverLabel}:</strong> {`${locked.givenName} ${locked.familyName}`.trim()}
          <input type="hidden" {...form.register('memberId')} />
        </Paragraph>
      ) : (
        <SelectField
          idPrefix="gesprek"
          label={b.caregiverLabel}
          description={b.caregiverHelp}
          options={[{ value: '', label: '–' }, ...caregivers.map((m) => ({ value: m.id, label: `${m.givenName} ${m.familyName}`.trim() }))]}
          error={form.formState.errors.memberId?.message}
          {...form.register('memberId')}
        />
      )}
      <RadioGroup
        idPrefix="gesprek"
        name="instrument"
        legend={b.instrumentLegend}
        error={form.formState.errors.instrument?.message}
        options={active.map((i) => ({
          value: i.key,
          label: text.name(i.key, i.title),
          description: [text.explanation(i.key), b.duration(i.itemCount)].filter(Boolean).join(' '),
        }))}
        inputProps={form.register('instrument')}
      />
      <ButtonRow>
        <SubmitButton busy={start.isPending}>{b.startConversation}</SubmitButton>
      </ButtonRow>
    </FormShell>
  );
}

/**
 * /kringen/:clientId/belasting/gesprek — a professional takes a check together with a
 * caregiver (recorded as administered by the professional; the API decides the mode by who
 * asks). `?mantelzorger=<memberId>` picks the caregiver; `?mantelscanId=<id>` makes it step 3
 * (Belasting) of that MantelScan, for its caregiver; `?terug=<path>` leads back afterwards.
 */
export default function ConversationCheckPage() {
  const { t } = useI18n();
  const b = t.burden;
  const { clientId = '' } = useParams();
  const [params] = useSearchParams();
  const mantelscanId = params.get('mantelscanId');
  const back = safeReturnPath(params.get('terug'));
  const circle = useCircleInfo(clientId);
  const instruments = useQuery({ queryKey: burdenKeys.instruments, queryFn: burdenApi.instruments, staleTime: 300_000 });
  const scan = useQuery({ queryKey: burdenKeys.scan(clientId, mantelscanId), queryFn: () => burdenApi.scan(clientId, mantelscanId ?? ''), enabled: Boolean(mantelscanId) });
  const scanMember = scan.data?.caregiverMemberId ?? null;
  const memberId = scanMember ?? params.get('mantelzorger') ?? '';
  const loading = circle.isPending || instruments.isPending || (Boolean(mantelscanId) && scan.isPending);
  const error = circle.error ?? instruments.error ?? scan.error;

  return (
    <>
      <PageHeading title={b.conversationTitle} lead={circle.data ? `${circle.data.client.givenName} ${circle.data.client.familyName}`.trim() : undefined} />
      <Paragraph>{b.conversationLead}</Paragraph>
      {mantelscanId && <Alert kind="info" title={b.conversationScan} />}
      {loading ? (
        <Loading />
      ) : error || !circle.data || !instruments.data ? (
        <LoadError error={error} onRetry={() => void (circle.refetch(), instruments.refetch())} />
      ) : (
        <ConversationForm circle={circle.data} instruments={instruments.data.items} memberId={memberId} lockedMember={Boolean(scanMember)} mantelscanId={mantelscanId} back={back} />
      )}
      <LinkParagraph to={back ?? burdenPaths.overview(clientId)}>{back ? (mantelscanId ? b.backToScan : b.backPrevious) : b.back}</LinkParagraph>
    </>
  );
}
