import { useRef } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { TextField } from '../form/index.ts';

export interface AgreementRow {
  key: number;
  text: string;
  owner: string;
  due: string;
}

let rowCounter = 0;
export const newAgreementRow = (init?: Partial<Omit<AgreementRow, 'key'>>): AgreementRow => ({ key: ++rowCounter, text: '', owner: '', due: '', ...init });

/**
 * The follow-up agreements of a scan: what, who, by when. Rows can be added and removed; a
 * new row gets focus, and after removing one focus goes to a sensible place.
 */
export function AgreementsEditor({ idPrefix, rows, onChange, errors }: { idPrefix: string; rows: AgreementRow[]; onChange: (rows: AgreementRow[]) => void; errors: Record<string, { message?: string } | undefined> }) {
  const { t } = useI18n();
  const addRef = useRef<HTMLButtonElement>(null);
  const focusLater = (id: string) => window.setTimeout(() => document.getElementById(id)?.focus(), 0);
  const update = (key: number, patch: Partial<AgreementRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <div className="mk-agreements">
      {rows.length === 0 && <p className="utrecht-paragraph mk-muted">{t.scan.noAgreements}</p>}
      <ol className="mk-agreements__list">
        {rows.map((row, index) => (
          <li key={row.key} className="mk-agreements__row">
            <fieldset className="utrecht-form-fieldset--html-fieldset mk-agreements__fieldset">
              <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t.scan.agreementN(index + 1)}</legend>
              <div className="mk-agreements__fields">
                <TextField
                  idPrefix={idPrefix}
                  name={`agreements.${index}.text`}
                  label={t.scan.agreementWhat}
                  description={index === 0 ? t.scan.agreementWhatHelp : undefined}
                  value={row.text}
                  maxLength={500}
                  error={errors[`agreements.${index}.text`]?.message}
                  onChange={(event) => update(row.key, { text: event.target.value })}
                />
                <TextField
                  idPrefix={idPrefix}
                  name={`agreements.${index}.owner`}
                  label={t.scan.agreementWho}
                  optional
                  value={row.owner}
                  maxLength={100}
                  onChange={(event) => update(row.key, { owner: event.target.value })}
                />
                <TextField
                  idPrefix={idPrefix}
                  name={`agreements.${index}.due`}
                  label={t.scan.agreementDue}
                  optional
                  type="date"
                  value={row.due}
                  inputClassName="mk-textbox--date"
                  error={errors[`agreements.${index}.due`]?.message}
                  onChange={(event) => update(row.key, { due: event.target.value })}
                />
              </div>
              <button
                type="button"
                className="utrecht-button utrecht-button--subtle mk-agreements__remove"
                onClick={() => {
                  const next = rows.filter((r) => r.key !== row.key);
                  onChange(next);
                  if (next.length === 0) addRef.current?.focus();
                  else focusLater(`${idPrefix}-agreements-${Math.min(index, next.length - 1)}-text`);
                }}
              >
                {t.scan.agreementRemove(index + 1)}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <button
        ref={addRef}
        type="button"
        className="utrecht-button utrecht-button--secondary-action"
        onClick={() => {
          onChange([...rows, newAgreementRow()]);
          focusLater(`${idPrefix}-agreements-${rows.length}-text`);
        }}
      >
        {t.scan.agreementAdd}
      </button>
    </div>
  );
}
