import { useEffect, useId, useRef, useState, type ComponentProps, type ReactNode, type Ref } from 'react';
import type { FieldErrors, FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../api.ts';
import { useI18n, type Dict } from '../i18n/index.tsx';

/** A failed submit: a new key each time, so the summary takes focus again. */
export interface Failure {
  key: number;
  error?: unknown;
}

let failureCounter = 0;

/** Keeps track of the last failed submit of a form (client-side or server-side). */
export function useFormFailure<T extends FieldValues>(setError?: UseFormSetError<T>, fields?: readonly string[]) {
  const [failure, setFailure] = useState<Failure | null>(null);
  return {
    failure,
    clear: () => setFailure(null),
    /** Client-side validation failed. */
    invalid: () => setFailure({ key: ++failureCounter }),
    /** The server said no: field errors go next to the fields, the rest to the summary. */
    server: (error: unknown) => {
      if (error instanceof ApiError && setError) {
        for (const fieldError of error.fieldErrors) {
          const name = fieldError.path.replace(/^\//, '').replace(/\//g, '.');
          if (!fields || fields.includes(name)) setError(name as Path<T>, { type: 'server', message: fieldError.message });
        }
      }
      setFailure({ key: ++failureCounter, error });
    },
  };
}

/** Makes zod's own messages (those the shared schemas do not set) plain and in the right language. */
export function zodErrorMap(t: Dict) {
  return (issue: { code?: string; minimum?: unknown; maximum?: unknown; origin?: string; format?: string; input?: unknown }) => {
    switch (issue.code) {
      case 'too_small':
        if (issue.origin === 'string') return Number(issue.minimum) <= 1 || issue.input === '' ? t.validation.required : t.validation.tooShort(Number(issue.minimum));
        return t.validation.invalid;
      case 'too_big':
        return issue.origin === 'string' ? t.validation.tooLong(Number(issue.maximum)) : t.validation.invalid;
      case 'invalid_format':
        return issue.format === 'email' ? t.validation.email : issue.format === 'uuid' ? t.validation.uuid : t.validation.invalid;
      case 'invalid_value':
        return t.validation.choose;
      case 'invalid_type':
        return issue.input === undefined || issue.input === null || issue.input === '' ? t.validation.required : t.validation.invalid;
      default:
        return t.validation.invalid;
    }
  };
}

/** rhf's errors, or a plain map of messages (for forms without rhf). */
type ErrorsLike = FieldErrors | Record<string, { message?: string } | undefined>;

function flatten(errors: ErrorsLike, prefix = ''): { name: string; message: string }[] {
  const out: { name: string; message: string }[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value) continue;
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value.message === 'string' && value.message) out.push({ name, message: value.message });
    else if (typeof value === 'object' && !('type' in value)) out.push(...flatten(value as ErrorsLike, name));
  }
  return out;
}

/**
 * The error summary at the top of a form (NL Design System pattern): says what went wrong,
 * links to each field, and takes focus after a failed submit so it is read out.
 */
