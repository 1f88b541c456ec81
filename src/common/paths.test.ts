import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PATHS } from './paths.ts';

/** The route patterns of the web router (src/web/App.tsx). */
const routes = [...readFileSync(new URL('../web/App.tsx', import.meta.url), 'utf8').matchAll(/<Route\s+path="([^"]+)"/g)].map((m) => m[1] as string);

/** True when the router has a route for this path (`:param` one segment, `:param?` an optional one). */
function routed(path: string): boolean {
  const pathname = path.split('?')[0] as string;
  return routes.some((route) => {
    const pattern = route
      .split('/')
      .map((part) => (part.startsWith(':') ? (part.endsWith('?') ? '(?:/[^/]+)?' : '/[^/]+') : part === '' ? '' : `/${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
      .join('');
    return new RegExp(`^${pattern}$`).test(pathname);
  });
}

describe('web paths', () => {
  it('reads the routes of the web app', () => {
    expect(routes).toContain('/uitnodiging');
    expect(routed('/nergens')).toBe(false);
  });

  it('links only to pages the web router serves', () => {
    const samples: Record<keyof typeof PATHS, string> = {
      invitation: PATHS.invitation('tok'),
      circleInvitation: PATHS.circleInvitation('ABCD-EF23'),
      circlePeople: PATHS.circlePeople('c1'),
      circleBurden: PATHS.circleBurden('c1'),
      organisationSignal: PATHS.organisationSignal('o1', 's1'),
      forgotPassword: PATHS.forgotPassword(),
      resetPassword: PATHS.resetPassword('tok'),
      verifyEmail: PATHS.verifyEmail('tok'),
    };
    for (const [name, path] of Object.entries(samples)) expect(routed(path), `${name}: ${path}`).toBe(true);
  });

  it('writes the paths the mails always used', () => {
    expect(PATHS.invitation('a_b-c')).toBe('/uitnodiging?token=a_b-c');
    expect(PATHS.circleInvitation('ABCD-EF23')).toBe('/kring-uitnodiging?code=ABCD-EF23');
    expect(PATHS.circlePeople('c1')).toBe('/kringen/c1/mensen');
    expect(PATHS.circleBurden('c1')).toBe('/kringen/c1/belasting');
    expect(PATHS.organisationSignal('o1', 's1')).toBe('/organisaties/o1/signalen/s1');
  });
});
