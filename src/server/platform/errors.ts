import { ERRORS, type ErrorCode, type Problem } from '../../common/errors.ts';
import { messageParts, renderMessage, type Msg } from '../../common/messages/index.ts';

/** A field that is wrong; without a message of its own it shows the error's message. */
export interface FieldError {
  path: string;
  message?: Msg;
}

/**
 * An error with a stable code, and optionally a specific message (a key of
 * `common/messages`, with parameters). It leaves the server as application/problem+json in
 * the caller's language; the text is never chosen where the error is thrown.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail?: Msg;
  readonly fieldErrors?: FieldError[];

  constructor(code: ErrorCode, detail?: Msg, fieldErrors?: FieldError[]) {
    super(detail ? renderMessage(detail, 'nl') : ERRORS[code].nl);
    this.code = code;
    this.status = ERRORS[code].status;
    this.detail = detail;
    this.fieldErrors = fieldErrors;
  }

  /** The error's message in a language. */
  textIn(locale: 'nl' | 'en'): string {
    return this.detail ? renderMessage(this.detail, locale) : ERRORS[this.code][locale];
  }

  /** The wrong fields with their messages in a language. */
  fieldsIn(locale: 'nl' | 'en'): { path: string; message: string; messageKey?: string }[] {
    return (this.fieldErrors ?? []).map((f) =>
      f.message ? { path: f.path, message: renderMessage(f.message, locale), messageKey: messageParts(f.message).key } : { path: f.path, message: this.textIn(locale) },
    );
  }
}

/** What a problem's detail says: a message of our vocabulary, or a text already in the caller's language. */
export type Detail = Msg | { text: string };

/** Renders an error code (and specific message) as an RFC 9457 problem document in a language. */
export function toProblem(code: ErrorCode, locale: 'nl' | 'en', detail?: Detail, fieldErrors?: Problem['errors']): Problem {
  const entry = ERRORS[code];
  const parts = detail && !(typeof detail === 'object' && 'text' in detail) ? messageParts(detail) : null;
  const text = parts ? renderMessage(parts, locale) : detail && typeof detail === 'object' && 'text' in detail ? detail.text : entry[locale];
  return {
    type: `https://mantelkring.nl/problems/${code.replace(/_/g, '-')}`,
    title: entry[locale],
    status: entry.status,
    detail: text,
    code,
    ...(parts ? { messageKey: parts.key, ...(Object.keys(parts.params).length ? { params: parts.params } : {}) } : {}),
    ...(fieldErrors?.length ? { errors: fieldErrors } : {}),
  };
}

/** The problem document of an AppError in a language. */
export function appErrorProblem(error: AppError, locale: 'nl' | 'en'): Problem {
  return toProblem(error.code, locale, error.detail, error.fieldsIn(locale));
}
