import type { Queryable } from '../../../db/types.ts';
import type { Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import * as q from './queries.ts';

/**
 * Throws a validation error on `/municipalityCode` unless the CBS code is a known
 * municipality. For every use case that takes a municipality code (clients, organisations,
 * accounts).
 */
export async function assertMunicipality(db: Queryable, code: string): Promise<void> {
  if (!(await q.municipalityExists(db, code))) throw new AppError('validation_failed', 'municipality_unknown', [{ path: '/municipalityCode' }]);
}

/** Public reference data: no actor, no access check. "Den Haag" is how people name 's-Gravenhage. */
export async function municipalitySearcher(services: Services, input: { q?: string }): Promise<q.MunicipalityRow[]> {
  const text = input.q?.trim() ?? '';
  return q.searchMunicipalities(services.db, /^den haag/i.test(text) ? "'s-Gravenhage" : text);
}
