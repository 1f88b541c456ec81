import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { InvitationInput, MembershipRole } from '../../common/schemas.ts';
import { canManageStaff, useMe } from '../auth.ts';
import { useI18n } from '../i18n/index.tsx';
import type { Invitation, Me, Organisation } from '../types.ts';
import { FormShell, SelectField, SubmitButton, TextField, useFormFailure, useSubmit, zodErrorMap } from '../components/form/index.ts';
import { organisationApi, organisationKeys } from '../components/organisations/api.ts';
import { Alert, ListResult, LoadError, Loading, StatusBadge, nextKey } from '../components/Feedback.tsx';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { PageHeading, Section, useHashTarget } from '../components/PageHeading.tsx';
import { ButtonRow, DataList, Paragraph } from '../components/ui.tsx';
import { ROUTES } from '../../common/paths.ts';
import { caseloadPaths } from './caseload/api.ts';

type Values = z.input<typeof InvitationInput>;
type Output = z.output<typeof InvitationInput>;

function Details({ organisation }: { organisation: Organisation }) {
  const { t, formatDate } = useI18n();
  const rows: [string, string][] = [
    [t.fields.kind, t.kinds[organisation.kind]],
    ...(organisation.sector ? ([[t.fields.sector, t.sectors[organisation.sector]]] as [string, string][]) : []),
    [t.fields.municipality, organisation.municipalityName ? `${organisation.municipalityName} (${organisation.municipalityCode})` : t.common.none],
    [t.fields.region, organisation.region ?? t.common.none],
    [t.organisation.since, formatDate(organisation.createdAt)],
  ];
  return (
    <Section id="gegevens" title={t.organisation.detailsTitle}>
      <DataList rows={rows} />
    </Section>
  );
}

function Members({ organisationId }: { organisationId: string }) {
  const { t, formatDate } = useI18n();
  const members = useQuery({ queryKey: organisationKeys.members(organisationId), queryFn: () => organisationApi.members(organisationId) });
  return (
    <ListResult query={members} empty={t.organisation.noMembers}>
      {({ items }) => (
        <DataTable
          caption={t.organisation.membersCaption}
          rows={items}
          rowKey={(m) => `${m.userId}-${m.role}`}
          columns={[
            { key: 'name', header: t.fields.name, cell: (m) => m.displayName },
            { key: 'email', header: t.fields.email, cell: (m) => <span className="mk-break">{m.email}</span> },
            { key: 'role', header: t.fields.role, cell: (m) => t.roles[m.role as keyof typeof t.roles] ?? m.role },
            { key: 'job', header: t.fields.jobTitle, cell: (m) => m.jobTitle ?? t.common.none },
            { key: '2fa', header: t.organisation.twoFactor, cell: (m) => (m.twoFactor ? <StatusBadge tone="success">{t.common.on}</StatusBadge> : <StatusBadge tone="neutral">{t.common.off}</StatusBadge>) },
            { key: 'since', header: t.organisation.memberSince, cell: (m) => formatDate(m.since) },
          ]}
        />
      )}
    </ListResult>
  );
}

const STATUS_TONE = { open: 'warning', accepted: 'success', revoked: 'neutral', expired: 'neutral' } as const;

