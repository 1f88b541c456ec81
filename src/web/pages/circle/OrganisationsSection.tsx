import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Circle } from '../../../common/circle-schemas.ts';
import { ACCESS_LEVELS, type AccessLevel } from '../../../common/codes.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Empty, OutcomeAlert, useOutcome } from '../../components/Feedback.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { SelectField, SubmitButton } from '../../components/form/index.ts';
import { CodeDisplay } from '../../components/circle/Invitations.tsx';
import type { IssuedCode } from '../../components/circle/data.ts';
import { circleApi, circleKeys, refreshCircle } from '../../components/circle/api.ts';
import { deciderText } from './OverviewSection.tsx';
import { ButtonRow, Paragraph } from '../../components/ui.tsx';

type Organisation = Circle['organisations'][number];

/** Linked care organisations; the decider links one with a code and can end a link. */
export function OrganisationsSection({ circle, onPrintCode }: { circle: Circle; onPrintCode: (issued: IssuedCode) => void }) {
  const { t, formatDate } = useI18n();
  const c = t.circle.orgs;
  const queryClient = useQueryClient();
  const [level, setLevel] = useState<AccessLevel>('full');
  const [issued, setIssued] = useState<IssuedCode | null>(null);
  const { outcome, run } = useOutcome();
  const makeCode = useMutation({ mutationFn: () => circleApi.inviteOrganisation(circle.client.id, level) });
  const unlink = useMutation({ mutationFn: (organisationId: string) => circleApi.unlinkOrganisation(circle.client.id, organisationId) });
  const decide = circle.myAccess.canDecide;
  const name = circle.client.givenName;

  return (
    <>
      <Paragraph>{c.intro(name)}</Paragraph>
      <OutcomeAlert outcome={outcome} />
      {circle.organisations.length === 0 ? (
        <Empty>{c.empty}</Empty>
      ) : (
        <DataTable<Organisation>
          caption={c.caption(name)}
          captionVisible
          rows={circle.organisations}
          rowKey={(o) => o.organisationId}
          columns={[
            { key: 'name', header: c.name, cell: (o) => <strong>{o.name}</strong> },
            { key: 'kind', header: c.kind, cell: (o) => [t.kinds[o.kind as keyof typeof t.kinds] ?? o.kind, o.sector ? (t.sectors[o.sector as keyof typeof t.sectors] ?? o.sector) : null].filter(Boolean).join(', ') },
            { key: 'level', header: c.level, cell: (o) => (o.accessLevel ? `${t.circle.levels[o.accessLevel]}${o.accessUntil ? ` (${t.circle.details.until(formatDate(o.accessUntil))})` : ''}` : t.circle.access.none) },
            { key: 'since', header: c.since, cell: (o) => formatDate(o.since) },
            ...(decide
              ? [
                  {
                    key: 'action',
                    header: t.common.action,
                    cell: (o: Organisation) => (
                      <ConfirmButton
                        variant="subtle"
                        question={c.unlinkQuestion(o.name)}
                        explanation={c.unlinkExplanation(name)}
                        confirmLabel={c.unlinkConfirm}
                        busy={unlink.isPending && unlink.variables === o.organisationId}
                        onConfirm={() =>
                          run(async () => {
                            await unlink.mutateAsync(o.organisationId);
                            await refreshCircle(queryClient, circle.client.id);
                            return c.unlinked(o.name);
                          })
                        }
                      >
                        {c.unlink}
                        <span className="mk-visually-hidden"> {o.name}</span>
                      </ConfirmButton>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <section className="mk-section" aria-labelledby="organisatie-koppelen">
        <h3 className="utrecht-heading-3" id="organisatie-koppelen">
          {c.linkTitle}
        </h3>
        {decide ? (
          <>
            <Paragraph>{c.linkIntro(name)}</Paragraph>
            <ol className="utrecht-ordered-list mk-list">
              {c.linkSteps.map((step) => (
                <li className="utrecht-ordered-list__item" key={step}>
                  {step}
                </li>
              ))}
            </ol>
            {issued ? (
              <div className="mk-card">
                <CodeDisplay issued={issued} label={c.codeLabel} onPrint={() => onPrintCode(issued)} />
                <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => setIssued(null)}>
                  {c.another}
                </button>
              </div>
            ) : (
              <form
                className="utrecht-form mk-form"
                noValidate
                aria-labelledby="organisatie-koppelen"
                onSubmit={async (event) => {
                  event.preventDefault();
                  await run(async () => {
                    setIssued(await makeCode.mutateAsync());
                    await queryClient.invalidateQueries({ queryKey: circleKeys.invitations(circle.client.id) });
                  });
                }}
              >
                <SelectField
                  idPrefix="organisatie"
                  name="level"
                  label={c.levelLabel}
                  description={c.levelHelp}
                  value={level}
                  onChange={(event) => setLevel(event.target.value as AccessLevel)}
                  options={ACCESS_LEVELS.map((l) => ({ value: l, label: t.circle.levels[l] }))}
                />
                <ButtonRow>
                  <SubmitButton busy={makeCode.isPending}>{c.makeCode}</SubmitButton>
                </ButtonRow>
              </form>
            )}
          </>
        ) : (
          <Paragraph>{c.notDecider(deciderText(circle, t))}</Paragraph>
        )}
      </section>
    </>
  );
}
