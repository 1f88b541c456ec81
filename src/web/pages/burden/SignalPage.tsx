import { useState } from 'react';
import { useParams } from 'react-router';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { useMe } from '../../auth.ts';
import { useI18n, type Dict } from '../../i18n/index.tsx';
import type { Me } from '../../types.ts';
import { Alert, LoadError, Loading, StatusBadge, nextKey } from '../../components/Feedback.tsx';
import { FormShell, RadioGroup, SubmitButton, TextAreaField, TextField, useFormFailure, useSubmit, zodErrorMap } from '../../components/form/index.ts';
import { ButtonRow, DataList, LinkParagraph, Paragraph, TextLink, type DataRow } from '../../components/ui.tsx';
import { PageHeading, Section } from '../../components/PageHeading.tsx';
import { burdenApi, burdenKeys, burdenPaths } from '../../components/burden/api.ts';
import { organisationApi, organisationKeys } from '../../components/organisations/api.ts';
import { SignalStepper, StatusTag, reasonText } from '../../components/burden/SignalBits.tsx';
import { daysOpen, durationText, useBurdenText } from '../../components/burden/text.ts';
import { ACTION_KINDS, NEXT_STATUSES, SIGNAL_ROLES, SIGNAL_STATUSES, type SignalDetail, type SignalStatus } from '../../components/burden/types.ts';
import '../../components/burden/burden.css';

