import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Circle } from '../../../common/circle-schemas.ts';
import { ACCESS_LEVELS, DECIDERS, type AccessLevel, type Decider } from '../../../common/codes.ts';
import { ApiError } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Alert, Empty, ListResult, OutcomeAlert, StatusBadge, useOutcome } from '../../components/Feedback.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { RadioGroup, SelectField, SubmitButton, TextField } from '../../components/form/index.ts';
import { circleApi, circleKeys, refreshCircle } from '../../components/circle/api.ts';
import { cap, codeLabels, fullName, relationOf } from '../../components/circle/labels.ts';
import { deciderText } from './OverviewSection.tsx';
import { ButtonRow, Paragraph } from '../../components/ui.tsx';

type Choice = AccessLevel | 'none';
type Subject = { key: string; name: string; detail: string; level: AccessLevel | null; until: string | null; body: { memberId: string } | { organisationId: string } };

const today = () => new Date().toISOString().slice(0, 10);

/** One decision: what this person (or organisation) may see, optionally until a date. */
function ConsentForm({ circle, subject }: { circle: Circle; subject: Subject }) {
  const { t, formatDate, serverText } = useI18n();
  const c = t.circle.access;
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<Choice>(subject.level ?? 'none');
  const [until, setUntil] = useState(subject.until ?? '');
  const [untilError, setUntilError] = useState<string | undefined>(undefined);
  const { outcome: result, run } = useOutcome();
  const decide = useMutation({
    mutationFn: () =>
      circleApi.decide(circle.client.id, choice === 'none' ? { ...subject.body, decision: 'deny' } : { ...subject.body, decision: 'permit', accessLevel: choice, validUntil: until || null }),
  });
  const idPrefix = `toegang-${subject.key}`;
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (choice !== 'none' && until && (!/^\d{4}-\d{2}-\d{2}$/.test(until) || until < today())) {
      setUntilError(c.untilPast);
      document.getElementById(`${idPrefix}-until`)?.focus();
      return;
    }
    setUntilError(undefined);
    await run(
      async () => {
        await decide.mutateAsync();
        await Promise.all([refreshCircle(queryClient, circle.client.id), queryClient.invalidateQueries({ queryKey: circleKeys.consents(circle.client.id) })]);
        return choice === 'none' ? c.savedNone(subject.name) : c.saved(subject.name, t.circle.levels[choice], until ? formatDate(until) : null);
      },
      (error) => {
        if (error instanceof ApiError && error.fieldErrors.some((f) => f.path === '/validUntil')) setUntilError(serverText(error.fieldErrors[0]?.message ?? ''));
      },
    );
  };
  return (
    <div className="mk-consent-item" data-testid={`consent-${subject.key}`}>
      <h4 className="utrecht-heading-4" id={`${idPrefix}-titel`}>
        {subject.name} <span className="mk-muted">({subject.detail})</span>
      </h4>
      <Paragraph>
        {c.now}: <strong>{subject.level ? t.circle.levels[subject.level] : c.none}</strong>
        {subject.level && subject.until ? ` (${t.circle.details.until(formatDate(subject.until))})` : ''}
      </Paragraph>
      <form className="utrecht-form" noValidate aria-labelledby={`${idPrefix}-titel`} onSubmit={onSubmit}>
        <div className="mk-consent-row">
          <SelectField
            idPrefix={idPrefix}
            name="level"
            label={c.choiceLabel(subject.name)}
            value={choice}
            onChange={(event) => setChoice(event.target.value as Choice)}
            options={[...ACCESS_LEVELS.map((level) => ({ value: level, label: t.circle.levels[level] })), { value: 'none', label: c.none }]}
          />
          <TextField
            idPrefix={idPrefix}
            name="until"
            label={c.until}
            optional
            type="date"
            min={today()}
            value={until}
            disabled={choice === 'none'}
            error={untilError}
            inputClassName="mk-textbox--date"
            onChange={(event) => setUntil(event.target.value)}
          />
          <div className="mk-actions">
            <SubmitButton busy={decide.isPending} variant="secondary">
              {c.save}
              <span className="mk-visually-hidden"> {c.saveFor(subject.name)}</span>
            </SubmitButton>
          </div>
        </div>
      </form>
      {result && (
        <div className="mk-block">
          <Alert kind={result.ok ? 'ok' : 'error'} title={result.text} live />
        </div>
      )}
    </div>
  );
}

