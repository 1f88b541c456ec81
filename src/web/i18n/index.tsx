import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ERRORS } from '../../common/errors.ts';
import { isMessageKey, messageText } from '../../common/messages/index.ts';
import { ApiError, setApiLocale, type Locale } from '../api.ts';
import { nl, type Dict } from './nl.ts';

export type { Dict, Locale };
const STORAGE_KEY = 'mantelkring.locale';

let english: Promise<Dict> | null = null;
/**
 * The English texts, fetched the first time they are needed: Dutch comes with the first
 * download, English (21 KB gzip of every feature) only for those who choose it.
 */
function loadEnglish(): Promise<Dict> {
  english ??= import('./en.ts').then(
    (m) => m.en,
    (error: unknown) => {
      english = null; // a later choice tries again
      throw error;
    },
  );
  return english;
}

/** The language the person chose on this device, if they chose one. */
export function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'nl' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage off: the choice then lasts for this visit only.
  }
}

interface I18n {
  locale: Locale;
  t: Dict;
  /** Changes the language of the interface and remembers it on this device. */
  setLocale(locale: Locale): void;
  /** A message of a shared schema (usually a message key) in the interface language. */
  serverText(text: string): string;
  /** The message to show for an API error. */
  errorText(error: unknown): string;
  formatDateTime(iso: string | null | undefined): string;
  formatDate(iso: string | null | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);

/**
 * A date formatter for the language, made when first asked for: making one takes tens of
 * milliseconds of a slow phone's start (Lighthouse), and most pages show no date.
 */
function formatterOnFirstUse(locale: Locale, options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let formatter: Intl.DateTimeFormat | null = null;
  return () => (formatter ??= new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', options));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [chosen, setLocaleState] = useState<Locale>(() => storedLocale() ?? 'nl');
  const [en, setEn] = useState<Dict | null>(null);
  // Until the English texts have arrived the page stays Dutch, language attribute included
  // (and stays Dutch when they cannot be fetched); the server answers in the chosen language.
  const locale: Locale = chosen === 'en' && en ? 'en' : 'nl';
  setApiLocale(chosen);

  useEffect(() => {
    if (chosen === 'en' && !en) loadEnglish().then(setEn, () => undefined);
  }, [chosen, en]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    setApiLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const t = locale === 'en' && en ? en : nl;
    // Messages of the shared schemas are keys of common/messages (the web's own validation);
    // the server's messages arrive already in the language we ask for (Accept-Language).
    const serverText = (text: string) => (isMessageKey(text) ? messageText(text, locale) : text);
    const dateTime = formatterOnFirstUse(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const date = formatterOnFirstUse(locale, { dateStyle: 'long' });
    return {
      locale,
      t,
      setLocale,
      serverText,
      errorText(error) {
        // The server writes every message in the language we ask for (Accept-Language).
        if (error instanceof ApiError) return error.detail;
        return ERRORS.internal[locale];
      },
      formatDateTime: (iso) => (iso ? dateTime().format(new Date(iso)) : t.common.none),
      formatDate: (iso) => (iso ? date().format(new Date(iso)) : t.common.none),
    };
  }, [locale, en, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
