import type { KeyInfo } from '../../../common/key-info-schemas.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ConfirmButton } from '../ConfirmButton.tsx';
import { DataTable } from '../DataTable.tsx';
import { Empty } from '../Feedback.tsx';
import type { KeyInfoSegment } from './api.ts';

type Remove = (segment: KeyInfoSegment, id: string) => void;

/** A remove button (after a confirm) that says in words what it removes. */
function RemoveButton({ label, busy, onConfirm }: { label: string; busy: boolean; onConfirm: () => void }) {
  const { t } = useI18n();
  const k = t.keyInfo;
  return (
    <ConfirmButton question={k.removeQuestion} explanation={k.removeExplanation} confirmLabel={k.removeConfirm} busy={busy} onConfirm={onConfirm}>
      {k.remove}
      <span className="mk-visually-hidden"> {label}</span>
    </ConfirmButton>
  );
}

/**
 * The three tables of key information. With `onRemove` each row gets a remove button
 * (the screen); without it they are plain tables (the print block).
 */
export function KeyInfoTables({ info, onRemove, removing, headingLevel = 3 }: { info: KeyInfo; onRemove?: Remove; removing?: string | null; headingLevel?: 2 | 3 }) {
  const { t } = useI18n();
  const k = t.keyInfo;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const hClass = headingLevel === 2 ? 'utrecht-heading-2' : 'utrecht-heading-3';
  const dash = (v: string | null) => v ?? '–';
  const action = <T extends { id: string }>(segment: KeyInfoSegment, label: (r: T) => string) =>
    onRemove ? [{ key: 'remove', header: k.remove, cell: (r: T) => <RemoveButton label={label(r)} busy={removing === r.id} onConfirm={() => onRemove(segment, r.id)} /> }] : [];
  return (
    <>
      <H className={hClass}>{k.contacts.title}</H>
      {info.contacts.length === 0 ? (
        <Empty>{k.contacts.empty}</Empty>
      ) : (
        <DataTable
          caption={k.contacts.title}
          rowKey={(r) => r.id}
          rows={info.contacts}
          columns={[
            { key: 'kind', header: k.contacts.kind, cell: (r) => k.contacts.kinds[r.kind] },
            { key: 'name', header: k.contacts.name, cell: (r) => r.name },
            { key: 'phone', header: k.contacts.phone, cell: (r) => (r.phone ? <a href={`tel:${r.phone.replace(/[^0-9+]/g, '')}`}>{r.phone}</a> : '–') },
            { key: 'note', header: k.contacts.note, cell: (r) => dash(r.note) },
            ...action<KeyInfo['contacts'][number]>('contacts', (r) => k.contacts.itemLabel(r.name)),
          ]}
        />
      )}
      <H className={hClass}>{k.medications.title}</H>
      {info.medications.length === 0 ? (
        <Empty>{k.medications.empty}</Empty>
      ) : (
        <DataTable
          caption={k.medications.title}
          rowKey={(r) => r.id}
          rows={info.medications}
          columns={[
            { key: 'name', header: k.medications.name, cell: (r) => r.name },
            { key: 'dose', header: k.medications.dose, cell: (r) => dash(r.dose) },
            { key: 'when', header: k.medications.when, cell: (r) => dash(r.when) },
            { key: 'note', header: k.medications.note, cell: (r) => dash(r.note) },
            ...action<KeyInfo['medications'][number]>('medications', (r) => k.medications.itemLabel(r.name)),
          ]}
        />
      )}
      <H className={hClass}>{k.plan.title}</H>
      <p className="utrecht-paragraph">{k.plan.intro}</p>
      {info.emergencyPlan.length === 0 ? (
        <Empty>{k.plan.empty}</Empty>
      ) : (
        <DataTable
          caption={k.plan.title}
          rowKey={(r) => r.id}
          rows={info.emergencyPlan}
          columns={[
            { key: 'task', header: k.plan.task, cell: (r) => r.task },
            { key: 'takeover', header: k.plan.takeover, cell: (r) => r.takeover.name ?? k.plan.unknownPerson },
            { key: 'note', header: k.plan.note, cell: (r) => dash(r.note) },
            ...action<KeyInfo['emergencyPlan'][number]>('emergency-plan', (r) => k.plan.itemLabel(r.task)),
          ]}
        />
      )}
    </>
  );
}
