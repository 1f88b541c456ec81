import { ERRORS, type ErrorCode, type Problem } from '../../common/errors.ts';

/** An error with a stable code; leaves the server as application/problem+json. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fieldErrors?: { path: string; message: string }[];

  constructor(code: ErrorCode, detail?: string, fieldErrors?: { path: string; message: string }[]) {
    super(detail ?? ERRORS[code].nl);
    this.code = code;
    this.status = ERRORS[code].status;
    this.fieldErrors = fieldErrors;
  }
}


/** Renders an error code as an RFC 9457 problem document in the given language. */
export function toProblem(code: ErrorCode, locale: 'nl' | 'en', detail?: string, fieldErrors?: Problem['errors']): Problem {
  const entry = ERRORS[code];
  return {
    type: `https://mantelkring.nl/problems/${code.replace(/_/g, '-')}`,
    title: entry[locale],
    status: entry.status,
    detail: detail ?? entry[locale],
    code,
    ...(fieldErrors?.length ? { errors: fieldErrors } : {}),
  };
}
