import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ERRORS } from '../../common/errors.ts';
import { ApiError, setApiLocale, type Locale } from '../api.ts';
import { nl, type Dict } from './nl.ts';
import { en } from './en.ts';

export type { Dict, Locale };
const DICTS: Record<Locale, Dict> = { nl, en };
const STORAGE_KEY = 'mantelkring.locale';

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
  /** A message from the server or a shared schema, in the interface language where we know it. */
  serverText(text: string): string;
  /** The message to show for an API error. */
  errorText(error: unknown): string;
  formatDateTime(iso: string | null | undefined): string;
  formatDate(iso: string | null | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => storedLocale() ?? 'nl');
  setApiLocale(locale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    setApiLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const t = DICTS[locale];
    const serverText = (text: string) => t.serverText[text] ?? text;
    const dateTime = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long' });
    return {
      locale,
      t,
      setLocale,
      serverText,
      errorText(error) {
        if (error instanceof ApiError) {
          // The server answers standard messages in the language we ask for; its own
          // specific messages are Dutch, so we translate the ones we know.
          if (locale === 'en' && error.detail === ERRORS[error.code].nl) return ERRORS[error.code].en;
          return serverText(error.detail);
        }
        return ERRORS.internal[locale];
      },
      formatDateTime: (iso) => (iso ? dateTime.format(new Date(iso)) : t.common.none),
      formatDate: (iso) => (iso ? date.format(new Date(iso)) : t.common.none),
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
