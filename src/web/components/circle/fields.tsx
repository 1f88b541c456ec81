import type { ComponentProps, ReactNode, Ref } from 'react';
import { z } from 'zod';
import { useI18n, type Dict } from '../../i18n/index.tsx';

/**
 * Two field types the shared Form components do not have (a group of checkboxes and a
 * textarea), built the same way: label or legend, description and error tied to the
 * control with aria-describedby, and ids `${idPrefix}-${name}` for the error summary links.
 */

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id.length > 0);
  return list.length ? list.join(' ') : undefined;
}

function FieldError({ id, message }: { id: string; message?: string }) {
  const { t, serverText } = useI18n();
  if (!message) return null;
  return (
    <p className="utrecht-form-field__error-message utrecht-form-field-error-message" id={id}>
      <span className="mk-visually-hidden">{t.common.errorPrefix} </span>
      {serverText(message)}
    </p>
  );
}

type CheckboxInputProps = Omit<ComponentProps<'input'>, 'id' | 'type' | 'value'> & { ref?: Ref<HTMLInputElement> };

/** A group of checkboxes in a fieldset with a legend (one value per box). */
export function CheckboxGroup({
  idPrefix,
  name,
  legend,
  description,
  error,
  optional,
  options,
  inputProps,
}: {
  idPrefix: string;
  name: string;
  legend: ReactNode;
  description?: ReactNode;
  error?: string;
  optional?: boolean;
  options: { value: string; label: ReactNode }[];
  inputProps: CheckboxInputProps;
}) {
  const { t } = useI18n();
  const id = `${idPrefix}-${name.replace(/\./g, '-')}`;
  return (
    <div className={`utrecht-form-fieldset mk-field${error ? ' utrecht-form-fieldset--invalid' : ''}`}>
      <fieldset
        className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset"
        aria-describedby={describedBy(Boolean(description) && `${id}-description`, Boolean(error) && `${id}-error`)}
        aria-invalid={error ? true : undefined}
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
        <FieldError id={`${id}-error`} message={error} />
        <div className="mk-checks">
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${option.value}`;
            return (
              <div className="utrecht-form-field utrecht-form-field--checkbox mk-choice" key={option.value}>
                <input type="checkbox" id={optionId} value={option.value} className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom" {...inputProps} />
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

/** One checkbox with its label (and an optional description). */
export function CheckboxField({ idPrefix, name, label, description, ref, ...input }: Omit<ComponentProps<'input'>, 'id' | 'type'> & { idPrefix: string; name: string; label: ReactNode; description?: ReactNode; ref?: Ref<HTMLInputElement> }) {
  const id = `${idPrefix}-${name.replace(/\./g, '-')}`;
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox mk-choice mk-field">
      <input ref={ref} type="checkbox" id={id} name={name} className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom" aria-describedby={description ? `${id}-description` : undefined} {...input} />
      <div>
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
          {label}
        </label>
        {description && (
          <div className="utrecht-form-field-description" id={`${id}-description`}>
            {description}
          </div>
        )}
      </div>
    </div>
  );
}

/** A labelled textarea. */
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
      <FieldError id={`${id}-error`} message={error} />
      <div className="utrecht-form-field__input">
        <textarea
          ref={ref}
          id={id}
          name={name}
          rows={4}
          className={`utrecht-textarea utrecht-textarea--html-textarea mk-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(Boolean(description) && `${id}-description`, Boolean(error) && `${id}-error`)}
          {...textarea}
        />
      </div>
    </div>
  );
}

/** Hours per week as typed ("2,5"): empty, or 0 to 168. */
export const hoursField = (t: Dict) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || (/^\d{1,3}([.,]\d{1,2})?$/.test(v) && Number(v.replace(',', '.')) <= 168), { message: t.circle.form.hoursInvalid });

export const hoursValue = (v: string): number | null => (v.trim() === '' ? null : Number(v.trim().replace(',', '.')));

/** A date from a date input: empty, or a real date (optionally not in the future / not in the past). */
export const dateField = (t: Dict, rule?: 'past' | 'future') =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), { message: t.circle.form.dateInvalid })
    .refine((v) => v === '' || rule !== 'past' || v <= new Date().toISOString().slice(0, 10), { message: t.circle.form.dateNotFuture })
    .refine((v) => v === '' || rule !== 'future' || v >= new Date().toISOString().slice(0, 10), { message: t.circle.form.dateNotPast });

export const orNull = (v: string | null | undefined): string | null => (v === undefined || v === null || v.trim() === '' ? null : v.trim());
