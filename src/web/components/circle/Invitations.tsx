import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Circle } from '../../../common/circle-schemas.ts';
import { query } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Alert, Empty, LoadError, Loading, StatusBadge, nextKey } from '../Feedback.tsx';
import { ConfirmButton } from '../ConfirmButton.tsx';
import { DataTable } from '../DataTable.tsx';
import { RadioGroup, SubmitButton, TextField } from '../form/index.ts';
import type { IssuedCode } from './data.ts';
import { circleApi, circleKeys } from './api.ts';
import { fullName, type CircleMember } from './labels.ts';
import { ButtonRow, Paragraph } from '../ui.tsx';

/** A code shown big, with its end date and buttons to copy and print it. */
export function CodeDisplay({ issued, onPrint, label }: { issued: IssuedCode; onPrint?: () => void; label: string }) {
  const { t, formatDate } = useI18n();
  const c = t.circle.code;
  const [copied, setCopied] = useState(0);
  const link = `${window.location.origin}/kring-uitnodiging${query({ code: issued.code })}`;
  return (
    <div className="mk-code-display">
      <Paragraph>{label}</Paragraph>
      <p className="mk-code-big" data-testid="invitation-code" aria-label={c.spelled(issued.code.split('').join(' '))}>
        {issued.code}
      </p>
      <Paragraph>{c.validUntil(formatDate(issued.expiresAt))}</Paragraph>
      <p className="utrecht-paragraph mk-muted">
        {c.orLink} <span className="mk-break">{link}</span>
      </p>
      <div className="mk-circle-actions">
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(issued.code);
              setCopied(nextKey());
            } catch {
              setCopied(-nextKey());
            }
          }}
        >
          {c.copy}
        </button>
        {onPrint && (
          <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onPrint}>
            {c.print}
          </button>
        )}
      </div>
      <p className="utrecht-paragraph" role="status">
        {copied > 0 ? c.copied : copied < 0 ? c.copyFailed : ''}
      </p>
    </div>
  );
}

/** Invite one person on the map to join with their own account: by e-mail or with a code. */
export function InvitePanel({ circle, member, onClose }: { circle: Circle; member: CircleMember; onClose: () => void }) {
  const { t, errorText } = useI18n();
  const c = t.circle.invite;
  const queryClient = useQueryClient();
  const knownEmail = member.details?.email ?? '';
  const [how, setHow] = useState<'email' | 'code'>(knownEmail ? 'email' : 'code');
  const [email, setEmail] = useState(knownEmail);
  const [emailError, setEmailError] = useState<string | undefined>(undefined);
  const [result, setResult] = useState<{ issued: IssuedCode; email: string | null } | null>(null);
  const [failed, setFailed] = useState<{ key: number; error: unknown } | null>(null);
  const invite = useMutation({ mutationFn: (body: { email?: string }) => circleApi.inviteMember(circle.client.id, member.id, body) });
  const name = fullName(member);
  const idPrefix = `uitnodigen-${member.id.slice(0, 8)}`;
  const headingId = `${idPrefix}-titel`;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section className="mk-card" aria-labelledby={headingId} data-testid="invite-panel">
      <h3 className="utrecht-heading-3" id={headingId} tabIndex={-1} ref={headingRef}>
        {c.title(name)}
      </h3>
      {result ? (
        <>
          <Alert kind="ok" title={result.email ? c.sent(result.email) : c.codeReady(member.givenName)} focus={result.issued.id} />
          <CodeDisplay issued={result.issued} label={c.codeLabel(member.givenName)} />
          <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onClose}>
            {t.common.done}
          </button>
        </>
      ) : (
        <form
          className="utrecht-form mk-form"
          noValidate
          aria-labelledby={headingId}
          onSubmit={async (event) => {
            event.preventDefault();
            const address = email.trim();
            if (how === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
              setEmailError(t.validation.email);
              document.getElementById(`${idPrefix}-email`)?.focus();
              return;
            }
            setEmailError(undefined);
            try {
              const issued = await invite.mutateAsync(how === 'email' ? { email: address } : {});
              await queryClient.invalidateQueries({ queryKey: circleKeys.invitations(circle.client.id) });
              setResult({ issued, email: how === 'email' ? address : (member.details?.email ?? null) });
            } catch (error) {
              setFailed({ key: nextKey(), error });
            }
          }}
        >
          <Paragraph>{c.intro(name, circle.client.givenName)}</Paragraph>
          <RadioGroup
            idPrefix={idPrefix}
            name="how"
            legend={c.how}
            options={[
              { value: 'email', label: c.byEmail, description: c.byEmailHelp },
              { value: 'code', label: c.byCode, description: knownEmail ? c.byCodeHelpWithMail : c.byCodeHelp },
            ]}
            inputProps={{
              name: `${idPrefix}-how`,
              onChange: (event) => setHow(event.target.value as 'email' | 'code'),
              // The shared RadioGroup passes the same props to each option: keep "checked" in step here.
              ref: (el) => {
                if (el) el.checked = el.value === how;
              },
            }}
          />
          {how === 'email' && (
            <TextField idPrefix={idPrefix} name="email" label={c.email} type="email" inputMode="email" autoComplete="off" spellCheck={false} value={email} error={emailError} onChange={(event) => setEmail(event.target.value)} />
          )}
          {failed && <Alert kind="error" title={errorText(failed.error)} focus={failed.key} />}
          <ButtonRow>
            <SubmitButton busy={invite.isPending}>{how === 'email' ? c.submitEmail : c.submitCode}</SubmitButton>
            <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onClose}>
              {t.circle.form.cancel}
            </button>
          </ButtonRow>
        </form>
      )}
    </section>
  );
}

