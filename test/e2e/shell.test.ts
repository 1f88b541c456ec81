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

  it('sends scripts compressed and cached for good, and the page itself fresh on every visit', async () => {
    const page = await fetch(`${env.baseUrl}/`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const entry = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(await page.text())?.[1];
    expect(entry).toBeDefined();
    const script = await fetch(`${env.baseUrl}${entry}`, { headers: { 'accept-encoding': 'br' } });
    expect(script.status).toBe(200);
    expect(script.headers.get('content-encoding')).toBe('br');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(script.headers.get('vary')).toMatch(/accept-encoding/i);
    const plain = await fetch(`${env.baseUrl}${entry}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await plain.text()).length).toBeGreaterThan(Number(script.headers.get('content-length') ?? 0));
  });
});
