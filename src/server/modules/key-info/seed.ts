import type { Faker } from '@faker-js/faker';
import type { Queryable } from '../../../db/types.ts';

/** Demo data of key contacts, medication and the emergency plan, inside the demo seed's transaction (issue 16; being built). */
export async function seedKeyInfo(_tx: Queryable, _faker: Faker, _ctx: { now: Date }): Promise<void> {}
