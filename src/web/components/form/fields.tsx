import type { ComponentProps, ReactNode, Ref } from 'react';
import { describedBy, FieldFrame, fieldId } from './frame.tsx';

interface FieldProps {
  idPrefix: string;
  name: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  optional?: boolean;
}

/** What every control of a field carries: its id and name, and the aria links to its description and error. */
interface ControlAttributes {
  id: string;
  name: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** A field's frame (label, description, error) around its control; `control` gets the attributes the control must carry. */
function Field({ kind, idPrefix, name, label, description, error, optional, control }: FieldProps & { kind: 'text' | 'select' | 'textarea'; control: (attributes: ControlAttributes) => ReactNode }) {
  const id = fieldId(idPrefix, name);
  return (
    <FieldFrame id={id} kind={kind} label={label} description={description} error={error} optional={optional}>
      {control({ id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(description && `${id}-description`, error && `${id}-error`) })}
    </FieldFrame>
  );
}

type InputProps = Omit<ComponentProps<'input'>, 'id'> &
  FieldProps & {
    ref?: Ref<HTMLInputElement>;
    /** Extra class for the input (e.g. a width). */
    inputClassName?: string;
  };

/** A labelled text input with its description and error tied to it (aria-describedby). */
export function TextField({ idPrefix, name, label, description, error, optional, inputClassName, ref, ...input }: InputProps) {
  return (
    <Field
      kind="text"
      {...{ idPrefix, name, label, description, error, optional }}
      control={(attributes) => (
        <input ref={ref} className={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}${inputClassName ? ` ${inputClassName}` : ''}`} {...attributes} {...input} />
      )}
    />
  );
}

type SelectProps = Omit<ComponentProps<'select'>, 'id'> & FieldProps & { options: { value: string; label: string }[]; ref?: Ref<HTMLSelectElement> };

export function SelectField({ idPrefix, name, label, description, error, optional, options, ref, ...select }: SelectProps) {
  return (
    <Field
      kind="select"
      {...{ idPrefix, name, label, description, error, optional }}
      control={(attributes) => (
        <select ref={ref} className={`utrecht-select utrecht-select--html-select${error ? ' utrecht-select--invalid' : ''}`} {...attributes} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

type TextAreaProps = Omit<ComponentProps<'textarea'>, 'id'> &
  FieldProps & {
    ref?: Ref<HTMLTextAreaElement>;
    /** The textarea's own size class (default `mk-textarea`). */
    textareaClassName?: string;
  };

/** A labelled multi-line text field with its description and error tied to it (aria-describedby). */
export function TextAreaField({ idPrefix, name, label, description, error, optional, ref, rows = 4, textareaClassName = 'mk-textarea', ...textarea }: TextAreaProps) {
  return (
    <Field
      kind="textarea"
      {...{ idPrefix, name, label, description, error, optional }}
      control={(attributes) => (
        <textarea ref={ref} rows={rows} className={`utrecht-textarea utrecht-textarea--html-textarea ${textareaClassName}${error ? ' utrecht-textarea--invalid' : ''}`} {...attributes} {...textarea} />
      )}
    />
  );
}
