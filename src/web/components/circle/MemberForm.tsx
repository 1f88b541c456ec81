import { useEffect, useRef } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { Circle } from '../../../common/circle-schemas.ts';
import { ACCESS_LEVELS, CLOSENESS, MEMBER_KINDS, RELATIONSHIP_CODES, ROLE_CODES, TIES } from '../../../common/codes.ts';
import { useI18n } from '../../i18n/index.tsx';
import { CheckboxField, FormShell, RadioGroup, SelectField, SubmitButton, TextField, useFormFailure, useSubmit, zodErrorMap } from '../form/index.ts';
import { HelpFields, dateField, hoursField, hoursValue, orNull } from './fields.tsx';
import { circleApi, refreshCircle } from './api.ts';
import { codeLabels, codeOptions, fullName, type CircleMember } from './labels.ts';
import { ButtonRow } from '../ui.tsx';

const FIELDS = [
  'kind',
  'givenName',
  'familyName',
  'roleCode',
  'relationshipCode',
  'closeness',
  'tie',
  'helpKinds',
  'hoursPerWeek',
  'availability',
  'since',
  'email',
  'phone',
  'organisationName',
  'jobTitle',
  'isMainCaregiver',
  'isRepresentative',
  'accessLevel',
] as const;

/**
 * Add a person to the circle, or change one (manage level). People without an account can
 * be on the map too; inviting them is a separate step.
 */
