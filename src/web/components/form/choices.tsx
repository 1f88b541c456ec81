import type { ComponentProps, ReactNode, Ref } from 'react';
import { FieldsetFrame, fieldId } from './frame.tsx';

type RadioInputProps = Omit<ComponentProps<'input'>, 'id' | 'type' | 'value'>;

/** The id of one option: the first takes the field's id (the error summary links there). */
const optionId = (id: string, index: number, value: string) => (index === 0 ? id : `${id}-${value}`);

type ChoiceInput = Omit<ComponentProps<'input'>, 'id' | 'type' | 'className'> & { ref?: Ref<HTMLInputElement> };

const CHOICE_CLASSES = {
  radio: { field: 'utrecht-form-field--radio', input: 'utrecht-radio-button utrecht-radio-button--html-input', label: 'utrecht-form-label--radio' },
  checkbox: { field: 'utrecht-form-field--checkbox', input: 'utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom', label: 'utrecht-form-label--checkbox' },
} as const;

/**
 * One radio button or checkbox with its label and an optional description under the label
 * (linked with aria-describedby). A radio's label is always wrapped, so the options of a group
 * line up; `invalidClass` marks the input of a group with an error.
 */
function Choice({
  type,
  id,
  label,
  description,
  fieldClassName,
  invalidClass,
  input,
}: {
  type: 'radio' | 'checkbox';
  id: string;
  label: ReactNode;
  description?: ReactNode;
  fieldClassName?: string;
  invalidClass?: string;
  input: ChoiceInput;
}) {
  const classes = CHOICE_CLASSES[type];
  const labelEl = (
    <label className={`utrecht-form-label ${classes.label}`} htmlFor={id}>
      {label}
    </label>
  );
  return (
    <div className={`utrecht-form-field ${classes.field} mk-choice${fieldClassName ?? ''}`}>
      <input type={type} id={id} className={`${classes.input}${invalidClass ?? ''}`} aria-describedby={description ? `${id}-description` : undefined} {...input} />
      {type === 'radio' || description ? (
        <div>
          {labelEl}
          {description && (
            <div className="utrecht-form-field-description" id={`${id}-description`}>
              {description}
            </div>
          )}
        </div>
      ) : (
        labelEl
      )}
    </div>
  );
}

/** The options of a group, one `Choice` each; `input(value)` gives the props of each option's input. */
function optionChoices(type: 'radio' | 'checkbox', id: string, options: { value: string; label: ReactNode; description?: ReactNode }[], input: (value: string) => ChoiceInput, invalidClass?: string) {
  return options.map((option, index) => (
    <Choice key={option.value} type={type} id={optionId(id, index, option.value)} label={option.label} description={option.description} invalidClass={invalidClass} input={input(option.value)} />
  ));
}

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
      {optionChoices('radio', id, options, (value) => ({ value, ...inputProps }), error ? ' utrecht-radio-button--invalid' : undefined)}
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
        {optionChoices('checkbox', id, options, (value) => ({ value, ...inputProps, ...(checked ? { checked: checked.includes(value) } : {}) }))}
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
  ...input
}: Omit<ComponentProps<'input'>, 'id' | 'type'> & { idPrefix?: string; id?: string; name: string; label: ReactNode; description?: ReactNode; ref?: Ref<HTMLInputElement> }) {
  const id = explicitId ?? fieldId(String(idPrefix), name);
  return <Choice type="checkbox" id={id} label={label} description={description} fieldClassName={explicitId ? '' : ' mk-field'} input={{ name, ...input }} />;
}
