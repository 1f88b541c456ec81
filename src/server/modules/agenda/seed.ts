import type { Faker } from '@faker-js/faker';
import type { Queryable } from '../../../db/types.ts';

/** Demo data of the shared agenda, reminders and the iCalendar feed, inside the demo seed's transaction (issue 16; being built). */
export async function seedAgenda(_tx: Queryable, _faker: Faker, _ctx: { now: Date }): Promise<void> {}
