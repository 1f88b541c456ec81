import type { Faker } from '@faker-js/faker';
import type { Queryable } from '../../../db/types.ts';

/** Demo data of the logbook (dagboek) and attachments, inside the demo seed's transaction (issue 16; being built). */
export async function seedLogbook(_tx: Queryable, _faker: Faker, _ctx: { now: Date }): Promise<void> {}
