import type { ComponentProps, ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import type { FormFailure } from './failure.ts';

/** The main button of a form; stays focusable while busy (aria-disabled) and says it is working. */
export function SubmitButton({ busy, children, busyLabel, variant = 'primary' }: { busy?: boolean; children: ReactNode; busyLabel?: string; variant?: 'primary' | 'secondary' }) {
  const { t } = useI18n();
  return (
    <button
      type="submit"
      className={`utrecht-button utrecht-button--${variant}-action utrecht-button--submit${busy ? ' utrecht-button--busy' : ''}`}
      aria-disabled={busy ? true : undefined}
      onClick={(event) => {
        // Busy: the button keeps focus (no `disabled`), but does not send the form twice.
        if (busy) event.preventDefault();
      }}
    >
      {busy ? (busyLabel ?? t.common.busy) : children}
    </button>
  );
}

/**
 * A button that runs one action outside a form (accepting an invitation, say): while `busy` it
 * stays focusable (aria-disabled), ignores clicks and says it is working.
 */
export function ActionButton({ busy, onClick, children }: { busy: boolean; onClick: () => unknown; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="utrecht-button utrecht-button--primary-action"
      aria-disabled={busy ? true : undefined}
      onClick={() => {
        if (!busy) void onClick();
      }}
    >
      {busy ? t.common.busy : children}
    </button>
  );
}

/**
 * The submit handler of a form with an error summary: checks the fields (a failure shows
 * the summary), runs `send`, clears the summary when it worked and then runs `then`; a
 * server error goes to the summary and next to the fields (`mapError` may rename its paths).
 */
export function useSubmit<TValues extends FieldValues, TOutput, R>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rhf's own context type
  form: UseFormReturn<TValues, any, TOutput>,
  failure: FormFailure,
  send: (values: TOutput) => Promise<R>,
  then?: (result: R, values: TOutput) => unknown,
  mapError?: (error: unknown) => unknown,
) {
  return form.handleSubmit(async (values) => {
    try {
      const result = await send(values);
      failure.clear();
      await then?.(result, values);
    } catch (error) {
      failure.server(mapError ? mapError(error) : error);
    }
  }, failure.invalid);
}

/**
 * A form with its error summary above it (NL Design System pattern). `onSubmit` comes from
 * `useSubmit`; `labels` names the fields the summary links to.
 */
export function FormShell<TValues extends FieldValues>({
  form,
  failure,
  idPrefix,
  labels,
  className = 'utrecht-form mk-form',
  notice,
  children,
  ...rest
}: Omit<ComponentProps<'form'>, 'noValidate'> & {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any output type
  form: UseFormReturn<TValues, any, any>;
  failure: FormFailure;
  idPrefix: string;
  labels: Record<string, string>;
  /** Shown between the error summary and the form (a way out of what went wrong, say). */
  notice?: ReactNode;
}) {
  return (
    <>
      <ErrorSummary failure={failure.failure} errors={form.formState.errors} idPrefix={idPrefix} labels={labels} />
      {notice}
      <form className={className} noValidate {...rest}>
        {children}
      </form>
    </>
  );
}
