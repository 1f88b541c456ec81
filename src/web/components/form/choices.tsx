import type { ComponentProps, ReactNode, Ref } from 'react';
import { FieldsetFrame, fieldId } from './frame.tsx';

type RadioInputProps = Omit<ComponentProps<'input'>, 'id' | 'type' | 'value'>;

/** The id of one option: the first takes the field's id (the error summary links there). */
const optionId = (id: string, index: number, value: string) => (index === 0 ? id : `${id}-${value}`);

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
  const id = fieldId(idPrefix, name);
  return (
    <FieldsetFrame id={id} legend={legend} description={description} error={error}>
      {options.map((option, index) => {
        const oid = optionId(id, index, option.value);
        return (
          <div className="utrecht-form-field utrecht-form-field--radio mk-choice" key={option.value}>
            <input
              type="radio"
              id={oid}
              value={option.value}
              className={`utrecht-radio-button utrecht-radio-button--html-input${error ? ' utrecht-radio-button--invalid' : ''}`}
              aria-describedby={option.description ? `${oid}-description` : undefined}
              {...inputProps}
            />
            <div>
              <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={oid}>
                {option.label}
              </label>
              {option.description && (
                <div className="utrecht-form-field-description" id={`${oid}-description`}>
                  {option.description}
                </div>
              )}
            </div>
          </div>
        );
      })}
    </FieldsetFrame>
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
  const id = fieldId(idPrefix, name);
  return (
    <FieldsetFrame id={id} legend={legend} description={description} error={error} optional={optional}>
      <div className={layout === 'columns' ? 'mk-checks' : layout === 'grid' ? 'mk-choice-columns' : undefined}>
        {options.map((option, index) => {
          const oid = optionId(id, index, option.value);
          return (
            <div className="utrecht-form-field utrecht-form-field--checkbox mk-choice" key={option.value}>
              <input
                type="checkbox"
                id={oid}
                value={option.value}
                className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
                {...inputProps}
                {...(checked ? { checked: checked.includes(option.value) } : {})}
              />
              <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={oid}>
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
    </FieldsetFrame>
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
  const id = explicitId ?? fieldId(String(idPrefix), name);
  const labelEl = (
    <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
      {label}
    </label>
  );
  return (
    <div className={`utrecht-form-field utrecht-form-field--checkbox mk-choice${explicitId ? '' : ' mk-field'}`}>
      <input ref={ref} type="checkbox" id={id} name={name} className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom" aria-describedby={description ? `${id}-description` : undefined} {...input} />
      {description ? (
        <div>
          {labelEl}
          <div className="utrecht-form-field-description" id={`${id}-description`}>
            {description}
          </div>
        </div>
      ) : (
        labelEl
      )}
    </div>
  );
}
