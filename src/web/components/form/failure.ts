import { useState } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../../api.ts';
import type { Dict } from '../../i18n/index.tsx';

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


/** What `useFormFailure` gives: the last failure and the ways to set it. */
export type FormFailure = ReturnType<typeof useFormFailure>;
