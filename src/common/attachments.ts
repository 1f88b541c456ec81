/**
 * Attachments of logbook entries (issue 16 part 5).
 *
 * Which files: decided by the file's content (magic bytes, the `file-type` library), never by
 * its name or the type the browser sends. Allowed are the files people in a circle actually
 * share — letters and reports (PDF) and photos from a phone (JPEG, PNG, WebP, HEIC/HEIF from
 * iPhones, GIF) — which a browser or viewer shows without running code from the file. Refused:
 * executables, scripts, archives (their content cannot be checked), HTML and SVG (they can run
 * script in a browser) and anything the server does not recognise. Downloads are always sent as
 * `attachment` with `nosniff`, so even an allowed file is never rendered as a page of our site.
 */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** Detected media type → what the web calls it. */
export const ATTACHMENT_TYPES = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/heic': 'HEIC',
  'image/heif': 'HEIF',
  'image/gif': 'GIF',
} as const;
export type AttachmentMediaType = keyof typeof ATTACHMENT_TYPES;

export function isAllowedMediaType(mime: string | undefined): mime is AttachmentMediaType {
  return mime !== undefined && Object.hasOwn(ATTACHMENT_TYPES, mime);
}

/** What the file input accepts (a hint only: the server decides by content). */
export const ATTACHMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,.heic,.heif,.gif,application/pdf,image/jpeg,image/png,image/webp,image/heic,image/heif,image/gif';

/**
 * A file name that is safe to store and send back: no path, no control or reserved characters,
 * at most 120 characters, with the extension of the detected type.
 */
export function sanitiseFileName(raw: string | undefined, ext: string): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  let stem = base
    .normalize('NFC')
    .replace(/\.[^.]*$/, '')
    .replace(/[\p{Cc}\p{Cf}<>:"|?*%;]/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (!stem) stem = 'bestand';
  return `${[...stem].slice(0, 120).join('')}.${ext}`;
}

/** A size in B1 words: "230 kB", "1,4 MB". */
export function formatSize(bytes: number, locale: 'nl' | 'en'): string {
  const fmt = (n: number) => n.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${fmt(Math.round(bytes / 1024))} kB`;
  return `${fmt(bytes / (1024 * 1024))} MB`;
}
