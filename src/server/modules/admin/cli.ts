import type { Db } from '../../../db/types.ts';
import { AppError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { assertAcceptablePassword, hashPassword } from '../../platform/passwords.ts';
import { Email, DisplayName } from '../../../common/schemas.ts';
import { findUserByEmail, insertUser } from '../accounts/queries.ts';

/**
 * Creates a platform administrator from the command line (the operator at the console is
 * the authority here, so there is no actor). Two-step login is set up at first sign-in.
 */
export async function adminCreator(db: Db, input: { email: string; displayName: string; password: string }): Promise<string> {
  const email = Email.safeParse(input.email);
  if (!email.success) throw new AppError('validation_failed', { key: 'cli_email_invalid', params: { email: input.email } });
  const name = DisplayName.safeParse(input.displayName);
  if (!name.success) throw new AppError('validation_failed', 'cli_name_required');
  assertAcceptablePassword(input.password, email.data);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await findUserByEmail(tx, email.data)) throw new AppError('email_taken', { key: 'cli_email_taken', params: { email: email.data } });
    const id = await insertUser(tx, { email: email.data, displayName: name.data, passwordHash, personas: [], locale: 'nl', municipalityCode: null, verified: true, isPlatformAdmin: true });
    await audit(tx, {}, { ip: null, sourceSystem: 'cli' }, { action: 'create', resourceType: 'user', resourceId: id, detail: { platformAdmin: true } });
    return id;
  });
}
