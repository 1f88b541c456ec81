import type { UseFormRegisterReturn } from 'react-hook-form';
import { z } from 'zod';
import { HELP_KINDS } from '../../../common/codes.ts';
import { useI18n, type Dict } from '../../i18n/index.tsx';
import { CheckboxGroup, TextField } from '../form/index.ts';
import { codeOptions } from './labels.ts';

/** Validation helpers and shared fields of the care circle forms (the field components are in ../form/). */

/** Hours per week as typed ("2,5"): empty, or 0 to 168. */
export const hoursField = (t: Dict) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || (/^\d{1,3}([.,]\d{1,2})?$/.test(v) && Number(v.replace(',', '.')) <= 168), { message: t.circle.form.hoursInvalid });

export const hoursValue = (v: string): number | null => (v.trim() === '' ? null : Number(v.trim().replace(',', '.')));

/** A date from a date input: empty, or a real date (optionally not in the future / not in the past). */
export const dateField = (t: Dict, rule?: 'past' | 'future') =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), { message: t.circle.form.dateInvalid })
    .refine((v) => v === '' || rule !== 'past' || v <= new Date().toISOString().slice(0, 10), { message: t.circle.form.dateNotFuture })
    .refine((v) => v === '' || rule !== 'future' || v >= new Date().toISOString().slice(0, 10), { message: t.circle.form.dateNotPast });

export const orNull = (v: string | null | undefined): string | null => (v === undefined || v === null || v.trim() === '' ? null : v.trim());

/**
 * How someone helps: the kinds of help (checkboxes) and about how many hours a week. The same
 * two fields when a caregiver starts a circle (about herself) and on a member's form.
 */
export function HelpFields({
  idPrefix,
  legend,
  hoursLabel,
  hoursHelp,
  helpKinds,
  hours,
}: {
  idPrefix: string;
  legend: string;
  hoursLabel: string;
  hoursHelp: string;
  helpKinds: { input: UseFormRegisterReturn; error?: string };
  hours: { input: UseFormRegisterReturn; error?: string };
}) {
  const { locale } = useI18n();
  return (
    <>
      <CheckboxGroup idPrefix={idPrefix} layout="columns" name="helpKinds" legend={legend} optional error={helpKinds.error} options={codeOptions(HELP_KINDS, locale)} inputProps={helpKinds.input} />
      <TextField idPrefix={idPrefix} label={hoursLabel} description={hoursHelp} optional inputMode="decimal" inputClassName="mk-textbox--short" error={hours.error} {...hours.input} />
    </>
  );
}
