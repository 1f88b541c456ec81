import { useState } from 'react';
import { useParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { CONTACT_KINDS } from '../../../common/caseload-schemas.ts';
import type { Circle } from '../../../common/circle-schemas.ts';
import { useI18n, type Dict } from '../../i18n/index.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Alert, ListResult, LoadError, Loading, nextKey } from '../../components/Feedback.tsx';
import { FormShell, RadioGroup, SelectField, SubmitButton, TextAreaField, TextField, useFormFailure, useSubmit, zodErrorMap } from '../../components/form/index.ts';
import { PageHeading, Section } from '../../components/PageHeading.tsx';
import '../../components/scan/common.css';
import { useCircle, circlePaths } from '../../components/circle/api.ts';
import { caseloadApi, caseloadKeys, caseloadPaths } from './api.ts';
import { forForm } from './errors.ts';
import './caseload.css';
import { ButtonRow, LinkParagraph, TextLink } from '../../components/ui.tsx';

const FIELDS = ['kind', 'memberId', 'occurredAt', 'note'] as const;

/** Now as the value of a datetime-local input (local time, minutes). */
export function localNow(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const schemaFor = (t: Dict) =>
  z.object({
    kind: z.enum(CONTACT_KINDS, { message: t.caseload.contactKindRequired }),
    memberId: z.string().min(1, { message: t.caseload.contactMemberRequired }),
    occurredAt: z
      .string()
      .refine((v) => v !== '' && !Number.isNaN(new Date(v).getTime()), { message: t.caseload.contactWhenInvalid })
      .refine((v) => new Date(v).getTime() <= Date.now() + 60_000, { message: t.caseload.contactWhenFuture }),
    note: z.string().trim().max(2000),
  });
type Values = z.input<ReturnType<typeof schemaFor>>;
type Output = z.output<ReturnType<typeof schemaFor>>;

function ContactForm({ circle, onSaved }: { circle: Circle; onSaved: () => void }) {
  const { t } = useI18n();
  const caregivers = circle.members.filter((m) => m.kind === 'caregiver');
  const main = caregivers.find((m) => m.isMainCaregiver) ?? caregivers[0];
  const [saved, setSaved] = useState<number | null>(null);
  const form = useForm<Values, unknown, Output>({
    shouldFocusError: false,
    resolver: zodResolver(schemaFor(t), { error: zodErrorMap(t) }),
    defaultValues: { kind: 'how_are_you', memberId: main?.id ?? '', occurredAt: localNow(), note: '' },
  });
  const failure = useFormFailure(form.setError, FIELDS);
  const record = useMutation({
    mutationFn: (values: Output) =>
      caseloadApi.recordContact(circle.client.id, {
        memberId: values.memberId,
        kind: values.kind,
        note: values.note || null,
        occurredAt: new Date(values.occurredAt).toISOString(),
      }),
  });
  const errors = form.formState.errors;
  const onSubmit = useSubmit(
    form,
    failure,
    record.mutateAsync,
    (_id, values) => {
      form.reset({ kind: values.kind, memberId: values.memberId, occurredAt: localNow(), note: '' });
      setSaved(nextKey());
      onSaved();
    },
    (error) => {
      setSaved(null);
      return forForm(error);
    },
  );
  if (caregivers.length === 0) {
    return (
      <Alert kind="info" title={t.caseload.noCaregivers}>
        <LinkParagraph to={circlePaths.circle(circle.client.id)}>{t.caseload.toCircle(circle.client.givenName)}</LinkParagraph>
      </Alert>
    );
  }
  return (
    <>
      {saved && <Alert kind="ok" title={t.caseload.contactSaved} focus={saved} live />}
      <FormShell
        form={form}
        failure={failure}
        idPrefix="contact"
        labels={{ kind: t.caseload.contactKind, memberId: t.caseload.contactMember, occurredAt: t.caseload.contactWhen, note: t.caseload.contactNote }}
        aria-labelledby="nieuw-contact"
        onSubmit={onSubmit}
      >
        <RadioGroup
          idPrefix="contact"
          name="kind"
          legend={t.caseload.contactKind}
          error={errors.kind?.message}
          options={CONTACT_KINDS.map((kind) => ({ value: kind, label: t.caseload.contactKinds[kind], description: kind === 'how_are_you' ? t.caseload.howAreYouHelp : undefined }))}
          inputProps={form.register('kind')}
        />
        <SelectField
          idPrefix="contact"
          label={t.caseload.contactMember}
          options={caregivers.map((m) => ({ value: m.id, label: `${m.givenName} ${m.familyName}`.trim() + (m.isMainCaregiver ? ` (${t.caseload.main})` : '') }))}
          error={errors.memberId?.message}
          {...form.register('memberId')}
        />
        <TextField
          idPrefix="contact"
          label={t.caseload.contactWhen}
          description={t.caseload.contactWhenHelp}
          type="datetime-local"
          max={localNow()}
          inputClassName="mk-textbox--date"
          error={errors.occurredAt?.message}
          {...form.register('occurredAt')}
        />
        <TextAreaField idPrefix="contact" label={t.caseload.contactNote} optional description={t.caseload.contactNoteHelp} maxLength={2000} rows={3} error={errors.note?.message} {...form.register('note')} />
        <ButtonRow>
          <SubmitButton busy={record.isPending}>{t.caseload.contactSubmit}</SubmitButton>
        </ButtonRow>
      </FormShell>
    </>
  );
}

function ContactList({ clientId }: { clientId: string }) {
  const { t, formatDateTime } = useI18n();
  const contacts = useQuery({ queryKey: caseloadKeys.contacts(clientId), queryFn: () => caseloadApi.contacts(clientId) });
  return (
    <ListResult query={contacts} empty={t.caseload.noContacts}>
      {(data) => (
        <div className="mk-contact-list">
          <DataTable
            caption={t.caseload.contactsCaption}
            rows={data.items}
            rowKey={(c) => c.id}
            columns={[
              { key: 'when', header: t.caseload.contactWhen, cell: (c) => formatDateTime(c.occurredAt) },
              { key: 'kind', header: t.caseload.contactKind, cell: (c) => t.caseload.contactKinds[c.kind as keyof typeof t.caseload.contactKinds] ?? c.kind },
              { key: 'member', header: t.caseload.contactWith, cell: (c) => c.member ?? t.common.none },
              { key: 'by', header: t.caseload.contactBy, cell: (c) => [c.professional, c.organisation].filter(Boolean).join(', ') || t.common.none },
              { key: 'note', header: t.caseload.contactNote, cell: (c) => (c.note ? <span className="mk-break">{c.note}</span> : <span className="mk-muted">{t.common.none}</span>) },
            ]}
          />
        </div>
      )}
    </ListResult>
  );
}

/** Contact moments with a client's caregivers: record one, and see the earlier ones. */
export default function ContactPage() {
  const { t } = useI18n();
  const { id = '', clientId = '' } = useParams();
  const queryClient = useQueryClient();
  const circle = useCircle(clientId);
  const name = circle.data ? `${circle.data.client.givenName} ${circle.data.client.familyName}`.trim() : null;
  return (
    <>
      <PageHeading title={name ? t.caseload.contactTitle(name) : t.caseload.contactTitleGeneric} lead={t.caseload.contactLead} />
      <ul className="mk-link-list mk-link-list--inline">
        <li>
          <TextLink to={caseloadPaths.list(id)}>{t.caseload.backToList}</TextLink>
        </li>
        {circle.data && (
          <li>
            <TextLink to={circlePaths.circle(clientId)}>{t.caseload.toCircle(circle.data.client.givenName)}</TextLink>
          </li>
        )}
      </ul>
      {circle.isPending ? (
        <Loading />
      ) : circle.isError ? (
        <LoadError error={circle.error} onRetry={() => void circle.refetch()} />
      ) : (
        <>
          <Section id="nieuw-contact" title={t.caseload.contactNew}>
            <ContactForm
              circle={circle.data}
              onSaved={() => {
                void queryClient.invalidateQueries({ queryKey: caseloadKeys.contacts(clientId) });
                void queryClient.invalidateQueries({ queryKey: caseloadKeys.all });
              }}
            />
          </Section>
          <Section id="eerdere-contacten" title={t.caseload.contactsTitle}>
            <ContactList clientId={clientId} />
          </Section>
        </>
      )}
    </>
  );
}