export function ErrorSummary({ failure, errors, idPrefix, labels }: { failure: Failure | null; errors: ErrorsLike; idPrefix: string; labels: Record<string, string> }) {
  const { t, errorText, serverText } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const focusedKey = useRef<number | null>(null);
  const headingId = useId();
  const fieldErrors = failure ? flatten(errors) : [];
  const apiError = failure?.error;
  let message: string | null = null;
  if (apiError !== undefined) {
    message = apiError instanceof ApiError && apiError.code === 'validation_failed' && apiError.fieldErrors.length ? t.common.checkFields : errorText(apiError);
    if (apiError instanceof ApiError && apiError.fieldErrors.length) {
      for (const fe of apiError.fieldErrors) {
        const name = fe.path.replace(/^\//, '').replace(/\//g, '.');
        if (!labels[name]) fieldErrors.push({ name: '', message: `${fe.path}: ${fe.message}` });
      }
    }
  }
  // A server message that is already shown next to a field is not repeated.
  if (message !== null && fieldErrors.some((f) => serverText(f.message) === message)) message = null;
  const visible = failure !== null && (message !== null || fieldErrors.length > 0);
  useEffect(() => {
    // Once per failed submit, as soon as there is something to show (rhf may publish errors a render later).
    if (visible && failure && focusedKey.current !== failure.key) {
      focusedKey.current = failure.key;
      ref.current?.focus();
    }
  }, [visible, failure]);
  if (!visible) return null;
  return (
    <div ref={ref} tabIndex={-1} className="utrecht-alert utrecht-alert--error mk-error-summary" aria-labelledby={headingId}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <h2 id={headingId} className="utrecht-heading-2 mk-alert-heading">
            {fieldErrors.length === 0 ? t.common.errorTitle : t.common.checkTitle}
          </h2>
          {message && <p className="utrecht-paragraph">{message}</p>}
          {fieldErrors.length > 0 && (
            <ul className="utrecht-unordered-list mk-error-summary__list">
              {fieldErrors.map((e, i) => (
                <li className="utrecht-unordered-list__item" key={`${e.name}-${i}`}>
                  {e.name && labels[e.name] ? (
                    <a
                      className="utrecht-link utrecht-link--html-a"
                      href={`#${idPrefix}-${e.name.replace(/\./g, '-')}`}
                      onClick={(event) => {
                        event.preventDefault();
                        const target = document.getElementById(`${idPrefix}-${e.name.replace(/\./g, '-')}`);
                        target?.focus();
                        target?.scrollIntoView({ block: 'center' });
                      }}
                    >
                      {labels[e.name]}: {serverText(e.message)}
                    </a>
                  ) : (
                    serverText(e.message)
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}

function describedBy(...ids: unknown[]): string | undefined {
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

type InputProps = Omit<ComponentProps<'input'>, 'id'> & {
  idPrefix: string;
  name: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  optional?: boolean;
  ref?: Ref<HTMLInputElement>;
  /** Extra class for the input (e.g. a width). */
  inputClassName?: string;
};

/** A labelled text input with its description and error tied to it (aria-describedby). */
export function TextField({ idPrefix, name, label, description, error, optional, inputClassName, ref, ...input }: InputProps) {
  const { t } = useI18n();
  const id = `${idPrefix}-${name.replace(/\./g, '-')}`;
  return (
    <div className={`utrecht-form-field utrecht-form-field--text mk-field${error ? ' utrecht-form-field--invalid' : ''}`}>
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
        <input
          ref={ref}
          id={id}
          name={name}
          className={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}${inputClassName ? ` ${inputClassName}` : ''}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(description && `${id}-description`, error && `${id}-error`)}
          {...input}
        />
      </div>
    </div>
  );
}

type SelectProps = Omit<ComponentProps<'select'>, 'id'> & {
  idPrefix: string;
  name: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  optional?: boolean;
  options: { value: string; label: string }[];
  ref?: Ref<HTMLSelectElement>;
};

export function SelectField({ idPrefix, name, label, description, error, optional, options, ref, ...select }: SelectProps) {
  const { t } = useI18n();
  const id = `${idPrefix}-${name.replace(/\./g, '-')}`;
  return (
    <div className={`utrecht-form-field utrecht-form-field--select mk-field${error ? ' utrecht-form-field--invalid' : ''}`}>
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
        <select
          ref={ref}
          id={id}
          name={name}
          className={`utrecht-select utrecht-select--html-select${error ? ' utrecht-select--invalid' : ''}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(description && `${id}-description`, error && `${id}-error`)}
          {...select}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

type RadioInputProps = Omit<ComponentProps<'input'>, 'id' | 'type' | 'value'>;

/** A group of radio buttons in a fieldset with a legend. */
export function RadioGroup({
  idPrefix,
  name,
  legend,
  description,
  error,
  options,
  inputProps,
}: {
  idPrefix: string;
  name: string;
  legend: ReactNode;
  description?: ReactNode;
  error?: string;
  options: { value: string; label: ReactNode; description?: ReactNode }[];
  inputProps: RadioInputProps & { ref?: Ref<HTMLInputElement> };
}) {
  const id = `${idPrefix}-${name.replace(/\./g, '-')}`;
  return (
    <div className={`utrecht-form-fieldset mk-field${error ? ' utrecht-form-fieldset--invalid' : ''}`}>
      <fieldset
        className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset"
        aria-describedby={describedBy(description && `${id}-description`, error && `${id}-error`)}
        aria-invalid={error ? true : undefined}
      >
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
        {description && (
          <div className="utrecht-form-field-description" id={`${id}-description`}>
            {description}
          </div>
        )}
        <FieldError id={`${id}-error`} message={error} />
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${option.value}`;
          return (
            <div className="utrecht-form-field utrecht-form-field--radio mk-choice" key={option.value}>
              <input
                type="radio"
                id={optionId}
                value={option.value}
                className={`utrecht-radio-button utrecht-radio-button--html-input${error ? ' utrecht-radio-button--invalid' : ''}`}
                aria-describedby={option.description ? `${optionId}-description` : undefined}
                {...inputProps}
              />
              <div>
                <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={optionId}>
                  {option.label}
                </label>
                {option.description && (
                  <div className="utrecht-form-field-description" id={`${optionId}-description`}>
                    {option.description}
                  </div>
                )}
              </div>
            </div>
          );
        })}
      </fieldset>
    </div>
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
  /** The textarea's own size class (default `mk-textarea`). */
  textareaClassName?: string;
};

/** A labelled multi-line text field with its description and error tied to it (aria-describedby). */
export function TextAreaField({ idPrefix, name, label, description, error, optional, ref, rows = 4, textareaClassName = 'mk-textarea', ...textarea }: TextAreaProps) {
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
          rows={rows}
          className={`utrecht-textarea utrecht-textarea--html-textarea ${textareaClassName}${error ? ' utrecht-textarea--invalid' : ''}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(description && `${id}-description`, error && `${id}-error`)}
          {...textarea}
        />
      </div>
    </div>
  );
}

type CheckboxInputProps = Omit<ComponentProps<'input'>, 'id' | 'type' | 'value'> & { ref?: Ref<HTMLInputElement> };

/** A group of checkboxes in a fieldset with a legend (several answers possible, one value per box). */
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
  layout,
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
  /** How the options are laid out on wide screens: flowing columns (`mk-checks`) or a grid (`mk-choice-columns`). */
  layout?: 'columns' | 'grid';
}) {
  const { t } = useI18n();
  const id = `${idPrefix}-${name.replace(/\./g, '-')}`;
  return (
    <div className={`utrecht-form-fieldset mk-field${error ? ' utrecht-form-fieldset--invalid' : ''}`}>
      <fieldset
        className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset"
        aria-describedby={describedBy(description && `${id}-description`, error && `${id}-error`)}
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
        <div className={layout === 'columns' ? 'mk-checks' : layout === 'grid' ? 'mk-choice-columns' : undefined}>
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

/**
 * One checkbox with its label (and an optional description). In a form the id is
 * `${idPrefix}-${name}` (for the error summary links); a box outside a form's field flow
 * (a filter, several boxes with one name) gets its own `id` instead.
 */
export function CheckboxField({
  idPrefix,
  id: explicitId,
  name,
  label,
  description,
  ref,
  ...input
}: Omit<ComponentProps<'input'>, 'id' | 'type'> & { idPrefix?: string; id?: string; name: string; label: ReactNode; description?: ReactNode; ref?: Ref<HTMLInputElement> }) {
  const id = explicitId ?? `${idPrefix}-${name.replace(/\./g, '-')}`;
  return (
    <div className={`utrecht-form-field utrecht-form-field--checkbox mk-choice${explicitId ? '' : ' mk-field'}`}>
      <input ref={ref} type="checkbox" id={id} name={name} className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom" aria-describedby={description ? `${id}-description` : undefined} {...input} />
      {description ? (
        <div>
          <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
            {label}
          </label>
          <div className="utrecht-form-field-description" id={`${id}-description`}>
            {description}
          </div>
        </div>
      ) : (
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
          {label}
        </label>
      )}
    </div>
  );
}

/** The main button of a form; stays focusable while busy (aria-disabled) and says it is working. */
export function SubmitButton({ busy, children, busyLabel, variant = 'primary' }: { busy?: boolean; children: ReactNode; busyLabel?: string; variant?: 'primary' | 'secondary' }) {
  const { t } = useI18n();
  return (
    <button
      type="submit"
      className={`utrecht-button utrecht-button--${variant}-action utrecht-button--submit${busy ? ' utrecht-button--busy' : ''}`}
      aria-disabled={busy ? true : undefined}
      onClick={(event) => {
        // Busy: the button keeps focus (no `disabled`), but does not send the form twice.
        if (busy) event.preventDefault();
      }}
    >
      {busy ? (busyLabel ?? t.common.busy) : children}
    </button>
  );
}
