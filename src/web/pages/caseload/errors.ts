import { ApiError } from '../../api.ts';

/**
 * Prepares a server error for a form: field paths of a nested body ("/client/bsn") become the
 * form's own field names ("/bsn"), and the server's Dutch messages are put in the interface
 * language where we know them.
 */
export function forForm(error: unknown, messages: Record<string, string>, stripPrefix?: string): unknown {
  if (!(error instanceof ApiError)) return error;
  const translate = (text: string) => messages[text] ?? text;
  return new ApiError({
    status: error.status,
    code: error.code,
    detail: translate(error.detail),
    method: error.method,
    path: error.path,
    fieldErrors: error.fieldErrors.map((fe) => ({
      path: stripPrefix && fe.path.startsWith(stripPrefix) ? fe.path.slice(stripPrefix.length - 1) : fe.path,
      message: translate(fe.message),
    })),
  });
}
