import type { ComponentProps, ReactNode, Ref } from 'react';
import './common.css';
import { useI18n } from '../../i18n/index.tsx';

/**
 * Form fields the shared Form.tsx does not have yet (a text area, a group of checkboxes),
 * built the same way: label, description and error tied to the control with aria-describedby.
 */

function describedBy(...ids: (string | false | undefined | null)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id.length > 0);
  return list.length ? list.join(' ') : undefined;
}

function ErrorText({ id, message }: { id: string; message?: string }) {
  const { t, serverText } = useI18n();
  if (!message) return null;
  return (
    <p className="utrecht-form-field__error-message utrecht-form-field-error-message" id={id}>
      <span className="mk-visually-hidden">{t.common.errorPrefix} </span>
      {serverText(message)}
    </p>
  );
}

type TextAreaProps = Omit<ComponentProps<'textarea'>, 'id'> & {
  idPrefix: string;
  name: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  optional?: boolean;
  ref?: Ref<HTMLTextAreaElement>;
};

/** A labelled multi-line text field. */
export function TextAreaField({ idPrefix, name, label, description, error, optional, ref, rows = 4, ...textarea }: TextAreaProps) {
  const { t } = useI18n();
  const id = `${idPrefix}-${name.replace(/\./g, '-')}`;
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
      <ErrorText id={`${id}-error`} message={error} />
      <div className="utrecht-form-field__input">
        <textarea
          ref={ref}
          id={id}
          name={name}
          rows={rows}
          className={`utrecht-textarea utrecht-textarea--html-textarea mk-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(description ? `${id}-description` : null, error ? `${id}-error` : null)}
          {...textarea}
        />
      </div>
    </div>
  );
}

type CheckboxInputProps = Omit<ComponentProps<'input'>, 'id' | 'type' | 'value'> & { ref?: Ref<HTMLInputElement> };

/** A group of checkboxes in a fieldset with a legend (several answers possible). */
export function CheckboxGroup({
  idPrefix,
  name,
  legend,
  description,
  error,
  optional,
  options,
  inputProps,
  checked,
  columns,
}: {
  idPrefix: string;
  name: string;
  legend: ReactNode;
  description?: ReactNode;
  error?: string;
  optional?: boolean;
  options: { value: string; label: ReactNode }[];
  inputProps: CheckboxInputProps;
  /** For controlled boxes: the values that are checked (leave out with react-hook-form's register). */
  checked?: readonly string[];
  /** Lay the options out in columns on wide screens. */
  columns?: boolean;
}) {
  const { t } = useI18n();
  const id = `${idPrefix}-${name.replace(/\./g, '-')}`;
  return (
    <div className={`utrecht-form-fieldset mk-field${error ? ' utrecht-form-fieldset--invalid' : ''}`}>
      <fieldset
        className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset"
        aria-describedby={describedBy(description ? `${id}-description` : null, error ? `${id}-error` : null)}
      >
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {legend}
          {optional && <span className="mk-optional"> {t.common.optional}</span>}
        </legend>
        {description && (
          <div className="utrecht-form-field-description" id={`${id}-description`}>
            {description}
          </div>
        )}
        <ErrorText id={`${id}-error`} message={error} />
        <div className={columns ? 'mk-choice-columns' : undefined}>
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${option.value}`;
            return (
              <div className="utrecht-form-field utrecht-form-field--checkbox mk-choice" key={option.value}>
                <input
                  type="checkbox"
                  id={optionId}
                  value={option.value}
                  className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
                  {...inputProps}
                  {...(checked ? { checked: checked.includes(option.value) } : {})}
                />
                <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={optionId}>
                  {option.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
