import { readFileSync } from 'node:fs';
import { matchPath } from 'react-router';
import { describe, expect, it } from 'vitest';
import { PATHS, ROUTES, fillRoute } from './paths.ts';

const app = readFileSync(new URL('../web/App.tsx', import.meta.url), 'utf8');

/** The page patterns a link may land on (the not-found fallback matches anything, so it does not count). */
const patterns = Object.entries(ROUTES).filter(([name]) => name !== 'notFound');

/** The name of the route that serves this path (the first that matches), or null. */
function routeOf(path: string): string | null {
  const pathname = path.split(/[?#]/)[0] as string;
  return patterns.find(([, pattern]) => matchPath(pattern, pathname))?.[0] ?? null;
}

describe('web paths', () => {
  it('matches paths against the route patterns', () => {
    expect(routeOf('/uitnodiging?token=x')).toBe('invitation');
    expect(routeOf('/kringen/c1')).toBe('circle');
    expect(routeOf('/nergens')).toBeNull();
  });

  it('links only to pages the web router serves', () => {
    const samples: Record<keyof typeof PATHS, [path: string, route: keyof typeof ROUTES]> = {
      invitation: [PATHS.invitation('tok'), 'invitation'],
      circleInvitation: [PATHS.circleInvitation('ABCD-EF23'), 'circleInvitation'],
      circlePeople: [PATHS.circlePeople('c1'), 'circle'],
      circleBurden: [PATHS.circleBurden('c1'), 'circleBurden'],
      organisationSignal: [PATHS.organisationSignal('o1', 's1'), 'signal'],
      forgotPassword: [PATHS.forgotPassword(), 'forgotPassword'],
      resetPassword: [PATHS.resetPassword('tok'), 'resetPassword'],
      verifyEmail: [PATHS.verifyEmail('tok'), 'verifyEmail'],
    };
    for (const [name, [path, route]] of Object.entries(samples)) {
      expect(routeOf(path), `${name}: ${path}`).not.toBeNull();
      expect(matchPath(ROUTES[route], path.split('?')[0] as string), `${name}: ${path} is not ${ROUTES[route]}`).not.toBeNull();
    }
  });

  it('writes the paths the mails always used', () => {
    expect(PATHS.invitation('a_b-c')).toBe('/uitnodiging?token=a_b-c');
    expect(PATHS.circleInvitation('ABCD-EF23')).toBe('/kring-uitnodiging?code=ABCD-EF23');
    expect(PATHS.circlePeople('c1')).toBe('/kringen/c1/mensen');
    expect(PATHS.circleBurden('c1')).toBe('/kringen/c1/belasting');
    expect(PATHS.organisationSignal('o1', 's1')).toBe('/organisaties/o1/signalen/s1');
    expect(PATHS.forgotPassword()).toBe('/wachtwoord-vergeten');
    expect(PATHS.resetPassword('a b')).toBe('/wachtwoord-herstellen?token=a%20b');
    expect(PATHS.verifyEmail('tok')).toBe('/e-mail-bevestigen?token=tok');
  });

  it('fills in route patterns, leaving out an optional segment without a value', () => {
    expect(fillRoute(ROUTES.circle, { clientId: 'c1' })).toBe('/kringen/c1');
    expect(fillRoute(ROUTES.circle, { clientId: 'c1', section: 'toegang' })).toBe('/kringen/c1/toegang');
    expect(fillRoute(ROUTES.check, { clientId: 'c/1', memberId: 'm1', checkId: 'k1' })).toBe('/kringen/c%2F1/belasting/m1/checks/k1');
    expect(fillRoute(ROUTES.login, {})).toBe('/inloggen');
  });

  it('the router takes every path from ROUTES and serves every route in it', () => {
    expect(app).not.toMatch(/path=["'`]/);
    const used = [...app.matchAll(/path=\{ROUTES\.(\w+)\}/g)].map((m) => m[1]);
    const expected = Object.keys(ROUTES).filter((name) => name !== 'home');
    expect(used.sort()).toEqual(expected.sort());
    // Home is the index route of the logged-in pages.
    expect(app).toMatch(/<Route index element=\{<HomePage \/>\} \/>/);
  });
});
