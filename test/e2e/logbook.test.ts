import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, hasChromium, useBrowserEnv } from '../support/browser.ts';
import { DEMO, eventually, heading, loaded, pageAs } from './helpers.ts';

describe.skipIf(!hasChromium)('logbook (dagboek)', () => {
  const env = useBrowserEnv();
  let gerrit = '';
  beforeAll(async () => {
    const { rows } = await env.db.query<{ id: string }>("select c.id from clients c join users u on u.id = c.user_id where u.email = 'client@demo.mantelkring.nl'");
    gerrit = rows[0]?.id as string;
    expect(gerrit).toBeTruthy();
  });

  it('the caregiver writes an entry for full access only; the volunteer never sees it', { timeout: 90_000 }, async () => {
    const anja = await pageAs(env, DEMO.caregiver, { path: `/kringen/${gerrit}/dagboek` });
    await heading(anja, /Gerrit de Vries/);
    await loaded(anja);
    const entries = anja.getByRole('list', { name: 'Eerdere stukken' });
    await eventually(() => entries.locator('li').count()).toBeGreaterThan(0);
    await expectNoSeriousAxeViolations(anja, 'logbook section');

    // Empty: a clear error, nothing saved.
    await anja.getByRole('button', { name: 'Opslaan in het dagboek' }).click();
    await eventually(() => anja.locator('.mk-error-summary').textContent()).toContain('Schrijf iets in het dagboek.');

    const secret = 'Vader was vannacht erg onrustig; de huisarts komt morgen.';
    await anja.getByLabel('Wat wilt u opschrijven?').fill(secret);
    await anja.getByRole('radio', { name: 'Alleen mensen met volledige toegang' }).check();
    await anja.getByRole('button', { name: 'Opslaan in het dagboek' }).click();
    await anja.getByText('Het stuk staat in het dagboek.').waitFor();
    await eventually(() => entries.textContent()).toContain(secret);

    const joost = await pageAs(env, DEMO.volunteer, { mobile: true, path: `/kringen/${gerrit}/dagboek` });
    await heading(joost, /Gerrit de Vries/);
    await loaded(joost);
    const joostEntries = joost.getByRole('list', { name: 'Eerdere stukken' });
    await eventually(() => joostEntries.locator('li').count()).toBeGreaterThan(0);
    expect(await joostEntries.textContent()).not.toContain(secret);
    // A volunteer cannot choose "full access only".
    expect(await joost.getByRole('radio', { name: 'Alleen mensen met volledige toegang' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(joost, 'logbook section (volunteer, phone)');

    // Nor by the entry's own address.
    const { rows } = await env.db.query<{ id: string }>('select id from logbook_entries where body = $1', [secret]);
    const direct = await joost.request.get(`${env.baseUrl}/api/circles/${gerrit}/logbook/${rows[0]?.id}`);
    expect(direct.status()).toBe(404);
  });

  it('the author adds a file to an entry: a bad file is refused with a clear message, a PDF can be downloaded; the volunteer gets 404 for a full entry\'s file', { timeout: 90_000 }, async () => {
    const { rows: own } = await env.db.query<{ id: string }>(
      "select e.id from logbook_entries e join users u on u.id = e.author_user_id where e.client_id = $1 and u.email = $2 and e.visibility = 'circle' order by e.created_at desc limit 1",
      [gerrit, DEMO.caregiver.email],
    );
    const entryId = own[0]?.id as string;
    expect(entryId).toBeTruthy();
    const anja = await pageAs(env, DEMO.caregiver, { mobile: true, path: `/kringen/${gerrit}/dagboek/${entryId}` });
    await loaded(anja);
    await anja.getByRole('heading', { name: 'Bijlagen' }).waitFor();
    const fileInput = anja.getByLabel('Bestand toevoegen');
    // A program renamed to .pdf: refused by its content.
    await fileInput.setInputFiles({ name: 'brief.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 7)]) });
    await anja.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await anja.locator('.utrecht-alert--error').getByText(/Dit soort bestand kan niet\./).waitFor();

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
    await fileInput.setInputFiles({ name: 'uitslag bloedonderzoek.pdf', mimeType: 'application/pdf', buffer: pdf });
    await anja.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await anja.getByText('uitslag bloedonderzoek.pdf is toegevoegd.').waitFor();
    const link = anja.getByRole('link', { name: /uitslag bloedonderzoek\.pdf downloaden/ });
    await link.waitFor();
    await expectNoSeriousAxeViolations(anja, 'logbook entry with attachments (phone)');
    const download = await anja.request.get(`${env.baseUrl}${await link.getAttribute('href')}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(download.headers()['content-disposition']).toContain("filename*=UTF-8''uitslag%20bloedonderzoek.pdf");
    expect(Buffer.compare(await download.body(), pdf)).toBe(0);

    // Fatima's file on a full-access entry (demo data): the volunteer gets 404, the caregiver the file.
    const { rows: hidden } = await env.db.query<{ id: string; entry_id: string }>(
      "select a.id, a.entry_id from logbook_attachments a join logbook_entries e on e.id = a.entry_id where a.client_id = $1 and e.visibility = 'full' limit 1",
      [gerrit],
    );
    const hiddenUrl = `${env.baseUrl}/api/circles/${gerrit}/logbook/${hidden[0]?.entry_id}/attachments/${hidden[0]?.id}`;
    expect(hidden[0]).toBeTruthy();
    const joost = await pageAs(env, DEMO.volunteer, { path: `/kringen/${gerrit}/dagboek` });
    await loaded(joost);
    expect((await joost.request.get(hiddenUrl)).status()).toBe(404);
    expect((await anja.request.get(hiddenUrl)).status()).toBe(200);
  });
});