const pad = (n: number) => String(n).padStart(2, '0');
/** Now as the value of a datetime-local field (local time). */
function nowForInput(): string {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
const inFuture = (value: string) => new Date(value).getTime() > Date.now() + 5 * 60_000;

function Details({ signal }: { signal: SignalDetail }) {
  const { t, formatDateTime } = useI18n();
  const b = t.burden;
  const text = useBurdenText();
  const rows: DataRow[] = [
    [b.caregiver, signal.caregiver.name],
    [b.phone, signal.caregiver.phone ? <a className="utrecht-link utrecht-link--html-a" href={`tel:${signal.caregiver.phone}`}>{signal.caregiver.phone}</a> : t.common.none],
    [
      b.email,
      signal.caregiver.email ? (
        <a className="utrecht-link utrecht-link--html-a mk-break" href={`mailto:${signal.caregiver.email}`}>
          {signal.caregiver.email}
        </a>
      ) : (
        t.common.none
      ),
    ],
    [
      b.client,
      signal.client ? (
        <>
          {signal.client.name}
          <br />
          <TextLink to={burdenPaths.trend(signal.client.id, signal.caregiver.memberId)}>{b.clientTrend}</TextLink>
        </>
      ) : (
        <span className="mk-muted">{b.clientHidden}</span>
      ),
    ],
    [b.municipality, signal.municipalityName],
    [b.instrument, signal.instrument ? text.name(signal.instrument.key, signal.instrument.title) : <span className="mk-muted">{b.resultNoLongerShared}</span>],
    [
      b.score,
      <span data-testid="signal-score">
        {signal.total === null
          ? '–'
          : `${signal.previousTotal !== null ? b.scoreWas(signal.total, signal.previousTotal) : signal.total}${signal.bandLabel ? ` · ${text.api(signal.bandLabel)}` : ''}`}
      </span>,
    ],
    [b.reason, reasonText(signal.reasons, b)],
    [b.routedTo, b.routed[signal.routedTo] ?? signal.routedTo],
    [b.createdAt, `${formatDateTime(signal.createdAt)} (${b.days(daysOpen(signal))})`],
    [
      b.followUpDue,
      <>
        {formatDateTime(signal.followUpDueAt)} {signal.overdue && <StatusBadge tone="danger">{b.overdue}</StatusBadge>}
      </>,
    ],
    [
      b.firstFollowUp,
      <span data-testid="signal-first-follow-up">
        {signal.firstFollowUpAt ? `${formatDateTime(signal.firstFollowUpAt)} (${b.timeToFollowUp(durationText(signal.minutesToFirstFollowUp ?? 0, t))})` : b.firstFollowUpNone}
      </span>,
    ],
    ...(signal.escalatedAt ? ([[b.escalated, formatDateTime(signal.escalatedAt)]] as const) : []),
    ...(signal.closedAt ? ([[b.closedAt, formatDateTime(signal.closedAt)]] as const) : []),
    [b.assignedTo, signal.assignedTo?.name ?? b.nobody],
  ];
  return (
    <Section id="gegevens" title={b.detailsTitle}>
      <DataList rows={rows} />
    </Section>
  );
}

const statusSchema = (b: Dict['burden'], current: SignalStatus) =>
  z
    .object({ status: z.enum(SIGNAL_STATUSES), note: z.string().max(2000) })
    .superRefine((v, ctx) => {
      if (v.status === 'closed' && current !== 'plan_agreed' && !v.note.trim()) ctx.addIssue({ code: 'custom', path: ['note'], message: b.noteRequired });
    });

function StatusForm({ signal, organisationId, onSaved }: { signal: SignalDetail; organisationId: string; onSaved: (fresh: SignalDetail) => void }) {
  const { t } = useI18n();
  const b = t.burden;
  const options = NEXT_STATUSES[signal.status];
  const form = useForm<{ status: SignalStatus; note: string }>({
    shouldFocusError: false,
    resolver: zodResolver(statusSchema(b, signal.status), { error: zodErrorMap(t) }),
    defaultValues: { status: options[0], note: '' },
  });
  const failure = useFormFailure(form.setError, ['status', 'note']);
  const save = useMutation({ mutationFn: (body: { status: SignalStatus; note: string | null }) => burdenApi.setStatus(organisationId, signal.id, body) });
  const chosen = useWatch({ control: form.control, name: 'status' });
  const onSubmit = useSubmit(form, failure, (values) => save.mutateAsync({ status: values.status, note: values.note.trim() || null }), onSaved);
  return (
    <Section id="volgende-stap" title={b.statusTitle}>
      <FormShell form={form} failure={failure} idPrefix="status" labels={{ status: b.newStatus, note: b.note }} aria-labelledby="volgende-stap" onSubmit={onSubmit}>
        <RadioGroup
          idPrefix="status"
          name="status"
          legend={b.newStatus}
          error={form.formState.errors.status?.message}
          options={options.map((s) => ({ value: s, label: b.statuses[s] ?? s }))}
          inputProps={form.register('status')}
        />
        <TextAreaField
          idPrefix="status"
          textareaClassName="mk-bc-textarea"
          label={b.note}
          optional={!(chosen === 'closed' && signal.status !== 'plan_agreed')}
          description={signal.status !== 'plan_agreed' ? b.closeEarlyNote : undefined}
          error={form.formState.errors.note?.message}
          {...form.register('note')}
        />
        <ButtonRow>
          <SubmitButton busy={save.isPending}>{b.saveStatus}</SubmitButton>
        </ButtonRow>
      </FormShell>
    </Section>
  );
}

const actionSchema = (b: Dict['burden']) =>
  z.object({
    kind: z.enum(ACTION_KINDS),
    note: z.string().max(2000),
    occurredAt: z
      .string()
      .min(1)
      .refine((v) => !Number.isNaN(new Date(v).getTime()), { message: b.actionDateHelp })
      .refine((v) => !inFuture(v), { message: b.actionDateHelp }),
  });

function ActionForm({ signal, organisationId, onSaved }: { signal: SignalDetail; organisationId: string; onSaved: () => void }) {
  const { t } = useI18n();
  const b = t.burden;
  const [defaults] = useState(() => ({ kind: 'conversation' as const, note: '', occurredAt: nowForInput() }));
  const form = useForm<{ kind: (typeof ACTION_KINDS)[number]; note: string; occurredAt: string }>({
    shouldFocusError: false,
    resolver: zodResolver(actionSchema(b), { error: zodErrorMap(t) }),
    defaultValues: defaults,
  });
  const failure = useFormFailure(form.setError, ['kind', 'note', 'occurredAt']);
  const save = useMutation({ mutationFn: (body: { kind: string; note: string | null; occurredAt: string }) => burdenApi.addAction(organisationId, signal.id, body) });
  const onSubmit = useSubmit(
    form,
    failure,
    (values) => save.mutateAsync({ kind: values.kind, note: values.note.trim() || null, occurredAt: new Date(values.occurredAt).toISOString() }),
    (_answer, values) => {
      form.reset({ kind: values.kind, note: '', occurredAt: nowForInput() });
      onSaved();
    },
  );
  return (
    <Section id="actie" title={b.actionTitle}>
      <Paragraph>{b.actionIntro}</Paragraph>
      <FormShell form={form} failure={failure} idPrefix="actie" labels={{ kind: b.actionKind, note: b.note, occurredAt: b.actionDate }} aria-labelledby="actie" onSubmit={onSubmit}>
        <RadioGroup
          idPrefix="actie"
          name="kind"
          legend={b.actionKind}
          error={form.formState.errors.kind?.message}
          options={ACTION_KINDS.map((k) => ({ value: k, label: b.actions[k] ?? k }))}
          inputProps={form.register('kind')}
        />
        <TextAreaField idPrefix="actie" textareaClassName="mk-bc-textarea" label={b.note} optional error={form.formState.errors.note?.message} {...form.register('note')} />
        <TextField idPrefix="actie" label={b.actionDate} description={b.actionDateHelp} type="datetime-local" error={form.formState.errors.occurredAt?.message} {...form.register('occurredAt')} />
        <ButtonRow>
          <SubmitButton busy={save.isPending}>{b.saveAction}</SubmitButton>
        </ButtonRow>
      </FormShell>
    </Section>
  );
}

function Assign({ signal, organisationId, me, onSaved }: { signal: SignalDetail; organisationId: string; me: Me; onSaved: (fresh: SignalDetail) => void }) {
  const { t, errorText } = useI18n();
  const b = t.burden;
  const members = useQuery({ queryKey: organisationKeys.members(organisationId), queryFn: () => organisationApi.members(organisationId) });
  const colleagues = [...new Map((members.data?.items ?? []).filter((m) => SIGNAL_ROLES.includes(m.role)).map((m) => [m.userId, m])).values()];
  const [chosen, setChosen] = useState(signal.assignedTo?.userId ?? '');
  const assign = useMutation({ mutationFn: (userId: string | null) => burdenApi.assign(organisationId, signal.id, userId), onSuccess: onSaved });
  const mine = signal.assignedTo?.userId === me.id;
  return (
    <Section id="toewijzen" title={b.assignTitle}>
      <p className="utrecht-paragraph">{signal.assignedTo ? b.assigned(signal.assignedTo.name ?? '') : `${b.assignedTo}: ${b.nobody}`}</p>
      {assign.isError && <Alert kind="error" title={errorText(assign.error)} focus={assign.error} />}
      {!mine && (
        <p className="utrecht-paragraph">
          <button type="button" className="utrecht-button utrecht-button--secondary-action" aria-disabled={assign.isPending ? true : undefined} onClick={() => !assign.isPending && assign.mutate(me.id)}>
            {b.assignToMe}
          </button>
        </p>
      )}
      <form
        className="utrecht-form mk-form"
        noValidate
        aria-labelledby="toewijzen"
        onSubmit={(event) => {
          event.preventDefault();
          if (!assign.isPending) assign.mutate(chosen || null);
        }}
      >
        <div className="utrecht-form-field utrecht-form-field--select mk-field">
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="toewijzen-collega">
              {b.assignColleague}
            </label>
          </div>
          <div className="utrecht-form-field__input">
            <select id="toewijzen-collega" className="utrecht-select utrecht-select--html-select" value={chosen} onChange={(e) => setChosen(e.target.value)}>
              <option value="">{b.unassigned}</option>
              {colleagues.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.displayName}
                  {m.jobTitle ? ` (${m.jobTitle})` : ''}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="utrecht-button-group mk-actions">
          <SubmitButton busy={assign.isPending} variant="secondary">
            {b.assign}
          </SubmitButton>
        </div>
      </form>
    </Section>
  );
}

function Timeline({ signal }: { signal: SignalDetail }) {
  const { t, formatDateTime } = useI18n();
  const b = t.burden;
  const entries = [
    ...signal.events.map((e, i) => ({
      key: `e${i}`,
      at: e.occurredAt,
      title: b.events[e.kind] ?? e.kind,
      detail: e.kind === 'status' && e.fromStatus && e.toStatus ? b.statusChange(b.statuses[e.fromStatus] ?? e.fromStatus, b.statuses[e.toStatus] ?? e.toStatus) : null,
      note: e.note,
      who: e.user ?? b.system,
    })),
    ...signal.actions.map((a) => ({ key: a.id, at: a.occurredAt, title: b.actions[a.kind] ?? a.kind, detail: null, note: a.note, who: a.recordedBy ?? b.system })),
  ].sort((a, c) => Date.parse(a.at) - Date.parse(c.at));
  return (
    <Section id="tijdlijn" title={b.timelineTitle}>
      {entries.length === 0 ? (
        <p className="utrecht-paragraph">{b.timelineEmpty}</p>
      ) : (
        <ol className="mk-bc-timeline" data-testid="signal-timeline">
          {entries.map((e) => (
            <li key={e.key}>
              <p>
                <strong>{e.title}</strong>
                {e.detail && <> – {e.detail}</>}
              </p>
              {e.note && <p>{e.note}</p>}
              <p className="mk-bc-timeline__when">
                {formatDateTime(e.at)} · {b.actionBy(e.who)}
              </p>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

/** /organisaties/:id/signalen/:signalId — one signal: who, scores, status, actions, history. */
export default function SignalPage() {
  const { t } = useI18n();
  const b = t.burden;
  const { id = '', signalId = '' } = useParams();
  const me = useMe().data as Me;
  const queryClient = useQueryClient();
  const key = burdenKeys.signal(id, signalId);
  const signal = useQuery({ queryKey: key, queryFn: () => burdenApi.signal(id, signalId) });
  const [message, setMessage] = useState<{ key: number; text: string } | null>(null);

  const refresh = (fresh: SignalDetail | null, text: string) => {
    if (fresh) queryClient.setQueryData(key, fresh);
    else void queryClient.invalidateQueries({ queryKey: key, exact: true });
    void queryClient.invalidateQueries({ queryKey: burdenKeys.signals(id), predicate: (q) => q.queryKey.length !== key.length || q.queryKey[3] !== signalId });
    setMessage({ key: nextKey(), text });
  };

  const data = signal.data;
  const reached = data ? data.events.flatMap((e) => (e.toStatus ? [e.toStatus as SignalStatus] : [])) : [];
  return (
    <>
      <PageHeading title={data ? b.signalTitle(data.caregiver.name) : b.signalsTitle} lead={data ? reasonText(data.reasons, b) : undefined} />
      <LinkParagraph to={burdenPaths.signals(id)}>{b.backToSignals}</LinkParagraph>
      {signal.isPending ? (
        <Loading />
      ) : signal.isError || !data ? (
        <LoadError error={signal.error} onRetry={() => void signal.refetch()} />
      ) : (
        <>
          <SignalStepper status={data.status} reached={reached} />
          <p className="utrecht-paragraph">
            {b.status}: <StatusTag status={data.status} />
          </p>
          {message && <Alert kind="ok" title={message.text} focus={message.key} live />}
          <Details signal={data} />
          {data.status === 'closed' ? (
            <Alert kind="info" title={b.statusClosed} />
          ) : (
            <div className="mk-bc-forms">
              <StatusForm key={`status-${data.status}`} signal={data} organisationId={id} onSaved={(fresh) => refresh(fresh, b.statusSaved(b.statuses[fresh.status] ?? fresh.status))} />
              <ActionForm signal={data} organisationId={id} onSaved={() => refresh(null, b.actionSaved)} />
            </div>
          )}
          {data.status !== 'closed' && <Assign key={data.assignedTo?.userId ?? 'niemand'} signal={data} organisationId={id} me={me} onSaved={(fresh) => refresh(fresh, b.assigned(fresh.assignedTo?.name ?? b.nobody))} />}
          <Timeline signal={data} />
        </>
      )}
    </>
  );
}
