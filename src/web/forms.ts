import { Password } from '../common/schemas.ts';
import type { Dict } from './i18n/index.tsx';

/** Same rule as the server (≥ 12 characters), checked early so people see it at once. */
export const newPasswordSchema = (t: Dict) => Password.refine((p) => [...p].length >= 12, { message: t.validation.passwordShort });

