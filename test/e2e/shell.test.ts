import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, hasChromium, useBrowserEnv } from '../support/browser.ts';
import { eventually, heading } from './helpers.ts';

describe.skipIf(!hasChromium)('web shell in Chromium', () => {
  const env = useBrowserEnv();

  it('serves the Dutch app with no serious axe violations; logged out, home leads to login', async () => {
    const page = await env.newPage();
    await page.goto(`${env.baseUrl}/`);
    await heading(page, 'Inloggen bij Mantelkring');
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    await eventually(() => page.getAttribute('html', 'lang')).toBe('nl');
    await eventually(() => page.title()).toBe('Inloggen bij Mantelkring – Mantelkring');
    // Frame: skip link, footer with accessibility note and the CBS source.
    await eventually(() => page.getByRole('link', { name: 'Naar de inhoud' }).getAttribute('href')).toBe('#inhoud');
    const footer = page.getByRole('contentinfo');
    await eventually(() => footer.textContent()).toContain('Bron gemeentelijke indeling: CBS');
    await eventually(() => footer.textContent()).toContain('toetsenbord');
    await expectNoSeriousAxeViolations(page, 'home');
    await page.context().close();
  });

  it('shows a 404 page for an unknown address', async () => {
    const page = await env.newPage();
    await page.goto(`${env.baseUrl}/bestaat/niet`);
    await heading(page, 'Deze pagina bestaat niet');
    await eventually(() => page.getByRole('link', { name: 'Naar de startpagina' }).getAttribute('href')).toBe('/');
    await expectNoSeriousAxeViolations(page, '404');
    await page.context().close();
  });

  it('answers API health next to the app', async () => {
    const res = await fetch(`${env.baseUrl}/api/health`);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'pglite' });
  });
});
