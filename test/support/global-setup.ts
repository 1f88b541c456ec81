import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's own copy of the web build, served by the browser tests ('' when there is none). */
    e2eWebDir: string;
  }
}

const root = path.resolve(import.meta.dirname, '../..');
const distWeb = path.join(root, 'dist/web');

/**
 * Builds the web app into dist/web when the build is missing or older than its sources, so
 * the browser tests test what `npm start` serves.
 */
export function buildWebIfStale(): void {
  const index = path.join(distWeb, 'index.html');
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
      const full = path.join(dir, entry.name);
      return Math.max(max, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
    }, 0);
  const stale = !fs.existsSync(index) || fs.statSync(index).mtimeMs < Math.max(newest(path.join(root, 'src/web')), newest(path.join(root, 'src/common')));
  if (stale && fs.existsSync(path.join(root, 'src/web/index.html'))) {
    execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  }
}

/** What changes in dist/web when it is rebuilt. */
function buildStamp(): string {
  const stat = (p: string) => (fs.existsSync(p) ? `${fs.statSync(p).mtimeMs}` : '-');
  const assets = path.join(distWeb, 'assets');
  return [stat(path.join(distWeb, 'index.html')), stat(assets), fs.existsSync(assets) ? fs.readdirSync(assets).length : 0].join(' ');
}

/** True when every script and style index.html refers to is in the copy. */
function complete(dir: string): boolean {
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) return false;
  const refs = [...fs.readFileSync(index, 'utf8').matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1] as string);
  return refs.length > 0 && refs.every((ref) => fs.existsSync(path.join(dir, ref)));
}

/**
 * Copies dist/web for this run. Other runs (and `npm start`) rebuild dist/web whenever the
 * web sources change, which replaces its hashed chunks: a page still open on the old build
 * then fails to load its next chunk. The browser tests serve this copy instead, so a rebuild
 * elsewhere cannot break them midway. A copy taken while a rebuild was under way is retried.
 */
async function snapshotWebBuild(): Promise<string> {
  if (!fs.existsSync(path.join(distWeb, 'index.html'))) return '';
  const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-e2e-web-'));
  for (let attempt = 0; attempt < 60; attempt++) {
    const before = buildStamp();
    fs.rmSync(dest, { recursive: true, force: true });
    try {
      fs.cpSync(distWeb, dest, { recursive: true, filter: (src) => !src.endsWith('.map') });
      if (buildStamp() === before && complete(dest)) return dest;
    } catch {
      // A file vanished during the copy: a rebuild is under way.
    }
    await sleep(1_000);
  }
  throw new Error(`dist/web kept changing while copying it for the browser tests`);
}

export default async function setup(project: TestProject): Promise<() => void> {
  // Server-only runs during development can skip the build.
  if (process.env.MK_SKIP_WEB_BUILD !== '1') buildWebIfStale();
  const webDir = await snapshotWebBuild();
  project.provide('e2eWebDir', webDir);
  return () => {
    if (webDir) fs.rmSync(webDir, { recursive: true, force: true });
  };
}
