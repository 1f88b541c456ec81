import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useI18n } from '../i18n/index.tsx';
import { Paragraph } from './ui.tsx';

type Kind = 'ok' | 'info' | 'warning' | 'error';

const ICON: Record<Kind, string> = { ok: '✓', info: 'i', warning: '!', error: '!' };

/**
 * A message box (NL Design System alert). The kind is also said in words, not only by colour.
 * `focus` moves focus to it (for the result of an action); `live` makes it a polite status.
 */
export function Alert({ kind, title, children, focus, live }: { kind: Kind; title?: ReactNode; children?: ReactNode; focus?: unknown; live?: boolean }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div
      ref={ref}
      tabIndex={focus ? -1 : undefined}
      className={`utrecht-alert utrecht-alert--${kind} mk-alert`}
      role={live ? (kind === 'error' ? 'alert' : 'status') : undefined}
    >
      <div className="utrecht-alert__icon mk-alert__icon" aria-hidden="true">
        {ICON[kind]}
      </div>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <span className="mk-visually-hidden">{t.common.alertKind[kind]}: </span>
          {title && <p className="utrecht-paragraph mk-alert__title">{title}</p>}
          {children}
        </div>
      </div>
    </div>
  );
}

/** Shown while data loads; announced politely. */
export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="utrecht-paragraph mk-loading" role="status">
      <span className="mk-spinner" aria-hidden="true" />
      {label ?? t.common.loading}
    </p>
  );
}

/** A failed load, with a retry button. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, errorText } = useI18n();
  return (
    <Alert kind="error" title={t.common.loadFailed} live>
      <Paragraph>{errorText(error)}</Paragraph>
      {onRetry && (
        <Paragraph>
          <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onRetry}>
            {t.common.retry}
          </button>
        </Paragraph>
      )}
    </Alert>
  );
}

/** A message for an empty list. */
export function Empty({ children }: { children: ReactNode }) {
  return <p className="utrecht-paragraph mk-empty">{children}</p>;
}

/**
 * What a list query shows: loading, a failed load (with retry), the empty message, or the
 * list itself (`children` gets the loaded answer).
 */
export function ListResult<D extends { items: readonly unknown[] }>({ query, empty, children }: { query: UseQueryResult<D>; empty: ReactNode; children: (data: D) => ReactNode }) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) return <Empty>{empty}</Empty>;
  return <>{children(query.data)}</>;
}

/** A status in words with a calm colour (never the colour alone). */
export function StatusBadge({ tone, children }: { tone: 'success' | 'neutral' | 'warning' | 'danger'; children: ReactNode }) {
  return <span className={`utrecht-status-badge utrecht-status-badge--${tone} mk-badge`}>{children}</span>;
}

let keyCounter = 0;
/** A new number each call: marks "this happened again" (e.g. to move focus to a message). */
export const nextKey = (): number => ++keyCounter;

/** What an action came to, in words: whether it worked, and a new key each time. */
export interface Outcome {
  key: number;
  ok: boolean;
  text: string;
}

/**
 * The outcome of the actions of one part of a page. `run(action)` runs an action: the text it
 * answers becomes the success message (no text: the message stays as it is); when it fails the
 * error's text does, after `onError` has seen the error.
 */
export function useOutcome() {
  const { errorText } = useI18n();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const run = async (action: () => Promise<string | void>, onError?: (error: unknown) => void) => {
    try {
      const text = await action();
      if (typeof text === 'string') setOutcome({ key: nextKey(), ok: true, text });
    } catch (error) {
      onError?.(error);
      setOutcome({ key: nextKey(), ok: false, text: errorText(error) });
    }
  };
  return { outcome, run };
}

/** The message of an outcome; focus moves to it each time it changes. */
export function OutcomeAlert({ outcome }: { outcome: Outcome | null }) {
  return outcome && <Alert kind={outcome.ok ? 'ok' : 'error'} title={outcome.text} focus={outcome.key} />;
}
