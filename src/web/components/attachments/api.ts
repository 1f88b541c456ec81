import type { Attachment } from '../../../common/attachments-schemas.ts';
import { ERRORS, type ErrorCode, type Problem } from '../../../common/errors.ts';
import { api, ApiError } from '../../api.ts';

const base = (clientId: string, entryId: string) => `/api/circles/${clientId}/logbook/${entryId}/attachments`;
const isErrorCode = (value: unknown): value is ErrorCode => typeof value === 'string' && value in ERRORS;

/** The attachments API of a logbook entry. */
export const attachmentsApi = {
  /** The download address of a file (a plain link: the server sends it as a download). */
  href: (clientId: string, entryId: string, attachmentId: string) => `${base(clientId, entryId)}/${attachmentId}`,
  remove: (clientId: string, entryId: string, attachmentId: string) => api.delete(`${base(clientId, entryId)}/${attachmentId}`),
  /** Sends one file as multipart/form-data; throws ApiError with the server's message when it is refused. */
  async upload(clientId: string, entryId: string, file: File, locale: 'nl' | 'en'): Promise<Attachment> {
    const path = base(clientId, entryId);
    const form = new FormData();
    form.append('file', file, file.name);
    let response: Response;
    try {
      response = await fetch(path, { method: 'POST', body: form, credentials: 'same-origin', headers: { accept: 'application/json, application/problem+json', 'accept-language': locale } });
    } catch {
      throw new ApiError({ status: 0, code: 'unavailable', detail: ERRORS.unavailable[locale], method: 'POST', path });
    }
    const data = (await response.json().catch(() => ({}))) as Partial<Problem> & Partial<Attachment>;
    if (!response.ok) {
      const code: ErrorCode = isErrorCode(data.code) ? data.code : response.status >= 500 ? 'internal' : 'validation_failed';
      throw new ApiError({ status: response.status, code, detail: typeof data.detail === 'string' && data.detail ? data.detail : ERRORS[code][locale], method: 'POST', path });
    }
    return data as Attachment;
  },
};
