/** Form parts (NL Design System form fields, the error summary, submit handling). */
export { useFormFailure, zodErrorMap, type Failure, type FormFailure } from './failure.ts';
export { ErrorSummary } from './ErrorSummary.tsx';
export { FieldError, fieldId } from './frame.tsx';
export { TextField, SelectField, TextAreaField } from './fields.tsx';
export { RadioGroup, CheckboxGroup, CheckboxField } from './choices.tsx';
export { ActionButton, SubmitButton, useSubmit, FormShell } from './submit.tsx';
