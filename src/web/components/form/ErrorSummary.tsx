import { useEffect, useId, useRef } from 'react';
import type { FieldErrors } from 'react-hook-form';
import { ApiError } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Failure } from './failure.ts';

/** rhf's errors, or a plain map of messages (for forms without rhf). */
type ErrorsLike = FieldErrors | Record<string, { message?: string } | undefined>;

function flatten(errors: ErrorsLike, prefix = ''): { name: string; message: string }[] {
  const out: { name: string; message: string }[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value) continue;
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value.message === 'string' && value.message) out.push({ name, message: value.message });
    else if (typeof value === 'object' && !('type' in value)) out.push(...flatten(value as ErrorsLike, name));
  }
  return out;
}

/**
 * The error summary at the top of a form (NL Design System pattern): says what went wrong,
 * links to each field, and takes focus after a failed submit so it is read out.
 */
export function ErrorSummary({ failure, errors, idPrefix, labels }: { failure: Failure | null; errors: ErrorsLike; idPrefix: string; labels: Record<string, string> }) {
  const { t, errorText, serverText } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const focusedKey = useRef<number | null>(null);
  const headingId = useId();
  const fieldErrors = failure ? flatten(errors) : [];
  const apiError = failure?.error;
  let message: string | null = null;
  if (apiError !== undefined) {
    message = apiError instanceof ApiError && apiError.code === 'validation_failed' && apiError.fieldErrors.length ? t.common.checkFields : errorText(apiError);
    if (apiError instanceof ApiError && apiError.fieldErrors.length) {
      for (const fe of apiError.fieldErrors) {
        const name = fe.path.replace(/^\//, '').replace(/\//g, '.');
        if (!labels[name]) fieldErrors.push({ name: '', message: `${fe.path}: ${fe.message}` });
      }
    }
  }
  // A server message that is already shown next to a field is not repeated.
  if (message !== null && fieldErrors.some((f) => serverText(f.message) === message)) message = null;
  const visible = failure !== null && (message !== null || fieldErrors.length > 0);
  useEffect(() => {
    // Once per failed submit, as soon as there is something to show (rhf may publish errors a render later).
    if (visible && failure && focusedKey.current !== failure.key) {
      focusedKey.current = failure.key;
      ref.current?.focus();
    }
  }, [visible, failure]);
  if (!visible) return null;
  return (
    <div ref={ref} tabIndex={-1} className="utrecht-alert utrecht-alert--error mk-error-summary" aria-labelledby={headingId}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <h2 id={headingId} className="utrecht-heading-2 mk-alert-heading">
            {fieldErrors.length === 0 ? t.common.errorTitle : t.common.checkTitle}
          </h2>
          {message && <p className="utrecht-paragraph">{message}</p>}
          {fieldErrors.length > 0 && (
            <ul className="utrecht-unordered-list mk-error-summary__list">
              {fieldErrors.map((e, i) => (
                <li className="utrecht-unordered-list__item" key={`${e.name}-${i}`}>
                  {e.name && labels[e.name] ? (
                    <a
                      className="utrecht-link utrecht-link--html-a"
                      href={`#${idPrefix}-${e.name.replace(/\./g, '-')}`}
                      onClick={(event) => {
                        event.preventDefault();
                        const target = document.getElementById(`${idPrefix}-${e.name.replace(/\./g, '-')}`);
                        target?.focus();
                        target?.scrollIntoView({ block: 'center' });
                      }}
                    >
                      {labels[e.name]}: {serverText(e.message)}
                    </a>
                  ) : (
                    serverText(e.message)
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}
