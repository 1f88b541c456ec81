import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import type { Circle } from '../../../common/circle-schemas.ts';
import { KEY_CONTACT_KINDS } from '../../../common/key-info-schemas.ts';
import { useI18n } from '../../i18n/index.tsx';
import { FormShell, SelectField, SubmitButton, TextAreaField, TextField, useFormFailure, useSubmit, zodErrorMap } from '../form/index.ts';
import { fullName } from '../circle/labels.ts';
import { ButtonRow } from '../ui.tsx';
import { keyInfoApi } from './api.ts';

const text = (max: number, tooLong: string) => z.string().trim().max(max, { message: tooLong });

/** Adds a key contact: kind, name, phone, note. `onAdded` reloads the list. */
export function ContactForm({ clientId, onAdded }: { clientId: string; onAdded: () => Promise<void> }) {
  const { t } = useI18n();
  const k = t.keyInfo.contacts;
  const schema = z.object({
    kind: z.enum(KEY_CONTACT_KINDS),
    name: z.string().trim().min(1, { message: k.nameRequired }).max(200, { message: k.tooLong }),
    phone: z
      .string()
      .trim()
      .max(40, { message: k.phoneInvalid })
      .regex(/^[0-9+()\-. ]*$/, { message: k.phoneInvalid }),
    note: text(1000, k.tooLong),
  });
  type Values = z.input<typeof schema>;
  const empty: Values = { kind: 'gp', name: '', phone: '', note: '' };
  const form = useForm<Values>({ shouldFocusError: false, resolver: zodResolver(schema, { error: zodErrorMap(t) }), defaultValues: empty });
  const failure = useFormFailure(form.setError, ['kind', 'name', 'phone', 'note']);
  const add = useMutation({ mutationFn: (v: z.output<typeof schema>) => keyInfoApi.addContact(clientId, { kind: v.kind, name: v.name, phone: v.phone || null, note: v.note || null }) });
  const onSubmit = useSubmit(form, failure, (v) => add.mutateAsync(v), async () => {
    form.reset(empty);
    await onAdded();
  });
  const e = form.formState.errors;
  return (
    <FormShell form={form} failure={failure} idPrefix="contact" labels={{ kind: k.kind, name: k.name, phone: k.phone, note: k.note }} aria-label={k.formLabel} onSubmit={onSubmit}>
      <SelectField idPrefix="contact" label={k.kind} options={KEY_CONTACT_KINDS.map((v) => ({ value: v, label: k.kinds[v] }))} error={e.kind?.message} {...form.register('kind')} />
      <TextField idPrefix="contact" label={k.name} autoComplete="off" error={e.name?.message} {...form.register('name')} />
      <TextField idPrefix="contact" label={k.phone} type="tel" autoComplete="off" optional error={e.phone?.message} {...form.register('phone')} />
      <TextAreaField idPrefix="contact" label={k.note} rows={2} optional error={e.note?.message} {...form.register('note')} />
      <ButtonRow>
        <SubmitButton busy={add.isPending}>{k.add}</SubmitButton>
      </ButtonRow>
    </FormShell>
  );
}

