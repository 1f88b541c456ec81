import type { Faker } from '@faker-js/faker';
import type { Queryable } from '../../../db/types.ts';

/** Demo data of agreements on who does what, task boundaries and reviews, inside the demo seed's transaction (issue 16; being built). */
export async function seedAgreements(_tx: Queryable, _faker: Faker, _ctx: { now: Date }): Promise<void> {}