export function MemberForm({ circle, member, onDone, onCancel }: { circle: Circle; member?: CircleMember; onDone: (message: string, memberId: string) => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const c = t.circle;
  const f = c.form;
  const labels = codeLabels(locale);
  const queryClient = useQueryClient();
  const clientId = circle.client.id;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const idPrefix = member ? `wijzig-${member.id.slice(0, 8)}` : 'nieuw';
  // Only whoever decides gives or moves the roles that carry the decision (main caregiver, representative).
  const decides = circle.myAccess.canDecide;
  const schema = z
    .object({
      kind: z.enum(MEMBER_KINDS, { error: () => f.kindRequired }),
      givenName: z.string().trim().min(1).max(100),
      familyName: z.string().trim().max(100),
      roleCode: z.string(),
      relationshipCode: z.string(),
      closeness: z.enum(CLOSENESS, { error: () => t.validation.choose }),
      tie: z.enum(TIES, { error: () => t.validation.choose }),
      helpKinds: z.array(z.string()),
      hoursPerWeek: hoursField(t),
      availability: z.string().trim().max(300),
      since: dateField(t, 'past'),
      email: z
        .string()
        .trim()
        .refine((v) => v === '' || z.email().safeParse(v).success, { message: t.validation.email }),
      phone: z
        .string()
        .trim()
        .refine((v) => v === '' || /^[+0-9 ()-]{6,20}$/.test(v), { message: f.phoneInvalid }),
      organisationName: z.string().trim().max(200),
      jobTitle: z.string().trim().max(100),
      isMainCaregiver: z.boolean(),
      isRepresentative: z.boolean(),
      accessLevel: z.enum(ACCESS_LEVELS),
    })
    .refine((v) => !v.isMainCaregiver || v.kind === 'caregiver', { message: f.mainOnlyCaregiver, path: ['isMainCaregiver'] });
  type Values = z.input<typeof schema>;
  type Output = z.output<typeof schema>;
  const d = member?.details;
  const form = useForm<Values, unknown, Output>({
    shouldFocusError: false,
    resolver: zodResolver(schema, { error: zodErrorMap(t) }),
    defaultValues: {
      kind: member?.kind,
      givenName: member?.givenName ?? '',
      familyName: member?.familyName ?? '',
      roleCode: d?.roleCode ?? '',
      relationshipCode: d?.relationshipCode ?? '',
      closeness: d?.closeness ?? 'middle',
      tie: d?.tie ?? 'strong',
      helpKinds: d?.helpKinds ?? [],
      hoursPerWeek: d?.hoursPerWeek === null || d?.hoursPerWeek === undefined ? '' : String(d.hoursPerWeek).replace('.', ','),
      availability: d?.availability ?? '',
      since: d?.since ?? '',
      email: d?.email ?? '',
      phone: d?.phone ?? '',
      organisationName: d?.organisationName ?? '',
      jobTitle: d?.jobTitle ?? '',
      isMainCaregiver: member?.isMainCaregiver ?? false,
      isRepresentative: d?.isRepresentative ?? false,
      accessLevel: 'agenda',
    },
  });
  const { register, formState, setError, control } = form;
  const errors = formState.errors;
  const failure = useFormFailure(setError, FIELDS);
  const kind = useWatch({ control, name: 'kind' });
  const name = (useWatch({ control, name: 'givenName' }) ?? '').trim() || f.thisPerson;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const save = useMutation({
    mutationFn: async (v: Output): Promise<string> => {
      const body = {
        kind: v.kind,
        givenName: v.givenName,
        familyName: v.familyName,
        roleCode: orNull(v.roleCode),
        relationshipCode: orNull(v.relationshipCode),
        closeness: v.closeness,
        tie: v.tie,
        helpKinds: v.helpKinds,
        hoursPerWeek: hoursValue(v.hoursPerWeek),
        availability: orNull(v.availability),
        since: orNull(v.since),
        email: orNull(v.email),
        phone: orNull(v.phone),
        organisationName: v.kind === 'professional' ? orNull(v.organisationName) : null,
        jobTitle: v.kind === 'professional' ? orNull(v.jobTitle) : null,
        ...(decides ? { isMainCaregiver: v.kind === 'caregiver' && v.isMainCaregiver, isRepresentative: v.isRepresentative } : {}),
      };
      if (member) {
        await circleApi.updateMember(clientId, member.id, body);
        return member.id;
      }
      const created = await circleApi.addMember(clientId, decides ? { ...body, accessLevel: v.accessLevel } : body);
      return created.id;
    },
  });

  const labelsFor = {
    kind: f.kind,
    givenName: f.givenName,
    familyName: f.familyName,
    roleCode: f.role,
    relationshipCode: f.relationship,
    closeness: f.closeness,
    tie: f.tie,
    helpKinds: f.helpKinds,
    hoursPerWeek: f.hours,
    availability: f.availability,
    since: f.since,
    email: f.email,
    phone: f.phone,
    organisationName: f.organisationName,
    jobTitle: f.jobTitle,
    isMainCaregiver: f.isMainCaregiver,
    isRepresentative: f.isRepresentative,
    accessLevel: f.accessLevel,
  };
  const headingId = `${idPrefix}-titel`;
  const onSubmit = useSubmit(form, failure, save.mutateAsync, async (id, values) => {
    await refreshCircle(queryClient, clientId);
    const who = [values.givenName, values.familyName].filter(Boolean).join(' ');
    onDone(member ? f.saved(who) : f.added(who), id);
  });

  return (
    <section className="mk-card mk-member-form" aria-labelledby={headingId}>
      <h3 className="utrecht-heading-3" id={headingId} ref={headingRef} tabIndex={-1}>
        {member ? f.editTitle(fullName(member)) : f.addTitle}
      </h3>
      <FormShell form={form} failure={failure} idPrefix={idPrefix} labels={labelsFor} aria-labelledby={headingId} onSubmit={onSubmit}>
        <RadioGroup
          idPrefix={idPrefix}
          name="kind"
          legend={f.kind}
          error={errors.kind?.message}
          options={MEMBER_KINDS.map((k) => ({ value: k, label: labels.kind(k), description: f.kindHelp[k] }))}
          inputProps={register('kind')}
        />
        <TextField idPrefix={idPrefix} label={f.givenName} autoComplete="off" error={errors.givenName?.message} {...register('givenName')} />
        <TextField idPrefix={idPrefix} label={f.familyName} optional autoComplete="off" error={errors.familyName?.message} {...register('familyName')} />
        <SelectField
          idPrefix={idPrefix}
          label={f.relationship}
          description={f.relationshipHelp(circle.client.givenName)}
          optional
          error={errors.relationshipCode?.message}
          options={[{ value: '', label: f.choose }, ...codeOptions(RELATIONSHIP_CODES, locale)]}
          {...register('relationshipCode')}
        />
        <SelectField
          idPrefix={idPrefix}
          label={f.role}
          description={f.roleHelp}
          optional
          error={errors.roleCode?.message}
          options={[{ value: '', label: f.choose }, ...codeOptions(ROLE_CODES, locale)]}
          {...register('roleCode')}
        />
        {kind === 'professional' && (
          <>
            <TextField idPrefix={idPrefix} label={f.organisationName} optional autoComplete="off" error={errors.organisationName?.message} {...register('organisationName')} />
            <TextField idPrefix={idPrefix} label={f.jobTitle} optional autoComplete="off" error={errors.jobTitle?.message} {...register('jobTitle')} />
          </>
        )}
        <RadioGroup
          idPrefix={idPrefix}
          name="closeness"
          legend={f.closeness}
          error={errors.closeness?.message}
          options={CLOSENESS.map((ring) => ({ value: ring, label: c.closeness[ring], description: f.closenessHelp[ring] }))}
          inputProps={register('closeness')}
        />
        <RadioGroup
          idPrefix={idPrefix}
          name="tie"
          legend={f.tie}
          error={errors.tie?.message}
          options={TIES.map((tie) => ({ value: tie, label: c.ties[tie], description: f.tieHelp[tie] }))}
          inputProps={register('tie')}
        />
        <HelpFields
          idPrefix={idPrefix}
          legend={f.helpKinds}
          hoursLabel={f.hours}
          hoursHelp={f.hoursHelp}
          helpKinds={{ input: register('helpKinds'), error: errors.helpKinds?.message }}
          hours={{ input: register('hoursPerWeek'), error: errors.hoursPerWeek?.message }}
        />
        <TextField idPrefix={idPrefix} label={f.availability} description={f.availabilityHelp} optional error={errors.availability?.message} {...register('availability')} />
        <TextField idPrefix={idPrefix} label={f.since} type="date" optional inputClassName="mk-textbox--date" error={errors.since?.message} {...register('since')} />
        <TextField idPrefix={idPrefix} label={f.email} type="email" inputMode="email" optional autoComplete="off" spellCheck={false} error={errors.email?.message} {...register('email')} />
        <TextField idPrefix={idPrefix} label={f.phone} type="tel" inputMode="tel" optional autoComplete="off" error={errors.phone?.message} {...register('phone')} />
        {decides ? (
          <>
            {kind === 'caregiver' && <CheckboxField idPrefix={idPrefix} label={f.isMainCaregiver} description={f.isMainCaregiverHelp} {...register('isMainCaregiver')} />}
            {errors.isMainCaregiver?.message && (
              <p className="utrecht-form-field-error-message" id={`${idPrefix}-isMainCaregiver-error`}>
                {errors.isMainCaregiver.message}
              </p>
            )}
            <CheckboxField idPrefix={idPrefix} label={f.isRepresentative} description={f.isRepresentativeHelp} {...register('isRepresentative')} />
          </>
        ) : (
          <p className="utrecht-paragraph mk-muted">{f.rolesNotDecider}</p>
        )}
        {!member &&
          (decides ? (
            <SelectField
              idPrefix={idPrefix}
              label={f.accessLevel}
              description={f.accessLevelHelp(name)}
              options={ACCESS_LEVELS.map((level) => ({ value: level, label: c.levels[level] }))}
              {...register('accessLevel')}
            />
          ) : (
            <p className="utrecht-paragraph mk-muted">{f.accessLevelNotDecider}</p>
          ))}
        <ButtonRow>
          <SubmitButton busy={save.isPending}>{member ? f.submitEdit : f.submitAdd}</SubmitButton>
          <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onCancel}>
            {f.cancel}
          </button>
        </ButtonRow>
      </FormShell>
    </section>
  );
}
