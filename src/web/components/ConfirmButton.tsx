import { useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';

/**
 * A button for a destructive action that first asks "are you sure?" in a modal dialog
 * (native <dialog>: focus stays inside, Escape closes, focus returns to the button).
 */
export function ConfirmButton({
  children,
  question,
  explanation,
  confirmLabel,
  onConfirm,
  busy,
  variant = 'secondary',
}: {
  children: ReactNode;
  question: string;
  explanation?: string;
  confirmLabel: string;
  onConfirm: () => void;
  busy?: boolean;
  variant?: 'secondary' | 'subtle';
}) {
  const { t } = useI18n();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const textId = useId();
  const close = () => {
    dialogRef.current?.close();
  };
  return (
    <>
      <button
        type="button"
        className={`utrecht-button utrecht-button--${variant === 'subtle' ? 'subtle' : 'secondary-action'} utrecht-button--danger${busy ? ' utrecht-button--busy' : ''}`}
        aria-disabled={busy ? true : undefined}
        aria-haspopup="dialog"
        onClick={() => {
          if (busy) return;
          dialogRef.current?.showModal();
          // The safe choice gets focus first.
          cancelRef.current?.focus();
        }}
      >
        {busy ? t.common.busy : children}
      </button>
      <dialog ref={dialogRef} className="mk-dialog" aria-labelledby={titleId} aria-describedby={explanation ? textId : undefined}>
        <div className="mk-dialog__body">
            <h2 className="utrecht-heading-2" id={titleId}>
              {question}
            </h2>
            {explanation && (
              <p className="utrecht-paragraph" id={textId}>
                {explanation}
              </p>
            )}
            <div className="utrecht-button-group mk-actions">
              <button
                type="button"
                className="utrecht-button utrecht-button--primary-action utrecht-button--danger"
                onClick={() => {
                  close();
                  onConfirm();
                }}
              >
                {confirmLabel}
              </button>
              <button ref={cancelRef} type="button" className="utrecht-button utrecht-button--secondary-action" onClick={close}>
                {t.common.cancel}
              </button>
            </div>
          </div>
      </dialog>
    </>
  );
}
