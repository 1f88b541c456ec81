import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousAxeViolations, hasChromium, useBrowserEnv } from '../support/browser.ts';
import { DEMO, eventually, expectVisible, heading, loaded, logIn } from './helpers.ts';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Pairs of boxes that overlap (by index). */
function overlappingPairs(boxes: Box[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i] as Box, boxes[j] as Box)) pairs.push([i, j]);
  return pairs;
}

const boxesOf = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );

const GIVEN = ['Alexander', 'Bram', 'Charlotte', 'Daan', 'Emma', 'Femke', 'Gerard', 'Hendrika', 'Isabella', 'Jan', 'Karel', 'Lotte', 'Mohammed', 'Noor', 'Olivier', 'Priya', 'Quinten', 'Roos', 'Sem', 'Tessa'];
const FAMILY = ['van den Berg-Jansen', 'Kok', 'de Jong', 'El Idrissi', 'Vermeulen', 'van der Linden-Smits'];
const KINDS = ['relative', 'friend', 'neighbour', 'volunteer', 'professional', 'caregiver'] as const;

describe.skipIf(!hasChromium)('network map: keyboard, 40 people, accessibility', () => {
  const env = useBrowserEnv();
  let gerrit: string;
  // Anja, logged in once on a desktop and once on a phone (390 px); the tests share these pages.
  const pages: Record<'desktop' | 'phone', Page> = {} as Record<'desktop' | 'phone', Page>;
  beforeAll(async () => {
    const { rows } = await env.db.query<{ id: string }>("select c.id from clients c join users u on u.id = c.user_id where u.email = 'client@demo.mantelkring.nl'");
    gerrit = rows[0]?.id as string;
    [pages.desktop, pages.phone] = await Promise.all([env.newPage(), env.newPage({ mobile: true })]);
    await Promise.all([logIn(pages.desktop, env.baseUrl, DEMO.caregiver), logIn(pages.phone, env.baseUrl, DEMO.caregiver)]);
  });

  it('is used with the keyboard only: Tab to a person, arrows to move, Enter shows the details', { timeout: 30_000 }, async () => {
    const page = pages.desktop;
    await page.goto(`${env.baseUrl}/kringen/${gerrit}/kaart`);
    await heading(page, 'Zorgkring van Gerrit de Vries');
    await page.locator('.mk-circle-section .mk-ecomap__node').nth(6).waitFor();
    await loaded(page);
    // Only one person on the map is in the tab order (roving tabindex).
    await eventually(() => page.locator('.mk-circle-section .mk-ecomap__node[tabindex="0"]').count()).toBe(1);

    const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
    let label = '';
    for (let i = 0; i < 40 && !label.includes(','); i++) {
      await page.keyboard.press('Tab');
      label = await focusedLabel();
    }
    // The first person on the map: inner ring, from the top.
    expect(label).toBe('Anja de Vries (u), dochter, hoofdmantelzorger, binnenste kring, sterke band');
    const visited = [label];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('ArrowRight');
      // The map moves focus when it has re-rendered: wait for it to leave the previous person.
      const previous = visited.at(-1);
      await eventually(focusedLabel).not.toBe(previous);
      visited.push(await focusedLabel());
    }
    expect(new Set(visited).size).toBe(7);
    expect(visited).toContain('Piet de Vries, zoon, middelste kring, moeizame band');
    expect(visited).toContain('Joost Bakker, vrijwilliger, buitenste kring, sterke band');
    // Back to Piet, and Enter shows his details.
    const piet = visited.indexOf('Piet de Vries, zoon, middelste kring, moeizame band');
    for (let i = visited.length - 1; i > piet; i--) {
      await page.keyboard.press('ArrowLeft');
      await eventually(focusedLabel).toBe(visited[i - 1]);
    }
    await eventually(focusedLabel).toBe('Piet de Vries, zoon, middelste kring, moeizame band');
    await page.keyboard.press('Enter');
    const details = page.getByRole('region', { name: 'Gegevens van Piet de Vries' });
    await eventually(() => details.textContent()).toContain('Moeizame band');
    await eventually(() => details.textContent()).toContain('Vervoer en begeleiding');
    await eventually(() => page.locator('.mk-circle-section .mk-ecomap__node[aria-pressed="true"]').getAttribute('aria-label')).toContain('Piet de Vries');
    // Focus stays on the map; Space selects another person; Tab leaves the map in one step.
    await page.keyboard.press('End');
    await eventually(focusedLabel).not.toBe('Piet de Vries, zoon, middelste kring, moeizame band');
    await page.keyboard.press(' ');
    await page.getByRole('region', { name: /^Gegevens van / }).filter({ hasNotText: 'Piet de Vries' }).waitFor();
    await page.keyboard.press('Tab');
    await eventually(() => page.evaluate(() => document.activeElement !== document.body && document.activeElement?.closest('.mk-ecomap__svg') === null)).toBe(true);
    // The focused node has a visible focus ring.
    await page.keyboard.press('Shift+Tab');
    const ring = () =>
      page.evaluate(() => {
        const focus = document.activeElement?.querySelector('.mk-ecomap__focus');
        return focus ? getComputedStyle(focus).strokeWidth : null;
      });
    await eventually(ring).toBe('4px');
  });

  it('stays readable with 40 people: no overlapping nodes or labels, full names in the accessible names', { timeout: 40_000 }, async () => {
    const page = pages.desktop;
    const created = await page.request.post(`${env.baseUrl}/api/circles`, {
      data: { client: { givenName: 'Wilhelmina', familyName: 'van Oranje-Nassau', municipalityCode: 'GM0546' }, me: { relationshipCode: 'NIECE' }, clientCanDecide: false },
    });
    expect(created.status()).toBe(201);
    const clientId = (await created.json()).client.id as string;
    const added = await Promise.all(
      Array.from({ length: 39 }, (_, i) =>
        page.request.post(`${env.baseUrl}/api/circles/${clientId}/members`, {
          data: {
            kind: KINDS[i % KINDS.length],
            givenName: GIVEN[i % GIVEN.length],
            familyName: FAMILY[i % FAMILY.length],
            closeness: i % 5 === 0 ? 'inner' : i % 5 < 3 ? 'middle' : 'outer',
            tie: i % 7 === 0 ? 'strained' : i % 3 === 0 ? 'weak' : 'strong',
          },
        }),
      ),
    );
    expect(added.map((r) => r.status())).toEqual(Array(39).fill(201));
    for (const mobile of [false, true]) {
      const view = mobile ? pages.phone : pages.desktop;
      await view.goto(`${env.baseUrl}/kringen/${clientId}/kaart`);
      await heading(view, 'Zorgkring van Wilhelmina van Oranje-Nassau');
      const nodes = view.locator('.mk-circle-section .mk-ecomap__node');
      await eventually(() => nodes.count()).toBe(40);
      await eventually(() => view.locator('.mk-circle-section text.mk-ecomap__label').count()).toBe(41);
      await loaded(view);
      // The map is complete: its layout can be measured.
      const shapes = await boxesOf(view, '.mk-circle-section .mk-ecomap__node .mk-ecomap__shape');
      expect(shapes).toHaveLength(40);
      expect(overlappingPairs(shapes), `overlapping nodes (${mobile ? 'phone' : 'desktop'})`).toEqual([]);
      const labels = await boxesOf(view, '.mk-circle-section text.mk-ecomap__label');
      expect(labels).toHaveLength(41);
      expect(overlappingPairs(labels), `overlapping labels (${mobile ? 'phone' : 'desktop'})`).toEqual([]);
      // Nodes are big enough to see and to touch (the hit area is larger than the shape).
      expect(Math.min(...shapes.map((s) => s.width))).toBeGreaterThanOrEqual(mobile ? 20 : 30);
      const targets = await boxesOf(view, '.mk-circle-section .mk-ecomap__node .mk-ecomap__focus');
      expect(Math.min(...targets.map((s) => Math.min(s.width, s.height)))).toBeGreaterThanOrEqual(mobile ? 36 : 50);
      // Labels are short; full names are in the accessible names.
      const texts = await view.locator('.mk-circle-section text.mk-ecomap__label:not(.mk-ecomap__label--client)').allTextContents();
      expect(Math.max(...texts.map((t) => t.length))).toBeLessThanOrEqual(14);
      expect(texts).toEqual(expect.arrayContaining(['Alexander B.', 'Alexander J.']));
      const names = await nodes.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
      expect(names.filter((n) => n.startsWith('Alexander van den Berg-Jansen, ') || n.startsWith('Alexander de Jong, '))).toHaveLength(2);
      expect(new Set(names).size).toBeGreaterThan(30);
    }
  });

  for (const mobile of [false, true]) {
    it(`has no serious axe violations on the circle pages (${mobile ? '390 px phone' : 'desktop'})`, { timeout: 120_000 }, async () => {
      const page = mobile ? pages.phone : pages.desktop;
      // The home page has a card with the circles.
      await page.goto(`${env.baseUrl}/`);
      await heading(page, /^Welkom, /);
      const card = page.getByRole('region', { name: 'Mijn zorgkringen' });
      await card.getByRole('link', { name: 'Zorgkring van Gerrit de Vries' }).waitFor();
      await loaded(page);
      await expectNoSeriousAxeViolations(page, 'home with the circles card');
      await page.goto(`${env.baseUrl}/kringen`);
      await heading(page, 'Mijn zorgkringen');
      await page.locator('.mk-circle-card').first().waitFor();
      await loaded(page);
      await expectNoSeriousAxeViolations(page, '/kringen');
      await page.goto(`${env.baseUrl}/kringen/nieuw`);
      await heading(page, 'Start een zorgkring');
      await loaded(page);
      await expectNoSeriousAxeViolations(page, '/kringen/nieuw');
      if (!mobile) {
        await page.getByRole('button', { name: 'Zorgkring starten' }).click();
        await page.locator('.mk-error-summary').waitFor();
        await expectNoSeriousAxeViolations(page, '/kringen/nieuw with errors');
      }

      await page.goto(`${env.baseUrl}/kringen/${gerrit}`);
      await heading(page, 'Zorgkring van Gerrit de Vries');
      const sections = ['Overzicht', 'Berichten', 'Dagboek', 'Belangrijke gegevens', 'Netwerkkaart', 'Familie', 'Mensen', 'Wie mag wat zien', 'Organisaties', 'Notities'];
      const nav = page.getByRole('navigation', { name: 'Onderdelen van de zorgkring' });
      await eventually(() => nav.getByRole('link').allTextContents()).toEqual(sections);
      for (const section of sections) {
        await nav.getByRole('link', { name: section, exact: true }).click();
        await page.getByRole('heading', { level: 2, name: section, exact: true }).waitFor();
        await eventually(() => nav.getByRole('link', { name: section, exact: true }).getAttribute('aria-current')).toBe('page');
        // The section heading takes focus after moving to another section.
        if (section !== 'Overzicht') await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('sectie-titel');
        await loaded(page);
        await expectNoSeriousAxeViolations(page, `circle section ${section}`);
      }
      // The forms on the sections, opened.
      await nav.getByRole('link', { name: 'Mensen', exact: true }).click();
      await page.getByRole('button', { name: 'Iemand toevoegen' }).click();
      await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
      await page.locator('.mk-error-summary').waitFor();
      if (!mobile) await expectNoSeriousAxeViolations(page, 'add person form with errors');
      await nav.getByRole('link', { name: 'Netwerkkaart', exact: true }).click();
      await page.locator('.mk-circle-section .mk-ecomap__node').first().click();
      await page.getByRole('region', { name: /^Gegevens van / }).waitFor();
      await page.getByRole('button', { name: 'Bekijk als tabel' }).click();
      await page.getByRole('table').waitFor();
      await expectNoSeriousAxeViolations(page, 'map with details and table');
    });
  }

  it('prints the map, the people and the family on A4, without navigation', { timeout: 30_000 }, async () => {
    const page = pages.desktop;
    await page.goto(`${env.baseUrl}/kringen/${gerrit}/mensen`);
    await heading(page, 'Zorgkring van Gerrit de Vries');
    await eventually(() => page.getByRole('button', { name: 'Printen of opslaan als PDF' }).count()).toBe(1);
    await page.emulateMedia({ media: 'print' });
    await expectVisible(page.locator('.mk-circle-print .mk-ecomap__svg'));
    await expectVisible(page.locator('.mk-circle-print table'));
    await expectVisible(page.locator('.mk-circle-print [data-testid="genogram"]'));
    // Hidden in print, but there on screen (so hidden means hidden by the print style).
    for (const selector of ['.mk-header', '.mk-circle-nav', '.mk-circle-section']) {
      await page.locator(selector).first().waitFor({ state: 'attached' });
      await expectVisible(page.locator(selector), false);
    }
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });
  });
});
