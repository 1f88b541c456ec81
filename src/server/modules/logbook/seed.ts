import type { Faker } from '@faker-js/faker';
import type { LogbookVisibility } from '../../../common/logbook.ts';
import type { Queryable } from '../../../db/types.ts';
import * as q from './queries.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ANJA = 'mantelzorger@demo.mantelkring.nl';
const JOOST = 'vrijwilliger@demo.mantelkring.nl';
const FATIMA = 'wijkverpleegkundige@demo.mantelkring.nl';

/** The demo entries in Gerrit's logbook: who, how long ago, for whom, what. */
const ENTRIES: { by: string; ago: number; visibility: LogbookVisibility; body: string }[] = [
  { by: ANJA, ago: 13 * DAY + 3 * HOUR, visibility: 'circle', body: 'Vader had een goede week. Hij heeft zelf de krant opgehaald en we hebben samen koffie gedronken op het terras.' },
  { by: JOOST, ago: 10 * DAY + 5 * HOUR, visibility: 'circle', body: 'Vanmiddag samen gewandeld naar het park. Gerrit vertelde veel over vroeger. Hij was na een half uur wel moe.' },
  { by: FATIMA, ago: 8 * DAY + 2 * HOUR, visibility: 'full', body: 'Wondje aan het linker onderbeen gecontroleerd: het geneest goed. Nieuwe pleister aangebracht. Volgende controle over een week.' },
  { by: ANJA, ago: 5 * DAY + 6 * HOUR, visibility: 'private', body: 'Ik merk dat ik zelf erg moe ben. Misschien vraag ik Fatima om advies over respijtzorg.' },
  { by: JOOST, ago: 3 * DAY + 4 * HOUR, visibility: 'circle', body: 'Boodschappen gedaan en de planten water gegeven. Gerrit vroeg twee keer waar Anja was.' },
  { by: FATIMA, ago: 1 * DAY + 3 * HOUR, visibility: 'full', body: 'Medicatie doorgenomen met Anja. De avonddosis wordt soms vergeten; we proberen een medicijnrol van de apotheek.' },
];

/** Demo data of the logbook (dagboek) for Gerrit's circle, inside the demo seed's transaction. */
export async function seedLogbook(tx: Queryable, _faker: Faker, ctx: { now: Date }): Promise<void> {
  const client = await q.clientOfUser(tx, 'client@demo.mantelkring.nl');
  if (!client || (await q.hasEntries(tx, client.id))) return;
  const users = new Map((await q.usersByEmail(tx, [ANJA, JOOST, FATIMA])).map((u) => [u.email, u.id]));
  for (const e of ENTRIES) {
    const authorUserId = users.get(e.by);
    if (!authorUserId) continue;
    await q.insertEntry(tx, { clientId: client.id, tenantKey: client.tenant_key, authorUserId, visibility: e.visibility, body: e.body, createdAt: new Date(ctx.now.getTime() - e.ago) });
  }
}
