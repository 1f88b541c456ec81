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

const aria = (id: string, description: ReactNode, error: string | undefined) => ({
  'aria-invalid': error ? true : undefined,
  'aria-describedby': describedBy(description && `${id}-description`, error && `${id}-error`),
});

type InputProps = Omit<ComponentProps<'input'>, 'id'> &
  FieldProps & {
    ref?: Ref<HTMLInputElement>;
    /** Extra class for the input (e.g. a width). */
    inputClassName?: string;
  };

/** A labelled text input with its description and error tied to it (aria-describedby). */
export function TextField({ idPrefix, name, label, description, error, optional, inputClassName, ref, ...input }: InputProps) {
  const id = fieldId(idPrefix, name);
  return (
    <FieldFrame id={id} kind="text" label={label} description={description} error={error} optional={optional}>
      <input
        ref={ref}
        id={id}
        name={name}
        className={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}${inputClassName ? ` ${inputClassName}` : ''}`}
        {...aria(id, description, error)}
        {...input}
      />
    </FieldFrame>
  );
}

type SelectProps = Omit<ComponentProps<'select'>, 'id'> & FieldProps & { options: { value: string; label: string }[]; ref?: Ref<HTMLSelectElement> };

export function SelectField({ idPrefix, name, label, description, error, optional, options, ref, ...select }: SelectProps) {
  const id = fieldId(idPrefix, name);
  return (
    <FieldFrame id={id} kind="select" label={label} description={description} error={error} optional={optional}>
      <select ref={ref} id={id} name={name} className={`utrecht-select utrecht-select--html-select${error ? ' utrecht-select--invalid' : ''}`} {...aria(id, description, error)} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
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
  const id = fieldId(idPrefix, name);
  return (
    <FieldFrame id={id} kind="textarea" label={label} description={description} error={error} optional={optional}>
      <textarea
        ref={ref}
        id={id}
        name={name}
        rows={rows}
        className={`utrecht-textarea utrecht-textarea--html-textarea ${textareaClassName}${error ? ' utrecht-textarea--invalid' : ''}`}
        {...aria(id, description, error)}
        {...textarea}
      />
    </FieldFrame>
  );
}