/** Adds a medicine: name, dose, when, note. */
export function MedicationForm({ clientId, onAdded }: { clientId: string; onAdded: () => Promise<void> }) {
  const { t } = useI18n();
  const k = t.keyInfo.medications;
  const schema = z.object({
    name: z.string().trim().min(1, { message: k.nameRequired }).max(200, { message: k.tooLong }),
    dose: text(200, k.tooLong),
    when: text(200, k.tooLong),
    note: text(1000, k.tooLong),
  });
  type Values = z.input<typeof schema>;
  const empty: Values = { name: '', dose: '', when: '', note: '' };
  const form = useForm<Values>({ shouldFocusError: false, resolver: zodResolver(schema, { error: zodErrorMap(t) }), defaultValues: empty });
  const failure = useFormFailure(form.setError, ['name', 'dose', 'when', 'note']);
  const add = useMutation({ mutationFn: (v: z.output<typeof schema>) => keyInfoApi.addMedication(clientId, { name: v.name, dose: v.dose || null, when: v.when || null, note: v.note || null }) });
  const onSubmit = useSubmit(form, failure, (v) => add.mutateAsync(v), async () => {
    form.reset(empty);
    await onAdded();
  });
  const e = form.formState.errors;
  return (
    <FormShell form={form} failure={failure} idPrefix="medicijn" labels={{ name: k.name, dose: k.dose, when: k.when, note: k.note }} aria-label={k.formLabel} onSubmit={onSubmit}>
      <TextField idPrefix="medicijn" label={k.name} autoComplete="off" error={e.name?.message} {...form.register('name')} />
      <TextField idPrefix="medicijn" label={k.dose} autoComplete="off" optional error={e.dose?.message} {...form.register('dose')} />
      <TextField idPrefix="medicijn" label={k.when} description={k.whenHelp} autoComplete="off" optional error={e.when?.message} {...form.register('when')} />
      <TextAreaField idPrefix="medicijn" label={k.note} rows={2} optional error={e.note?.message} {...form.register('note')} />
      <ButtonRow>
        <SubmitButton busy={add.isPending}>{k.add}</SubmitButton>
      </ButtonRow>
    </FormShell>
  );
}

/** Adds a row to the emergency plan: the task, and a member of the circle or another person's name who takes it over. */
export function PlanForm({ clientId, members, onAdded }: { clientId: string; members: Circle['members']; onAdded: () => Promise<void> }) {
  const { t } = useI18n();
  const k = t.keyInfo.plan;
  const schema = z
    .object({
      task: z.string().trim().min(1, { message: k.taskRequired }).max(300, { message: k.tooLong }),
      takeoverMemberId: z.string(),
      takeoverName: text(200, k.tooLong),
      note: text(1000, k.tooLong),
    })
    .refine((v) => v.takeoverMemberId !== '' || v.takeoverName !== '', { path: ['takeoverName'], message: k.takeoverRequired });
  type Values = z.input<typeof schema>;
  const empty: Values = { task: '', takeoverMemberId: '', takeoverName: '', note: '' };
  const form = useForm<Values>({ shouldFocusError: false, resolver: zodResolver(schema, { error: zodErrorMap(t) }), defaultValues: empty });
  const failure = useFormFailure(form.setError, ['task', 'takeoverMemberId', 'takeoverName', 'note']);
  const add = useMutation({
    mutationFn: (v: z.output<typeof schema>) =>
      keyInfoApi.addPlanRow(clientId, { task: v.task, takeoverMemberId: v.takeoverMemberId || null, takeoverName: v.takeoverMemberId ? null : v.takeoverName || null, note: v.note || null }),
  });
  const onSubmit = useSubmit(form, failure, (v) => add.mutateAsync(v), async () => {
    form.reset(empty);
    await onAdded();
  });
  const e = form.formState.errors;
  const chosen = useWatch({ control: form.control, name: 'takeoverMemberId' });
  return (
    <FormShell
      form={form}
      failure={failure}
      idPrefix="noodplan"
      labels={{ task: k.task, takeoverMemberId: k.member, takeoverName: k.name, note: k.note }}
      aria-label={k.formLabel}
      onSubmit={onSubmit}
    >
      <TextField idPrefix="noodplan" label={k.task} description={k.taskHelp} autoComplete="off" error={e.task?.message} {...form.register('task')} />
      <SelectField
        idPrefix="noodplan"
        label={k.member}
        options={[{ value: '', label: k.memberNone }, ...members.map((m) => ({ value: m.id, label: fullName(m) }))]}
        error={e.takeoverMemberId?.message}
        {...form.register('takeoverMemberId')}
      />
      {chosen === '' && <TextField idPrefix="noodplan" label={k.name} autoComplete="off" error={e.takeoverName?.message} {...form.register('takeoverName')} />}
      <TextAreaField idPrefix="noodplan" label={k.note} rows={2} optional error={e.note?.message} {...form.register('note')} />
      <ButtonRow>
        <SubmitButton busy={add.isPending}>{k.add}</SubmitButton>
      </ButtonRow>
    </FormShell>
  );
}
