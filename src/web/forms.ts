import { Password } from '../common/schemas.ts';
import { ApiError } from './api.ts';
import type { Dict } from './i18n/index.tsx';

/** Same rule as the server (≥ 12 characters), checked early so people see it at once. */
export const newPasswordSchema = (t: Dict) => Password.refine((p) => [...p].length >= 12, { message: t.validation.passwordShort });


/**
 * A `mapError` for `useSubmit` in forms that set a password: a refused new password
 * (`password_…`) is also shown next to the password field, through `showAtPassword`.
 */
export const passwordRefusal = (showAtPassword: (message: string) => void) => (error: unknown) => {
  if (error instanceof ApiError && error.code.startsWith('password_')) showAtPassword(error.detail);
  return error;
};
