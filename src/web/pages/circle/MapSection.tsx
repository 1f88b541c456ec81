import { useState } from 'react';
import type { Circle } from '../../../common/circle-schemas.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Empty } from '../../components/Feedback.tsx';
import { Ecomap } from '../../components/circle/Ecomap.tsx';
import { MemberDetailsPanel } from '../../components/circle/MemberDetails.tsx';
import { MembersTable } from '../../components/circle/MembersTable.tsx';
import { fullName } from '../../components/circle/labels.ts';
import { LinkParagraph, Paragraph, TextLink } from '../../components/ui.tsx';

/** The network map with a details panel and the same information as a table. */
export function MapSection({ circle, base }: { circle: Circle; base: string }) {
  const { t } = useI18n();
  const c = t.circle;
  const [selected, setSelected] = useState<string | null>(null);
  const [showTable, setShowTable] = useState(false);
  const member = circle.members.find((m) => m.id === selected) ?? null;
  if (circle.members.length === 0) {
    return (
      <Empty>
        {c.mapSection.empty}{' '}
        {circle.myAccess.level === 'manage' && (
          <TextLink to={`${base}/mensen`}>{c.mapSection.addPeople}</TextLink>
        )}
      </Empty>
    );
  }
  return (
    <>
      <Paragraph>{c.mapSection.intro(circle.client.givenName)}</Paragraph>
      <div className="mk-map-layout">
        <Ecomap circle={circle} selectedMemberId={selected} onSelectMember={(id) => setSelected((current) => (current === id ? null : id))} />
        <div className="mk-map-layout__side">
          <p className="mk-visually-hidden" role="status">
            {member ? c.mapSection.selected(fullName(member)) : ''}
          </p>
          {member ? (
            <MemberDetailsPanel member={member}>
              {circle.myAccess.level === 'manage' && (
                <LinkParagraph to={`${base}/mensen?wijzig=${member.id}`}>{c.mapSection.edit(member.givenName)}</LinkParagraph>
              )}
            </MemberDetailsPanel>
          ) : (
            <p className="utrecht-paragraph mk-empty">{c.details.pick}</p>
          )}
        </div>
      </div>
      <div className="mk-no-print">
        <button type="button" className="utrecht-button utrecht-button--secondary-action" aria-expanded={showTable} aria-controls="kaart-tabel" onClick={() => setShowTable((v) => !v)}>
          {showTable ? c.mapSection.hideTable : c.mapSection.showTable}
        </button>
      </div>
      <div id="kaart-tabel" hidden={!showTable} className="mk-block">
        {showTable && <MembersTable circle={circle} caption={c.mapSection.tableCaption(fullName(circle.client))} />}
      </div>
    </>
  );
}
