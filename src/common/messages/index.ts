import { platformMessages } from './platform.ts';
import { accountMessages } from './accounts.ts';
import { circleMessages } from './circles.ts';
import { burdenMessages } from './burden.ts';
import { fhirMessages } from './fhir.ts';
import { threadMessages } from './threads.ts';
import { notificationMessages } from './notifications.ts';
import { logbookMessages } from './logbook.ts';
import { keyInfoMessages } from './key-info.ts';
import { recurrenceMessages } from './recurrence.ts';
import { attachmentsMessages } from './attachments.ts';
import { agreementsMessages } from './agreements.ts';

/**
 * Specific refusal messages, one stable key each, in Dutch (B1) and English. A use case
 * throws `new AppError(code, { key, params })`; the server renders the text in the caller's
 * language (`renderMessage`), and the problem document carries the key and parameters too,
 * so a client can choose its own words. One file per domain, merged here.
 *
 * Text may hold `{name}` placeholders, filled from the parameters.
 */
export const MESSAGES = {
  ...platformMessages,
  ...accountMessages,
  ...circleMessages,
  ...burdenMessages,
  ...fhirMessages,
  ...threadMessages,
  ...notificationMessages,
  ...logbookMessages,
  ...keyInfoMessages,
  ...recurrenceMessages,
  ...attachmentsMessages,
  ...agreementsMessages,
} as const;

export type MessageKey = keyof typeof MESSAGES;
export type MessageParams = Record<string, string | number>;
/** A message: its key, or its key with parameters. */
export type Msg = MessageKey | { key: MessageKey; params?: MessageParams };

export const isMessageKey = (value: unknown): value is MessageKey => typeof value === 'string' && Object.hasOwn(MESSAGES, value);

/** The key and parameters of a message. */
export function messageParts(msg: Msg): { key: MessageKey; params: MessageParams } {
  return typeof msg === 'string' ? { key: msg, params: {} } : { key: msg.key, params: msg.params ?? {} };
}

/** Fills `{name}` placeholders. Unknown placeholders stay as they are. */
export function fillTemplate(text: string, params: MessageParams): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/**
 * The text to show for a message that may be a key: schemas in src/common write their own
 * messages as keys (`{ message: 'email_invalid' }`), so server and web show them in the
 * reader's language. Any other text is shown as it is.
 */
export function messageText(text: string, locale: 'nl' | 'en'): string {
  return isMessageKey(text) ? renderMessage(text, locale) : text;
}

/** The text of a message in a language. */
export function renderMessage(msg: Msg, locale: 'nl' | 'en'): string {
  const { key, params } = messageParts(msg);
  return fillTemplate(MESSAGES[key][locale], params);
}