function Invitations({ organisation }: { organisation: Organisation }) {
  const { t, formatDate, errorText } = useI18n();
  const queryClient = useQueryClient();
  const key = organisationKeys.invitations(organisation.id);
  const invitations = useQuery({ queryKey: key, queryFn: () => organisationApi.invitations(organisation.id) });
  const [sent, setSent] = useState<{ at: number; email: string } | null>(null);
  const [revoked, setRevoked] = useState<{ at: number; email: string } | null>(null);
  const form = useForm<Values, unknown, Output>({
    shouldFocusError: false,
    resolver: zodResolver(InvitationInput, { error: zodErrorMap(t) }),
    defaultValues: { email: '', role: 'professional', jobTitle: '' },
  });
  const failure = useFormFailure(form.setError, ['email', 'role', 'jobTitle']);
  const invite = useMutation({ mutationFn: (body: Output) => organisationApi.invite(organisation.id, body) });
  const onSubmit = useSubmit(
    form,
    failure,
    (values) => invite.mutateAsync({ ...values, jobTitle: values.jobTitle || null }),
    async (_result, values) => {
      form.reset({ email: '', role: values.role, jobTitle: '' });
      setSent({ at: nextKey(), email: values.email });
      await queryClient.invalidateQueries({ queryKey: key });
    },
  );
  const revoke = useMutation({
    mutationFn: (invitation: Invitation) => organisationApi.revokeInvitation(organisation.id, invitation.id),
    onSuccess: (_data, invitation) => {
      setRevoked({ at: nextKey(), email: invitation.email });
      return queryClient.invalidateQueries({ queryKey: key });
    },
  });

  return (
    <>
      <Section id="uitnodigen" title={t.organisation.inviteTitle} headingLevel={3}>
        <Paragraph>{t.organisation.inviteIntro}</Paragraph>
        {sent && <Alert kind="ok" title={t.organisation.inviteSent(sent.email)} focus={sent.at} />}
        <FormShell
          form={form}
          failure={failure}
          idPrefix="invite"
          labels={{ email: t.fields.email, role: t.fields.role, jobTitle: t.fields.jobTitle }}
          aria-labelledby="uitnodigen"
          onSubmit={onSubmit}
        >
          <TextField idPrefix="invite" label={t.fields.email} type="email" inputMode="email" autoComplete="off" spellCheck={false} error={form.formState.errors.email?.message} {...form.register('email')} />
          <SelectField
            idPrefix="invite"
            label={t.fields.role}
            description={t.organisation.roleHelp}
            options={MembershipRole.options.map((r) => ({ value: r, label: t.roles[r] }))}
            error={form.formState.errors.role?.message}
            {...form.register('role')}
          />
          <TextField idPrefix="invite" label={t.fields.jobTitle} optional description={t.organisation.jobTitleHelp} error={form.formState.errors.jobTitle?.message} {...form.register('jobTitle')} />
          <ButtonRow>
            <SubmitButton busy={invite.isPending}>{t.organisation.inviteSubmit}</SubmitButton>
          </ButtonRow>
        </FormShell>
      </Section>
      <Section id="uitnodigingen" title={t.organisation.invitationsTitle} headingLevel={3}>
        {revoked && <Alert kind="ok" title={t.organisation.revoked(revoked.email)} focus={revoked.at} />}
        {revoke.isError && <Alert kind="error" title={errorText(revoke.error)} focus={revoke.error} />}
        <ListResult query={invitations} empty={t.organisation.noInvitations}>
          {({ items }) => (
            <DataTable
              caption={t.organisation.invitationsTitle}
              rows={items}
              rowKey={(i) => i.id}
              columns={[
                { key: 'email', header: t.fields.email, cell: (i) => <span className="mk-break">{i.email}</span> },
                { key: 'role', header: t.fields.role, cell: (i) => t.roles[i.role as keyof typeof t.roles] ?? i.role },
                { key: 'status', header: t.organisation.status, cell: (i) => <StatusBadge tone={STATUS_TONE[i.status]}>{t.invitationStatus[i.status]}</StatusBadge> },
                { key: 'sent', header: t.organisation.sentOn, cell: (i) => formatDate(i.createdAt) },
                { key: 'expires', header: t.organisation.expires, cell: (i) => formatDate(i.expiresAt) },
                {
                  key: 'action',
                  header: t.common.action,
                  cell: (i) =>
                    i.status === 'open' ? (
                      <ConfirmButton
                        question={t.organisation.revokeQuestion}
                        explanation={t.organisation.revokeExplanation(i.email)}
                        confirmLabel={t.organisation.revokeConfirm}
                        busy={revoke.isPending && revoke.variables?.id === i.id}
                        onConfirm={() => revoke.mutate(i)}
                      >
                        {t.organisation.revoke}
                        <span className="mk-visually-hidden"> ({i.email})</span>
                      </ConfirmButton>
                    ) : (
                      <span className="mk-muted">{t.common.none}</span>
                    ),
                },
              ]}
            />
          )}
        </ListResult>
      </Section>
    </>
  );
}

export default function OrganisationPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const me = useMe().data as Me;
  const location = useLocation();
  const joined = (location.state as { joined?: boolean } | null)?.joined;
  const organisation = useQuery({ queryKey: organisationKeys.organisation(id), queryFn: () => organisationApi.organisation(id) });
  const manage = canManageStaff(me, id);
  useHashTarget(organisation.isSuccess);

  return (
    <>
      <PageHeading title={organisation.data?.name ?? t.organisation.title} />
      {joined && organisation.data && <Alert kind="ok" title={t.organisation.joined(organisation.data.name)} />}
      {organisation.isPending ? (
        <Loading />
      ) : organisation.isError ? (
        <>
          <LoadError error={organisation.error} />
          <Paragraph>
            <Link className="utrecht-link utrecht-link--html-a" to={ROUTES.organisations}>
              {t.organisation.back}
            </Link>
          </Paragraph>
        </>
      ) : (
        <>
          {me.memberships.some((m) => m.organisationId === id && m.role === 'professional') && (
            <Paragraph>
              <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" to={caseloadPaths.list(id)}>
                {t.caseload.orgLink}
              </Link>
            </Paragraph>
          )}
          <Details organisation={organisation.data} />
          <Section id="medewerkers" title={t.organisation.membersTitle}>
            <Members organisationId={id} />
            {manage && <Invitations organisation={organisation.data} />}
          </Section>
        </>
      )}
    </>
  );
}
