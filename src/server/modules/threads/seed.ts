import type { Faker } from '@faker-js/faker';
import type { Queryable } from '../../../db/types.ts';
import * as q from './queries.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ANJA = 'mantelzorger@demo.mantelkring.nl';
const JOOST = 'vrijwilliger@demo.mantelkring.nl';
const FATIMA = 'wijkverpleegkundige@demo.mantelkring.nl';

interface DemoThread {
  subject: string;
  /** null: the whole circle; else the chosen people (the first is the starter). */
  participants: string[] | null;
  messages: { by: string; ago: number; body: string }[];
  /** Who has read up to (and including) which message index. */
  readUpTo: Partial<Record<string, number>>;
}

const THREADS: DemoThread[] = [
  {
    subject: 'Wie gaat mee naar de huisarts op donderdag?',
    participants: null,
    messages: [
      { by: ANJA, ago: 4 * DAY + 2 * HOUR, body: 'Vader moet donderdag om 10 uur naar de huisarts. Ik moet werken. Kan iemand met hem mee?' },
      { by: JOOST, ago: 4 * DAY, body: 'Ik kan wel. Ik haal hem om half 10 op met de auto.' },
      { by: FATIMA, ago: 3 * DAY + 20 * HOUR, body: 'Fijn. Wilt u de huisarts vragen naar de pijnstillers? Die geef ik dan mee in de map.' },
      { by: JOOST, ago: 1 * DAY + 4 * HOUR, body: 'We zijn geweest. De huisarts wil over twee weken nog een keer kijken.' },
    ],
    readUpTo: { [ANJA]: 1, [JOOST]: 3, [FATIMA]: 3 },
  },
  {
    subject: 'Respijtzorg voor Anja',
    participants: [ANJA, FATIMA],
    messages: [
      { by: ANJA, ago: 5 * DAY, body: 'Ik merk dat het me zwaar valt. Weet u of er respijtzorg mogelijk is voor vader?' },
      { by: FATIMA, ago: 4 * DAY + 22 * HOUR, body: 'Ja, dat kan. Er is dagbesteding in de wijk, twee dagen per week. Ik stuur u de gegevens.' },
      { by: FATIMA, ago: 6 * HOUR, body: 'De dagbesteding heeft plek vanaf volgende maand. Zullen we het er bij mijn volgende bezoek over hebben?' },
    ],
    readUpTo: { [ANJA]: 1, [FATIMA]: 2 },
  },
];

/** Demo data of message threads for Gerrit's circle, inside the demo seed's transaction. */
export async function seedThreads(tx: Queryable, _faker: Faker, ctx: { now: Date }): Promise<void> {
  const client = await q.clientOfUser(tx, 'client@demo.mantelkring.nl');
  if (!client || (await q.hasThreads(tx, client.id))) return;
  const users = new Map((await q.usersByEmail(tx, [ANJA, JOOST, FATIMA])).map((u) => [u.email, u.id]));
  const base = { clientId: client.id, tenantKey: client.tenant_key };
  const at = (ago: number) => new Date(ctx.now.getTime() - ago);
  for (const t of THREADS) {
    const first = t.messages[0];
    const createdBy = first && users.get(first.by);
    if (!first || !createdBy) continue;
    const threadId = await q.insertThread(tx, { ...base, subject: t.subject, audience: t.participants ? 'private' : 'circle', createdBy, at: at(first.ago) });
    if (t.participants) await q.insertParticipants(tx, { ...base, threadId, userIds: t.participants.map((e) => users.get(e)).filter((id): id is string => !!id) });
    for (const m of t.messages) {
      const authorUserId = users.get(m.by);
      if (authorUserId) await q.insertMessage(tx, { ...base, threadId, authorUserId, body: m.body, at: at(m.ago) });
    }
    for (const [email, index] of Object.entries(t.readUpTo)) {
      const userId = users.get(email);
      const m = index === undefined ? undefined : t.messages[index];
      if (userId && m) await q.markRead(tx, { ...base, threadId, userId, at: at(m.ago) });
    }
  }
}
