import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { Circle } from '../../../common/circle-schemas.ts';
import { CARE_NEEDS, type Decider } from '../../../common/codes.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Alert, nextKey } from '../../components/Feedback.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { CheckboxGroup, FormShell, SubmitButton, TextAreaField, TextField, useFormFailure, useSubmit, zodErrorMap } from '../../components/form/index.ts';
import { dateField, orNull } from '../../components/circle/fields.tsx';
import { circleApi, circleKeys, circlePaths } from '../../components/circle/api.ts';
import { cap, codeLabels, codeOptions, fullName, groupOf } from '../../components/circle/labels.ts';
import { MemberName } from '../../components/circle/MembersTable.tsx';
import { ButtonRow, DataList, Paragraph, TextLink } from '../../components/ui.tsx';

/** Who decides, in words: "Gerrit zelf", "de wettelijk vertegenwoordiger", … */
export function deciderText(circle: Circle, t: ReturnType<typeof useI18n>['t']): string {
  return t.circle.deciders[circle.client.decider as Decider](circle.client.givenName);
}

function ClientForm({ circle, onDone }: { circle: Circle; onDone: (saved: boolean) => void }) {
  const { t, locale } = useI18n();
  const c = t.circle;
  const s = c.start;
  const queryClient = useQueryClient();
  const schema = z.object({
    givenName: z.string().trim().min(1).max(100),
    familyName: z.string().trim().min(1).max(100),
    birthDate: dateField(t, 'past'),
    careSituation: z.string().trim().max(1000),
    careNeeds: z.array(z.string()),
  });
  type Values = z.input<typeof schema>;
  type Output = z.output<typeof schema>;
  const cl = circle.client;
  const form = useForm<Values, unknown, Output>({
    shouldFocusError: false,
    resolver: zodResolver(schema, { error: zodErrorMap(t) }),
    defaultValues: { givenName: cl.givenName, familyName: cl.familyName, birthDate: cl.birthDate ?? '', careSituation: cl.careSituation ?? '', careNeeds: cl.careNeeds },
  });
  const failure = useFormFailure(form.setError, ['givenName', 'familyName', 'birthDate', 'careSituation', 'careNeeds']);
  const save = useMutation({
    mutationFn: (v: Output) => circleApi.updateClient(cl.id, { givenName: v.givenName, familyName: v.familyName, birthDate: orNull(v.birthDate), careSituation: orNull(v.careSituation), careNeeds: v.careNeeds }),
  });
  const onSubmit = useSubmit(form, failure, save.mutateAsync, async (fresh) => {
    queryClient.setQueryData(circleKeys.circle(cl.id), fresh);
    await queryClient.invalidateQueries({ queryKey: circleKeys.mine });
    onDone(true);
  });
  const errors = form.formState.errors;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section className="mk-card" aria-labelledby="client-form-titel">
      <h3 className="utrecht-heading-3" id="client-form-titel" tabIndex={-1} ref={headingRef}>
        {c.overview.editTitle}
      </h3>
      <FormShell
        form={form}
        failure={failure}
        idPrefix="client"
        labels={{ givenName: s.givenName, familyName: s.familyName, birthDate: s.birthDate, careSituation: s.careSituation, careNeeds: s.careNeeds }}
        aria-labelledby="client-form-titel"
        onSubmit={onSubmit}
      >
        <TextField idPrefix="client" label={s.givenName} error={errors.givenName?.message} {...form.register('givenName')} />
        <TextField idPrefix="client" label={s.familyName} error={errors.familyName?.message} {...form.register('familyName')} />
        <TextField idPrefix="client" label={s.birthDate} type="date" optional inputClassName="mk-textbox--date" error={errors.birthDate?.message} {...form.register('birthDate')} />
        <TextAreaField idPrefix="client" label={s.careSituation} description={s.careSituationHelp} optional maxLength={1000} error={errors.careSituation?.message} {...form.register('careSituation')} />
        <CheckboxGroup
          idPrefix="client"
          layout="columns"
          name="careNeeds"
          legend={s.careNeeds}
          optional
          options={codeOptions(CARE_NEEDS, locale)}
          inputProps={form.register('careNeeds')}
        />
        <ButtonRow>
          <SubmitButton busy={save.isPending}>{t.common.save}</SubmitButton>
          <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => onDone(false)}>
            {c.form.cancel}
          </button>
        </ButtonRow>
      </FormShell>
    </section>
  );
}

