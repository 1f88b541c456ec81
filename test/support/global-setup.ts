import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Builds the web app once before the suite when the build is missing or older than its
 * sources, so the browser tests test what `npm start` serves.
 */
export default function setup(): void {
  // Server-only runs during development can skip the build.
  if (process.env.MK_SKIP_WEB_BUILD === '1') return;
  const root = path.resolve(import.meta.dirname, '../..');
  const index = path.join(root, 'dist/web/index.html');
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
