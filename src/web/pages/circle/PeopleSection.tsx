import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Circle } from '../../../common/circle-schemas.ts';
import type { AccessLevel } from '../../../common/codes.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Alert, Empty, nextKey } from '../../components/Feedback.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { MemberForm } from '../../components/circle/MemberForm.tsx';
import { InvitationList, InvitePanel } from '../../components/circle/Invitations.tsx';
import { MembersTable } from '../../components/circle/MembersTable.tsx';
import { circleApi, refreshCircle } from '../../components/circle/api.ts';
import { fullName, type CircleMember } from '../../components/circle/labels.ts';
import { Paragraph } from '../../components/ui.tsx';

type Panel = { kind: 'add' } | { kind: 'edit'; memberId: string } | { kind: 'invite'; memberId: string } | null;

/** The people of the circle as a table; with manage level: add, change, invite, remove. */
export function PeopleSection({ circle }: { circle: Circle }) {
  const { t, formatDate, errorText } = useI18n();
  const c = t.circle;
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const manage = circle.myAccess.level === 'manage';
  // "?wijzig=<id>" (from the map) opens the form for that person.
  const editFromLink = params.get('wijzig');
  const [panel, setPanel] = useState<Panel>(() => (manage && editFromLink && circle.members.some((m) => m.id === editFromLink) ? { kind: 'edit', memberId: editFromLink } : null));
  const [message, setMessage] = useState<{ key: number; text: string; ok: boolean } | null>(null);
  const remove = useMutation({ mutationFn: (memberId: string) => circleApi.removeMember(circle.client.id, memberId) });
  const close = () => {
    setPanel(null);
    if (editFromLink) setParams({}, { replace: true });
  };
  const panelMember = panel && panel.kind !== 'add' ? circle.members.find((m) => m.id === panel.memberId) : undefined;

  const access = (m: CircleMember) => {
    const d = m.details;
    if (!d) return t.common.none;
    if (!d.accessLevel) return c.details.noAccess;
    return `${c.levels[d.accessLevel as AccessLevel]}${d.accessUntil ? ` (${c.details.until(formatDate(d.accessUntil))})` : ''}`;
  };

  const columns = [
    {
      key: 'contact',
      header: c.table.contact,
      cell: (m: CircleMember) =>
        m.details?.email || m.details?.phone ? (
          <div>
            {m.details.email && <span className="mk-break">{m.details.email}</span>}
            {m.details.email && m.details.phone && <br />}
            {m.details.phone}
          </div>
        ) : (
          t.common.none
        ),
    },
    {
      key: 'access',
      header: c.table.access,
      cell: (m: CircleMember) => (
        <div>
          {access(m)}
          <br />
          <span className="mk-muted">{m.hasAccount ? c.people.hasAccount : c.people.noAccount}</span>
        </div>
      ),
    },
    ...(manage
      ? [
          {
            key: 'actions',
            header: t.common.action,
            cell: (m: CircleMember) => (
              <div className="mk-circle-actions mk-circle-actions--table">
                <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => setPanel({ kind: 'edit', memberId: m.id })}>
                  {c.people.edit}
                  <span className="mk-visually-hidden"> {fullName(m)}</span>
                </button>
                {!m.hasAccount && (
                  <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => setPanel({ kind: 'invite', memberId: m.id })}>
                    {c.people.invite}
                    <span className="mk-visually-hidden"> {fullName(m)}</span>
                  </button>
                )}
                {!m.isMe && (
                  <ConfirmButton
                    variant="subtle"
                    question={c.people.removeQuestion(fullName(m))}
                    explanation={c.people.removeExplanation}
                    confirmLabel={c.people.removeConfirm}
                    busy={remove.isPending && remove.variables === m.id}
                    onConfirm={async () => {
                      try {
                        await remove.mutateAsync(m.id);
                        await refreshCircle(queryClient, circle.client.id);
                        setMessage({ key: nextKey(), text: c.people.removed(fullName(m)), ok: true });
                      } catch (error) {
                        setMessage({ key: nextKey(), text: errorText(error), ok: false });
                      }
                    }}
                  >
                    {c.people.remove}
                    <span className="mk-visually-hidden"> {fullName(m)}</span>
                  </ConfirmButton>
                )}
              </div>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      {message && <Alert kind={message.ok ? 'ok' : 'error'} title={message.text} focus={message.key} />}
      {manage ? <p className="utrecht-paragraph">{c.people.introManage}</p> : <p className="utrecht-paragraph">{c.people.intro}</p>}
      {manage && !panel && (
        <div className="mk-circle-actions">
          <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={() => setPanel({ kind: 'add' })}>
            {c.people.add}
          </button>
        </div>
      )}
      {panel?.kind === 'add' && (
        <MemberForm
          circle={circle}
          onCancel={close}
          onDone={(text, memberId) => {
            setMessage({ key: nextKey(), text, ok: true });
            setPanel({ kind: 'invite', memberId });
          }}
        />
      )}
      {panel?.kind === 'edit' && panelMember && (
        <MemberForm
          key={panelMember.id}
          circle={circle}
          member={panelMember}
          onCancel={close}
          onDone={(text) => {
            close();
            setMessage({ key: nextKey(), text, ok: true });
          }}
        />
      )}
      {panel?.kind === 'invite' && panelMember && !panelMember.hasAccount && <InvitePanel key={panelMember.id} circle={circle} member={panelMember} onClose={close} />}
      {circle.members.length === 0 ? <Empty>{c.mapSection.empty}</Empty> : <MembersTable circle={circle} variant="people" caption={c.people.caption(fullName(circle.client))} extraColumns={columns} />}
      {manage && (
        <section className="mk-section" aria-labelledby="uitnodigingen">
          <h3 className="utrecht-heading-3" id="uitnodigingen">
            {c.invitations.title}
          </h3>
          <Paragraph>{c.invitations.intro}</Paragraph>
          <InvitationList circle={circle} />
        </section>
      )}
    </>
  );
}
