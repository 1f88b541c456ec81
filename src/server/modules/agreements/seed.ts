import type { Faker } from '@faker-js/faker';
import type { Recurrence } from '../../../common/recurrence.ts';
import type { Queryable } from '../../../db/types.ts';
import { dutchDate } from '../../../domain/dates.ts';
import * as q from './queries.ts';
import { taskRisk } from './service.ts';

const DAY = 24 * 3_600_000;
const ANJA = 'mantelzorger@demo.mantelkring.nl';
const JOOST = 'vrijwilliger@demo.mantelkring.nl';
const FATIMA = 'wijkverpleegkundige@demo.mantelkring.nl';

/** Demo data of agreements and task boundaries for Gerrit's circle, inside the demo seed's transaction. */
export async function seedAgreements(tx: Queryable, _faker: Faker, ctx: { now: Date }): Promise<void> {
  const client = await q.clientOfUser(tx, 'client@demo.mantelkring.nl');
  if (!client || (await q.hasAgreements(tx, client.id))) return;
  const users = new Map((await q.usersByEmail(tx, [ANJA, JOOST, FATIMA])).map((u) => [u.email, u.id]));
  const anja = users.get(ANJA);
  const joost = users.get(JOOST);
  const fatima = users.get(FATIMA);
  if (!anja || !joost) return;
  const day = (offset: number) => dutchDate(new Date(ctx.now.getTime() + offset * DAY));
  const weekly = (byWeekday: Recurrence['byWeekday']): Recurrence => ({ frequency: 'weekly', interval: 1, byWeekday });
  const items: { code: string; member: string; recurrence: Recurrence | null; review: string | null; notes?: string }[] = [
    { code: 'medication-prepare', member: anja, recurrence: { frequency: 'daily', interval: 1 }, review: day(90), notes: 'Uit de baxterrol van de apotheek, ochtend en avond.' },
    { code: 'administration-finances', member: anja, recurrence: { frequency: 'monthly', interval: 1 }, review: day(-5), notes: 'Post openen en rekeningen betalen.' },
    { code: 'medication-injection', member: anja, recurrence: { frequency: 'daily', interval: 1 }, review: day(60), notes: 'Insuline voor het avondeten.' },
    { code: 'household-groceries', member: joost, recurrence: weekly(['TU']), review: null },
    { code: 'transport-walk', member: joost, recurrence: weekly(['TH']), review: null, notes: 'Naar het park, ongeveer een half uur.' },
  ];
  for (const it of items) {
    const id = await q.insertAgreement(tx, {
      clientId: client.id,
      tenantKey: client.tenant_key,
      taskCode: it.code,
      taskText: null,
      memberUserId: it.member,
      memberName: null,
      recurrence: it.recurrence,
      since: day(-60),
      until: null,
      reviewDate: it.review,
      notes: it.notes ?? null,
      risk: await taskRisk(tx, client.id, it.code),
      createdBy: anja,
    });
    // The insulin injection: instruction given, competence and sign-off still missing.
    if (it.code === 'medication-injection' && fatima) await q.recordInstruction(tx, id, { by: 'Fatima (wijkverpleegkundige)', on: day(-3), recordedBy: fatima });
  }
}