const STATUS_TONE = { open: 'warning', accepted: 'success', revoked: 'neutral', expired: 'neutral' } as const;

/** Invitations of the circle, with "revoke" for the open ones (manage level). */
export function InvitationList({ circle }: { circle: Circle }) {
  const { t, formatDate, errorText } = useI18n();
  const c = t.circle.invitations;
  const queryClient = useQueryClient();
  const key = circleKeys.invitations(circle.client.id);
  const list = useQuery({ queryKey: key, queryFn: () => circleApi.invitations(circle.client.id) });
  const [done, setDone] = useState<{ key: number; text: string; ok: boolean } | null>(null);
  const revoke = useMutation({ mutationFn: (id: string) => circleApi.revokeInvitation(circle.client.id, id) });
  if (list.isPending) return <Loading />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.items;
  return (
    <>
      {done && <Alert kind={done.ok ? 'ok' : 'error'} title={done.text} focus={done.key} />}
      {items.length === 0 ? (
        <Empty>{c.empty}</Empty>
      ) : (
        <DataTable
          caption={c.caption}
          rows={items}
          rowKey={(i) => i.id}
          columns={[
            { key: 'who', header: c.who, cell: (i) => (i.forOrganisation ? c.organisation : (i.memberName ?? t.common.unknown)) },
            { key: 'how', header: c.how, cell: (i) => (i.email ? <span className="mk-break">{i.email}</span> : c.codeOnly) },
            { key: 'status', header: c.status, cell: (i) => <StatusBadge tone={STATUS_TONE[i.status]}>{t.invitationStatus[i.status]}</StatusBadge> },
            { key: 'until', header: c.validUntil, cell: (i) => formatDate(i.expiresAt) },
            { key: 'by', header: c.by, cell: (i) => i.createdBy ?? t.common.unknown },
            {
              key: 'action',
              header: t.common.action,
              cell: (i) =>
                i.status === 'open' ? (
                  <ConfirmButton
                    variant="subtle"
                    question={c.revokeQuestion}
                    explanation={c.revokeExplanation}
                    confirmLabel={c.revokeConfirm}
                    busy={revoke.isPending && revoke.variables === i.id}
                    onConfirm={async () => {
                      try {
                        await revoke.mutateAsync(i.id);
                        await queryClient.invalidateQueries({ queryKey: key });
                        setDone({ key: nextKey(), text: c.revoked, ok: true });
                      } catch (error) {
                        setDone({ key: nextKey(), text: errorText(error), ok: false });
                      }
                    }}
                  >
                    {c.revoke}
                    <span className="mk-visually-hidden"> {i.forOrganisation ? c.organisation : (i.memberName ?? '')}</span>
                  </ConfirmButton>
                ) : (
                  t.common.none
                ),
            },
          ]}
        />
      )}
    </>
  );
}