/** Leave the circle (a member can always do this), with a confirmation. */
function Leave({ circle }: { circle: Circle }) {
  const { t, errorText } = useI18n();
  const c = t.circle.leave;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [failed, setFailed] = useState<{ key: number; error: unknown } | null>(null);
  const leave = useMutation({ mutationFn: () => circleApi.removeMember(circle.client.id, String(circle.myAccess.memberId)) });
  const name = fullName(circle.client);
  if (!circle.myAccess.memberId) return null;
  return (
    <section className="mk-section" aria-labelledby="verlaten">
      <h3 className="utrecht-heading-3" id="verlaten">
        {c.title}
      </h3>
      <Paragraph>{c.text(circle.client.givenName)}</Paragraph>
      {failed && <Alert kind="error" title={errorText(failed.error)} focus={failed.key} />}
      <ConfirmButton
        question={c.question(name)}
        explanation={circle.myAccess.canDecide ? `${c.explanation} ${c.deciderWarning}` : c.explanation}
        confirmLabel={c.confirm}
        busy={leave.isPending}
        onConfirm={async () => {
          try {
            await leave.mutateAsync();
            queryClient.removeQueries({ queryKey: circleKeys.circle(circle.client.id) });
            await queryClient.invalidateQueries({ queryKey: circleKeys.mine });
            navigate(circlePaths.list(), { state: { left: name } });
          } catch (error) {
            setFailed({ key: nextKey(), error });
          }
        }}
      >
        {c.button}
      </ConfirmButton>
    </section>
  );
}

/** The overview: the client, what I may see and do, and leaving. Agenda-only members see names only. */
export function OverviewSection({ circle, base }: { circle: Circle; base: string }) {
  const { t, locale, formatDate } = useI18n();
  const c = t.circle;
  const labels = codeLabels(locale);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(0);
  const level = circle.myAccess.level;
  const cl = circle.client;

  if (level === 'agenda') {
    return (
      <>
        <Alert kind="info" title={c.agenda.title(cl.givenName)}>
          <Paragraph>{c.agenda.text(cl.givenName)}</Paragraph>
        </Alert>
        <h3 className="utrecht-heading-3">{c.agenda.peopleTitle}</h3>
        <ul className="utrecht-unordered-list mk-list" data-testid="agenda-people">
          {circle.members.map((m) => (
            <li className="utrecht-unordered-list__item" key={m.id}>
              <MemberName member={m} /> <span className="mk-muted">– {labels.kind(m.kind).toLowerCase()}</span>
            </li>
          ))}
        </ul>
        <Paragraph>{c.agenda.more(cl.givenName)}</Paragraph>
        <Leave circle={circle} />
      </>
    );
  }

  const counts = { informal: 0, volunteer: 0, professional: 0 };
  for (const m of circle.members) counts[groupOf(m.kind)] += 1;
  const rows: [string, ReactNode][] = [
    [c.overview.name, fullName(cl)],
    [c.overview.birthDate, cl.birthDate ? formatDate(cl.birthDate) : t.common.none],
    [c.overview.municipality, cl.municipalityName],
    [c.overview.careSituation, cl.careSituation ?? t.common.none],
    [c.overview.careNeeds, cl.careNeeds.length ? cl.careNeeds.map(labels.careNeed).join(', ') : t.common.none],
    ...(cl.bsn ? ([[c.overview.bsn, cl.bsn]] as [string, ReactNode][]) : []),
    [c.overview.decider, cap(deciderText(circle, t))],
    [c.overview.account, cl.hasAccount ? c.overview.hasAccount(cl.givenName) : c.overview.noAccount(cl.givenName)],
  ];
  return (
    <>
      {saved > 0 && <Alert kind="ok" title={c.overview.saved} focus={saved} />}
      {editing ? (
        <ClientForm
          circle={circle}
          onDone={(ok) => {
            setEditing(false);
            if (ok) setSaved(nextKey());
          }}
        />
      ) : (
        <>
          <DataList rows={rows} />
          {level === 'manage' && (
            <Paragraph>
              <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => setEditing(true)}>
                {c.overview.edit}
              </button>
            </Paragraph>
          )}
        </>
      )}
      <h3 className="utrecht-heading-3">{c.overview.youTitle}</h3>
      <Paragraph>
        {circle.myAccess.isClient ? c.overview.youClient : c.overview.youLevel(c.levels[level])} {c.levelHelp[level]}
      </Paragraph>
      <Paragraph>{circle.myAccess.canDecide ? c.overview.youDecide : c.overview.otherDecides(deciderText(circle, t))}</Paragraph>
      <h3 className="utrecht-heading-3">{c.overview.circleTitle}</h3>
      <Paragraph>{c.overview.counts(circle.members.length, counts.informal, counts.volunteer, counts.professional, circle.organisations.length)}</Paragraph>
      <ul className="utrecht-link-list mk-link-list mk-link-list--inline">
        <li className="utrecht-link-list__item">
          <TextLink to={`${base}/kaart`}>{c.overview.toMap}</TextLink>
        </li>
        <li className="utrecht-link-list__item">
          <TextLink to={`${base}/mensen`}>{level === 'manage' ? c.overview.toPeopleManage : c.overview.toPeople}</TextLink>
        </li>
        {circle.myAccess.canDecide && (
          <li className="utrecht-link-list__item">
            <TextLink to={`${base}/toegang`}>{c.overview.toAccess}</TextLink>
          </li>
        )}
      </ul>
      <Leave circle={circle} />
    </>
  );
}
