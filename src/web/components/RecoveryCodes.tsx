import { useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { Paragraph } from './ui.tsx';

/**
 * Recovery codes, shown once: print, copy, and a check "I saved them" before going on.
 */
export function RecoveryCodes({ codes, onDone, doneLabel }: { codes: string[]; onDone: () => void; doneLabel: string }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState<'idle' | 'ok' | 'failed'>('idle');
  const [error, setError] = useState(false);
  const checkboxRef = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const checkboxId = useId();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section className="mk-recovery mk-print-area" aria-labelledby={headingId}>
      <h2 className="utrecht-heading-2" id={headingId}>
        {t.twoFactor.codesTitle}
      </h2>
      <Paragraph>{t.twoFactor.codesIntro}</Paragraph>
      <Paragraph>
        <strong>{t.twoFactor.codesOnce}</strong>
      </Paragraph>
      <ol className="mk-recovery__codes" aria-label={t.twoFactor.codesListLabel} data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code className="mk-code">{code}</code>
          </li>
        ))}
      </ol>
      <div className="utrecht-button-group mk-actions mk-no-print">
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => window.print()}>
          {t.twoFactor.print}
        </button>
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={copy}>
          {t.twoFactor.copy}
        </button>
      </div>
      <p className="utrecht-paragraph mk-no-print" role="status">
        {copied === 'ok' ? t.twoFactor.copied : copied === 'failed' ? t.twoFactor.copyFailed : ''}
      </p>
      <div className="mk-no-print">
        <div className={`utrecht-form-field utrecht-form-field--checkbox mk-field${error ? ' utrecht-form-field--invalid' : ''}`}>
          {error && (
            <p className="utrecht-form-field-error-message" id={`${checkboxId}-error`}>
              <span className="mk-visually-hidden">{t.common.errorPrefix} </span>
              {t.twoFactor.savedRequired}
            </p>
          )}
          <div className="mk-choice">
            <input
              ref={checkboxRef}
              id={checkboxId}
              type="checkbox"
              className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
              checked={saved}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${checkboxId}-error` : undefined}
              onChange={(event) => {
                setSaved(event.target.checked);
                if (event.target.checked) setError(false);
              }}
            />
            <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={checkboxId}>
              {t.twoFactor.saved}
            </label>
          </div>
        </div>
        <button
          type="button"
          className="utrecht-button utrecht-button--primary-action"
          onClick={() => {
            if (!saved) {
              setError(true);
              checkboxRef.current?.focus();
              return;
            }
            onDone();
          }}
        >
          {doneLabel}
        </button>
      </div>
    </section>
  );
}
