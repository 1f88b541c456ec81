import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, hasChromium, useBrowserEnv } from '../support/browser.ts';
import { DEMO, eventually, heading, loaded, pageAs } from './helpers.ts';

const CIRCLE_THREAD = 'Wie gaat mee naar de huisarts op donderdag?';
const PRIVATE_THREAD = 'Respijtzorg voor Anja';

describe.skipIf(!hasChromium)('message threads (berichten)', () => {
  const env = useBrowserEnv();
  let gerrit = '';
  let privateId = '';
  beforeAll(async () => {
    const { rows } = await env.db.query<{ id: string }>("select c.id from clients c join users u on u.id = c.user_id where u.email = 'client@demo.mantelkring.nl'");
    gerrit = rows[0]?.id as string;
    expect(gerrit).toBeTruthy();
    const t = await env.db.query<{ id: string }>('select id from threads where client_id = $1 and subject = $2', [gerrit, PRIVATE_THREAD]);
    privateId = t.rows[0]?.id as string;
    expect(privateId).toBeTruthy();
  });

  it('the caregiver opens the private thread and replies; the professional sees it', { timeout: 120_000 }, async () => {
    const anja = await pageAs(env, DEMO.caregiver, { path: `/kringen/${gerrit}/berichten` });
    await heading(anja, /Gerrit de Vries/);
    await loaded(anja);
    const list = anja.getByRole('list', { name: 'Gesprekken' });
    const privateItem = list.locator('li', { hasText: PRIVATE_THREAD });
    // The demo leaves the last message of Fatima unread for Anja.
    await eventually(() => privateItem.textContent()).toContain('1 nieuw bericht');
    await expectNoSeriousAxeViolations(anja, 'threads section');

    await privateItem.getByRole('link', { name: PRIVATE_THREAD }).click();
    await heading(anja, PRIVATE_THREAD);
    const messages = anja.getByRole('list', { name: 'Berichten in dit gesprek' });
    await eventually(() => messages.locator('li').count()).toBe(3);
    await expectNoSeriousAxeViolations(anja, 'thread page');

    // Enter in the text field makes a new line and does not send.
    const reply = 'Ja, graag. Dinsdag past mij goed.';
    const field = anja.getByRole('textbox', { name: 'Uw antwoord' });
    await field.fill(reply);
    await field.press('Enter');
    await field.pressSequentially('Tot dan.');
    // Still in the field (a send would have emptied it), with the new line.
    expect(await field.inputValue()).toBe(`${reply}\nTot dan.`);
    expect(await messages.locator('li').count()).toBe(3);
    await anja.getByRole('button', { name: 'Versturen' }).click();
    await anja.getByText('Uw bericht is verstuurd.').waitFor();
    await eventually(() => messages.locator('li').count()).toBe(4);
    expect(await messages.locator('li').last().textContent()).toContain(reply);

    // Back in the section the thread has no unread badge any more.
    await anja.getByRole('link', { name: 'Terug naar berichten' }).click();
    await eventually(() => anja.getByRole('list', { name: 'Gesprekken' }).locator('li', { hasText: PRIVATE_THREAD }).textContent()).not.toContain('nieuw bericht');

    const fatima = await pageAs(env, DEMO.professional, { path: `/kringen/${gerrit}/berichten/${privateId}` });
    await heading(fatima, PRIVATE_THREAD);
    await eventually(() => fatima.getByRole('list', { name: 'Berichten in dit gesprek' }).textContent()).toContain(reply);
  });

  it('the volunteer on a phone sees the circle thread but not the private one', { timeout: 90_000 }, async () => {
    const joost = await pageAs(env, DEMO.volunteer, { mobile: true, path: `/kringen/${gerrit}/berichten` });
    await heading(joost, /Gerrit de Vries/);
    await loaded(joost);
    const list = joost.getByRole('list', { name: 'Gesprekken' });
    await eventually(() => list.textContent()).toContain(CIRCLE_THREAD);
    expect(await list.textContent()).not.toContain(PRIVATE_THREAD);
    await expectNoSeriousAxeViolations(joost, 'threads section (volunteer, phone)');

    await joost.goto(`${env.baseUrl}/kringen/${gerrit}/berichten/${privateId}`);
    await heading(joost, 'Gesprek niet gevonden');
    await loaded(joost);
    expect(await joost.locator('body').textContent()).not.toContain('dagbesteding');
    await expectNoSeriousAxeViolations(joost, 'thread not found (volunteer, phone)');
  });
});
