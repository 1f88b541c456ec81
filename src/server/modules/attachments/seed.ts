import type { Faker } from '@faker-js/faker';
import { createHash } from 'node:crypto';
import type { Queryable } from '../../../db/types.ts';
import { clientOfUser, usersByEmail } from '../logbook/queries.ts';
import * as q from './queries.ts';
import { minimalPdf, solidPng } from './samples.ts';

const ANJA = 'mantelzorger@demo.mantelkring.nl';
const FATIMA = 'wijkverpleegkundige@demo.mantelkring.nl';

/**
 * Demo data of attachments for Gerrit's circle, inside the demo seed's transaction: a wound
 * report (PDF) on Fatima's newest 'full' entry (Joost, agenda level, cannot get it) and a photo
 * (PNG) on Anja's newest 'circle' entry. Idempotent: an entry that has a file is left alone.
 */
export async function seedAttachments(tx: Queryable, _faker: Faker, _ctx: { now: Date }): Promise<void> {
  const client = await clientOfUser(tx, 'client@demo.mantelkring.nl');
  if (!client) return;
  const users = new Map((await usersByEmail(tx, [ANJA, FATIMA])).map((u) => [u.email, u.id]));
  const files = [
    { by: FATIMA, visibility: 'full', fileName: 'wondverslag.pdf', mediaType: 'application/pdf', content: minimalPdf('Wondverslag linker onderbeen - geneest goed') },
    { by: ANJA, visibility: 'circle', fileName: 'terras.png', mediaType: 'image/png', content: solidPng(32, 24, [70, 130, 90]) },
  ];
  for (const file of files) {
    const userId = users.get(file.by);
    if (!userId) continue;
    const entryId = await q.newestEntryOf(tx, client.id, userId, file.visibility);
    if (!entryId || (await q.entryHasAttachments(tx, entryId))) continue;
    await q.insertAttachment(tx, {
      clientId: client.id,
      tenantKey: client.tenant_key,
      entryId,
      fileName: file.fileName,
      mediaType: file.mediaType,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      content: file.content,
      createdBy: userId,
    });
  }
}
