import { useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { ButtonRow } from './ui.tsx';

/**
 * A button that first asks "are you sure?" in a modal dialog (native <dialog>: focus stays
 * inside, Escape closes, focus returns to the button). Destructive by default (danger
 * styling); `danger={false}` for actions that are not (sending invitations, completing a scan).
 */
export function ConfirmButton({
  children,
  question,
  explanation,
  confirmLabel,
  onConfirm,
  busy,
  disabled,
  danger = true,
  variant = danger ? 'secondary' : 'primary',
}: {
  children: ReactNode;
  question: string;
  /** A plain text becomes a paragraph; richer content (several paragraphs) goes in as is. */
  explanation?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  busy?: boolean;
  /** Disabled but still focusable: the button says why elsewhere (aria-describedby by the caller). */
  disabled?: boolean;
  danger?: boolean;
  variant?: 'primary' | 'secondary' | 'subtle';
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
        className={`utrecht-button utrecht-button--${variant === 'subtle' ? 'subtle' : `${variant}-action`}${danger ? ' utrecht-button--danger' : ''}${busy ? ' utrecht-button--busy' : ''}`}
        aria-disabled={busy || disabled ? true : undefined}
        aria-haspopup="dialog"
        onClick={() => {
          if (busy || disabled) return;
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
          {explanation &&
            (typeof explanation === 'string' ? (
              <p className="utrecht-paragraph" id={textId}>
                {explanation}
              </p>
            ) : (
              <div className="utrecht-paragraph" id={textId}>
                {explanation}
              </div>
            ))}
          <ButtonRow>
            <button
              type="button"
              className={`utrecht-button utrecht-button--primary-action${danger ? ' utrecht-button--danger' : ''}`}
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
          </ButtonRow>
        </div>
      </dialog>
    </>
  );
}
