import type { ComponentProps, ReactNode, Ref } from 'react';
import { useI18n } from '../../i18n/index.tsx';

const describedBy = (...ids: (string | false | undefined | null)[]) => ids.filter(Boolean).join(' ') || undefined;

/** A labelled multi-line text field with its description and error tied to it. */
export function TextAreaField({
  idPrefix,
  name,
  label,
  description,
  error,
  optional,
  ref,
  ...textarea
}: Omit<ComponentProps<'textarea'>, 'id'> & { idPrefix: string; name: string; label: ReactNode; description?: ReactNode; error?: string; optional?: boolean; ref?: Ref<HTMLTextAreaElement> }) {
  const { t, serverText } = useI18n();
  const id = `${idPrefix}-${name}`;
  return (
    <div className={`utrecht-form-field utrecht-form-field--textarea mk-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
          {optional && <span className="mk-optional"> {t.common.optional}</span>}
        </label>
      </div>
      {description && (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={`${id}-description`}>
          {description}
        </div>
      )}
      {error && (
        <p className="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${id}-error`}>
          <span className="mk-visually-hidden">{t.common.errorPrefix} </span>
          {serverText(error)}
        </p>
      )}
      <div className="utrecht-form-field__input">
        <textarea
          ref={ref}
          id={id}
          name={name}
          rows={4}
          className={`utrecht-textarea utrecht-textarea--html-textarea mk-bc-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(description ? `${id}-description` : null, error ? `${id}-error` : null)}
          {...textarea}
        />
      </div>
    </div>
  );
}

/** One checkbox with its label (for filters). */
export function CheckboxField({ id, label, ref, ...input }: Omit<ComponentProps<'input'>, 'type'> & { id: string; label: ReactNode; ref?: Ref<HTMLInputElement> }) {
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox mk-choice">
      <input ref={ref} type="checkbox" id={id} className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom" {...input} />
      <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}
