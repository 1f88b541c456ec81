import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/common/paths.ts';
import { medianRun, missedWebTargets, routePages, routeSizes, staticClosure, webMarkdown, type Manifest, type PageScore } from '../../bench/web-report.ts';

// A small build: the entry imports a shared vendor chunk; page A imports the entry back (as
// Vite's lazy chunks do) and a form chunk that page B shares; page B has CSS of its own.
const manifest: Manifest = {
  'index.html': { file: 'assets/index.js', src: 'index.html', isEntry: true, imports: ['_vendor.js'], dynamicImports: ['pages/A.tsx', 'pages/B.tsx'], css: ['assets/index.css'] },
  '_vendor.js': { file: 'assets/vendor.js' },
  '_form.js': { file: 'assets/form.js', imports: ['_vendor.js'] },
  'pages/A.tsx': { file: 'assets/A.js', src: 'pages/A.tsx', imports: ['index.html', '_form.js'] },
  'pages/B.tsx': { file: 'assets/B.js', src: 'pages/B.tsx', imports: ['_form.js'], css: ['assets/B.css'] },
};
const gzipBytes = { 'assets/index.js': 100_000, 'assets/vendor.js': 51_000, 'assets/form.js': 7_000, 'assets/A.js': 2_000, 'assets/B.js': 3_000, 'assets/index.css': 30_000, 'assets/B.css': 1_500 };

const score = (page: string, performance: number, accessibility = 100): PageScore => ({ page, url: '/', formFactor: 'mobile', performance, accessibility, bestPractices: 100, lcpMs: 1234.4, tbtMs: 10, cls: 0, benchmarkIndex: 2001.6, accessibilityFailures: accessibility < 100 ? ['color-contrast: Background and foreground colors do not have a sufficient contrast ratio.'] : [] });

describe('web benchmark report', () => {
  it('follows static imports once each, through cycles back to the entry', () => {
    expect(staticClosure(manifest, 'pages/A.tsx').sort()).toEqual(['_form.js', '_vendor.js', 'index.html', 'pages/A.tsx']);
    expect(() => staticClosure(manifest, 'pages/C.tsx')).toThrow('no entry pages/C.tsx');
  });

  it('sums the gzip bytes of the initial load, of each route without the initial load, and of all their CSS', () => {
    const sizes = routeSizes(manifest, { a: '/a', b: '/b/:id' }, { a: 'pages/A.tsx', b: 'pages/B.tsx' }, gzipBytes);
    expect(sizes).toEqual([
      { route: 'a', pattern: '/a', page: 'pages/A.tsx', initialJs: 151_000, routeJs: 9_000, css: 30_000 },
      { route: 'b', pattern: '/b/:id', page: 'pages/B.tsx', initialJs: 151_000, routeJs: 10_000, css: 31_500 },
    ]);
    expect(() => routeSizes(manifest, { c: '/c' }, {}, gzipBytes)).toThrow('No page module for route c');
  });

  it('finds the page of every route of the real App.tsx', () => {
    const source = fs.readFileSync(path.resolve(import.meta.dirname, '../../src/web/App.tsx'), 'utf8');
    const pages = routePages(source, Object.keys(ROUTES));
    expect(pages.home).toBe('pages/HomePage.tsx');
    expect(pages.login).toBe('pages/LoginPage.tsx');
    expect(pages.adminAudit).toBe('pages/admin/AdminAuditPage.tsx');
    expect(() => routePages("const X = lazy(() => import('./pages/X.tsx'));\n<Route index element={<X />} />", ['home', 'login'])).toThrow('route(s) login');
  });

  it('takes the median run by performance and lists the missed targets', () => {
    expect(medianRun([score('login', 90), score('login', 99), score('login', 96)]).performance).toBe(96);
    expect(medianRun([score('login', 90), score('login', 99)]).performance).toBe(90);
    const sizes = routeSizes(manifest, { a: '/a' }, { a: 'pages/A.tsx' }, gzipBytes);
    expect(missedWebTargets(sizes, [score('login', 95), score('home', 94, 96)])).toEqual([
      'initial JavaScript 151.0 KB gzip (target ≤ 150 KB)',
      'home (mobile): performance 94 (target ≥ 95)',
      'home (mobile): accessibility 96 (target 100): color-contrast: Background and foreground colors do not have a sufficient contrast ratio.',
    ]);
    const text = webMarkdown({ startedAt: '2026-12-07T10:00:00Z', machine: '2 cores', commit: 'abc', runs: 3 }, sizes, [score('login', 97)], [{ name: 'directory page', reason: 'not built yet' }]);
    expect(text).toContain('| a | `/a` | 151.0 | 9.0 | 160.0 | 30.0 |');
    expect(text).toContain('| login | mobile | 97 | 100 | 100 | 1234 ms | 10 ms | 0.000 | 2002 |');
    expect(text).toContain('- initial JavaScript 151.0 KB gzip (target ≤ 150 KB)');
    expect(text).toContain('- directory page: not built yet');
  });
});