/** Who decides about access: the client, a legal representative, or the main caregiver. */
function DeciderForm({ circle }: { circle: Circle }) {
  const { t } = useI18n();
  const c = t.circle.access;
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<Decider>(circle.client.decider);
  const { outcome, run } = useOutcome();
  const save = useMutation({ mutationFn: () => circleApi.setDecider(circle.client.id, { decider: choice }) });
  const hasRepresentative = circle.members.some((m) => m.details?.isRepresentative);
  const me = circle.members.find((m) => m.isMe);
  const stillMe = (d: Decider) => (circle.myAccess.isClient ? d === 'client' : d === 'representative' ? Boolean(me?.details?.isRepresentative) : d === 'main_caregiver' ? Boolean(me?.isMainCaregiver) : false);
  const name = circle.client.givenName;
  return (
    <section className="mk-section" aria-labelledby="wie-beslist">
      <h3 className="utrecht-heading-3" id="wie-beslist">
        {c.deciderTitle}
      </h3>
      <Paragraph>{c.deciderIntro(name)}</Paragraph>
      <form
        className="utrecht-form mk-form"
        noValidate
        aria-labelledby="wie-beslist"
        onSubmit={async (event) => {
          event.preventDefault();
          await run(async () => {
            await save.mutateAsync();
            await refreshCircle(queryClient, circle.client.id);
            return c.deciderSaved(t.circle.deciders[choice](name));
          });
        }}
      >
        <RadioGroup
          idPrefix="beslisser"
          name="decider"
          legend={c.deciderLegend}
          options={DECIDERS.map((d) => ({
            value: d,
            label: cap(t.circle.deciders[d](name)),
            description: [c.deciderHelp[d](name), d === 'representative' && !hasRepresentative ? c.noRepresentative : null].filter(Boolean).join(' '),
          }))}
          inputProps={{
            name: 'decider',
            onChange: (event) => setChoice(event.target.value as Decider),
            ref: (el) => {
              if (el) el.checked = el.value === choice;
            },
          }}
        />
        {!stillMe(choice) && <Alert kind="warning" title={c.deciderWarning} />}
        <ButtonRow>
          <SubmitButton busy={save.isPending}>{c.deciderSave}</SubmitButton>
        </ButtonRow>
      </form>
      <OutcomeAlert outcome={outcome} />
    </section>
  );
}

function History({ circle }: { circle: Circle }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const c = t.circle.access;
  const history = useQuery({ queryKey: circleKeys.consents(circle.client.id), queryFn: () => circleApi.consents(circle.client.id) });
  return (
    <ListResult query={history} empty={c.historyEmpty}>
      {({ items }) => (
        <DataTable
          caption={c.historyCaption}
          rows={[...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt))}
          rowKey={(r) => r.id}
          columns={[
            { key: 'when', header: c.when, cell: (r) => formatDateTime(r.createdAt) },
            { key: 'who', header: c.who, cell: (r) => r.memberName ?? r.organisationName ?? t.common.unknown },
            { key: 'decision', header: c.decision, cell: (r) => (r.decision === 'deny' || !r.accessLevel ? c.none : t.circle.levels[r.accessLevel]) },
            { key: 'until', header: c.until, cell: (r) => (r.validUntil ? formatDate(r.validUntil) : t.common.none) },
            { key: 'as', header: c.decidedAs, cell: (r) => c.decidedAsValue[r.decidedAs] },
            { key: 'by', header: c.recordedBy, cell: (r) => r.recordedBy ?? t.common.unknown },
            { key: 'current', header: c.current, cell: (r) => (r.current ? <StatusBadge tone="success">{c.currentYes}</StatusBadge> : <span className="mk-muted">{c.currentNo}</span>) },
          ]}
        />
      )}
    </ListResult>
  );
}

/** "Wie mag wat zien": the decider chooses per person and organisation; everyone with full access reads the history. */
export function AccessSection({ circle }: { circle: Circle }) {
  const { t, locale } = useI18n();
  const c = t.circle.access;
  const labels = codeLabels(locale);
  const name = circle.client.givenName;
  const subjects: Subject[] = [
    ...circle.members.map((m) => ({
      key: m.id.slice(0, 8),
      name: fullName(m) + (m.isMe ? ` (${t.circle.map.me})` : ''),
      detail: relationOf(m, labels).toLowerCase(),
      level: (m.details?.accessLevel ?? null) as AccessLevel | null,
      until: m.details?.accessUntil ?? null,
      body: { memberId: m.id },
    })),
    ...circle.organisations.map((o) => ({ key: `org-${o.organisationId.slice(0, 8)}`, name: o.name, detail: c.organisation, level: o.accessLevel, until: o.accessUntil, body: { organisationId: o.organisationId } })),
  ];
  return (
    <>
      <Paragraph>{c.intro(name)}</Paragraph>
      <ul className="utrecht-unordered-list mk-list">
        {ACCESS_LEVELS.map((level) => (
          <li className="utrecht-unordered-list__item" key={level}>
            <strong>{t.circle.levels[level]}:</strong> {t.circle.levelHelp[level]}
          </li>
        ))}
        <li className="utrecht-unordered-list__item">
          <strong>{c.none}:</strong> {c.noneHelp}
        </li>
      </ul>
      <Paragraph>{c.untilHelp}</Paragraph>
      {circle.myAccess.canDecide ? (
        <>
          <Paragraph>
            <strong>{circle.myAccess.isClient ? c.youDecideClient : c.youDecideFor(name)}</strong> {c.recorded}
          </Paragraph>
          <section className="mk-section" aria-labelledby="per-persoon">
            <h3 className="utrecht-heading-3" id="per-persoon">
              {c.perPerson}
            </h3>
            {subjects.length === 0 ? <Empty>{c.nobody}</Empty> : subjects.map((s) => <ConsentForm key={s.key} circle={circle} subject={s} />)}
          </section>
          <DeciderForm circle={circle} />
        </>
      ) : (
        <Alert kind="info" title={c.notDecider(deciderText(circle, t))} />
      )}
      <section className="mk-section" aria-labelledby="geschiedenis">
        <h3 className="utrecht-heading-3" id="geschiedenis">
          {c.historyTitle}
        </h3>
        <Paragraph>{c.historyIntro}</Paragraph>
        <History circle={circle} />
      </section>
    </>
  );
}
