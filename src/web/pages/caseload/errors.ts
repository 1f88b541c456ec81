import { ApiError } from '../../api.ts';

/**
 * Prepares a server error for a form whose body is nested: field paths such as
 * "/client/bsn" become the form's own field names ("/bsn"). The messages themselves
 * already come in the interface language (the server renders them by Accept-Language).
 */
export function forForm(error: unknown, stripPrefix?: string): unknown {
  if (!(error instanceof ApiError) || !stripPrefix) return error;
  return new ApiError({
    status: error.status,
    code: error.code,
    detail: error.detail,
    method: error.method,
    path: error.path,
    fieldErrors: error.fieldErrors.map((fe) => ({
      path: fe.path.startsWith(stripPrefix) ? fe.path.slice(stripPrefix.length - 1) : fe.path,
      message: fe.message,
    })),
  });
}
