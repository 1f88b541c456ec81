import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { InvitationInput, MembershipRole } from '../../common/schemas.ts';
import { api } from '../api.ts';
import { canManageStaff, useMe } from '../auth.ts';
import { useI18n } from '../i18n/index.tsx';
import type { Invitation, Me, Member, Organisation } from '../types.ts';
import { ErrorSummary, SelectField, SubmitButton, TextField, useFormFailure, zodErrorMap } from '../components/Form.tsx';
import { Alert, Empty, LoadError, Loading, StatusBadge, nextKey } from '../components/Feedback.tsx';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { PageHeading, Section, useHashTarget } from '../components/PageHeading.tsx';

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
      <dl className="utrecht-data-list mk-data-list">
        {rows.map(([key, value]) => (
          <div className="utrecht-data-list__item" key={key}>
            <dt className="utrecht-data-list__item-key">{key}</dt>
            <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{value}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

function Members({ organisationId }: { organisationId: string }) {
  const { t, formatDate } = useI18n();
  const members = useQuery({ queryKey: ['organisation', organisationId, 'members'], queryFn: () => api.get<{ items: Member[] }>(`/api/organisations/${organisationId}/members`) });
  if (members.isPending) return <Loading />;
  if (members.isError) return <LoadError error={members.error} onRetry={() => void members.refetch()} />;
  if (members.data.items.length === 0) return <Empty>{t.organisation.noMembers}</Empty>;
  return (
    <DataTable
      caption={t.organisation.membersCaption}
      rows={members.data.items}
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
  );
}

const STATUS_TONE = { open: 'warning', accepted: 'success', revoked: 'neutral', expired: 'neutral' } as const;

function Invitations({ organisation }: { organisation: Organisation }) {
  const { t, formatDate, errorText } = useI18n();
  const queryClient = useQueryClient();
  const key = ['organisation', organisation.id, 'invitations'];
  const invitations = useQuery({ queryKey: key, queryFn: () => api.get<{ items: Invitation[] }>(`/api/organisations/${organisation.id}/invitations`) });
  const [sent, setSent] = useState<{ at: number; email: string } | null>(null);
  const [revoked, setRevoked] = useState<{ at: number; email: string } | null>(null);
  const form = useForm<Values, unknown, Output>({
    shouldFocusError: false,
    resolver: zodResolver(InvitationInput, { error: zodErrorMap(t) }),
    defaultValues: { email: '', role: 'professional', jobTitle: '' },
  });
  const failure = useFormFailure(form.setError, ['email', 'role', 'jobTitle']);
  const invite = useMutation({ mutationFn: (body: Output) => api.post<{ id: string }>(`/api/organisations/${organisation.id}/invitations`, body) });
  const revoke = useMutation({
    mutationFn: (invitation: Invitation) => api.delete(`/api/organisations/${organisation.id}/invitations/${invitation.id}`),
    onSuccess: (_data, invitation) => {
      setRevoked({ at: nextKey(), email: invitation.email });
      return queryClient.invalidateQueries({ queryKey: key });
    },
  });

  return (
    <>
      <Section id="uitnodigen" title={t.organisation.inviteTitle} headingLevel={3}>
        <p className="utrecht-paragraph">{t.organisation.inviteIntro}</p>
        {sent && <Alert kind="ok" title={t.organisation.inviteSent(sent.email)} focus={sent.at} />}
        <ErrorSummary failure={failure.failure} errors={form.formState.errors} idPrefix="invite" labels={{ email: t.fields.email, role: t.fields.role, jobTitle: t.fields.jobTitle }} />
        <form
          className="utrecht-form mk-form"
          noValidate
          aria-labelledby="uitnodigen"
          onSubmit={form.handleSubmit(async (values) => {
            try {
              await invite.mutateAsync({ ...values, jobTitle: values.jobTitle || null });
              failure.clear();
              form.reset({ email: '', role: values.role, jobTitle: '' });
              setSent({ at: nextKey(), email: values.email });
              await queryClient.invalidateQueries({ queryKey: key });
            } catch (error) {
              failure.server(error);
            }
          }, failure.invalid)}
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
          <div className="utrecht-button-group mk-actions">
            <SubmitButton busy={invite.isPending}>{t.organisation.inviteSubmit}</SubmitButton>
          </div>
        </form>
      </Section>
      <Section id="uitnodigingen" title={t.organisation.invitationsTitle} headingLevel={3}>
        {revoked && <Alert kind="ok" title={t.organisation.revoked(revoked.email)} focus={revoked.at} />}
        {revoke.isError && <Alert kind="error" title={errorText(revoke.error)} focus={revoke.error} />}
        {invitations.isPending ? (
          <Loading />
        ) : invitations.isError ? (
          <LoadError error={invitations.error} onRetry={() => void invitations.refetch()} />
        ) : invitations.data.items.length === 0 ? (
          <Empty>{t.organisation.noInvitations}</Empty>
        ) : (
          <DataTable
            caption={t.organisation.invitationsTitle}
            rows={invitations.data.items}
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
  const organisation = useQuery({ queryKey: ['organisation', id], queryFn: () => api.get<Organisation>(`/api/organisations/${id}`) });
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
          <p className="utrecht-paragraph">
            <Link className="utrecht-link utrecht-link--html-a" to="/organisaties">
              {t.organisation.back}
            </Link>
          </p>
        </>
      ) : (
        <>
          {me.memberships.some((m) => m.organisationId === id && m.role === 'professional') && (
            <p className="utrecht-paragraph">
              <Link className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" to={`/organisaties/${id}/clienten`}>
                {t.caseload.orgLink}
              </Link>
            </p>
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
