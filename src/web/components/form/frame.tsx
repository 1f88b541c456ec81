import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.tsx';

/** The id of a form field: `${idPrefix}-${name}` with dots as dashes (the error summary links to it). */
export const fieldId = (idPrefix: string, name: string) => `${idPrefix}-${name.replace(/\./g, '-')}`;

/** The ids of the description and error that belong to a field, for aria-describedby. */
export function describedBy(...ids: unknown[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id.length > 0);
  return list.length ? list.join(' ') : undefined;
}

/** The error message under a field's label (read out with "Fout:" in front). */
export function FieldError({ id, message }: { id: string; message?: string }) {
  const { t, serverText } = useI18n();
  if (!message) return null;
  return (
    <p className="utrecht-form-field__error-message utrecht-form-field-error-message" id={id}>
      <span className="mk-visually-hidden">{t.common.errorPrefix} </span>
      {serverText(message)}
    </p>
  );
}

function Optional({ optional }: { optional?: boolean }) {
  const { t } = useI18n();
  return optional ? <span className="mk-optional"> {t.common.optional}</span> : null;
}

/** A field's description (`${id}-description`) and error (`${id}-error`), the targets of its aria-describedby. */
function DescriptionAndError({ id, description, descriptionClassName, error }: { id: string; description?: ReactNode; descriptionClassName: string; error?: string }) {
  return (
    <>
      {description && (
        <div className={descriptionClassName} id={`${id}-description`}>
          {description}
        </div>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </>
  );
}

/** Label, description and error around one control (text, select, textarea). */
export function FieldFrame({ id, kind, label, description, error, optional, children }: { id: string; kind: 'text' | 'select' | 'textarea'; label: ReactNode; description?: ReactNode; error?: string; optional?: boolean; children: ReactNode }) {
  return (
    <div className={`utrecht-form-field utrecht-form-field--${kind} mk-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
          <Optional optional={optional} />
        </label>
      </div>
      <DescriptionAndError id={id} description={description} descriptionClassName="utrecht-form-field__description utrecht-form-field-description" error={error} />
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

/** A fieldset with legend, description and error around a group of radio buttons or checkboxes. */
export function FieldsetFrame({ id, legend, description, error, optional, children }: { id: string; legend: ReactNode; description?: ReactNode; error?: string; optional?: boolean; children: ReactNode }) {
  return (
    <div className={`utrecht-form-fieldset mk-field${error ? ' utrecht-form-fieldset--invalid' : ''}`}>
      <fieldset
        className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset"
        aria-describedby={describedBy(description && `${id}-description`, error && `${id}-error`)}
        aria-invalid={error ? true : undefined}
      >
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {legend}
          <Optional optional={optional} />
        </legend>
        <DescriptionAndError id={id} description={description} descriptionClassName="utrecht-form-field-description" error={error} />
        {children}
      </fieldset>
    </div>
  );
}
