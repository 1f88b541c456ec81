import { ERRORS, type ErrorCode, type Problem } from '../common/errors.ts';

export type Locale = 'nl' | 'en';
export interface FieldError {
  path: string;
  message: string;
}

/** An error answer of the API (application/problem+json), or a network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly detail: string;
  readonly fieldErrors: FieldError[];
  readonly method: string;
  readonly path: string;

  constructor(init: { status: number; code: ErrorCode; detail: string; fieldErrors?: FieldError[]; method: string; path: string }) {
    super(init.detail);
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.method = init.method;
    this.path = init.path;
  }
}

let apiLocale: Locale = 'nl';
/** The language the server should answer error messages in. */
export function setApiLocale(locale: Locale): void {
  apiLocale = locale;
}

type Listener = (error: ApiError) => void;
const listeners = new Set<Listener>();
/** Subscribes to every API error (used for "log in again" and "set up 2FA first"). */
export function onApiError(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const isErrorCode = (value: unknown): value is ErrorCode => typeof value === 'string' && value in ERRORS;

/** Sends one JSON request to our own API; throws ApiError on an error answer. */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    'accept-language': apiLocale,
  };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError({ status: 0, code: 'unavailable', detail: ERRORS.unavailable[apiLocale], method, path });
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = undefined;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const problem = (data ?? {}) as Partial<Problem>;
    const code: ErrorCode = isErrorCode(problem.code) ? problem.code : response.status >= 500 ? 'internal' : 'validation_failed';
    const error = new ApiError({
      status: response.status,
      code,
      detail: typeof problem.detail === 'string' && problem.detail ? problem.detail : ERRORS[code][apiLocale],
      fieldErrors: Array.isArray(problem.errors) ? problem.errors : [],
      method,
      path,
    });
    for (const listener of listeners) listener(error);
    throw error;
  }
  return data as T;
}

/** Builds a query string, leaving out empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};
