import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const promised = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;

interface Tree {
  path?: string;
  dependencies?: Record<string, Tree>;
}

/** Every installed runtime (non-dev) package, with its folder. */
function runtimePackages(): string[] {
  const out = execFileSync('npm', ['ls', '--omit=dev', '--all', '--json', '--long'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const found = new Set<string>();
  const walk = (tree: Tree) => {
    for (const child of Object.values(tree.dependencies ?? {})) {
      if (child.path && !found.has(child.path)) {
        found.add(child.path);
        walk(child);
      }
    }
  };
  walk(JSON.parse(out) as Tree);
  return [...found];
}

describe('runtime dependencies', () => {
  it('all support the Node.js version the product promises (package.json engines)', () => {
    const lowest = semver.minVersion(promised)?.version;
    expect(lowest).toBeTruthy();
    const packages = runtimePackages();
    expect(packages.length).toBeGreaterThan(50);
    const refusing: string[] = [];
    for (const dir of packages) {
      const file = path.join(dir, 'package.json');
      if (!fs.existsSync(file)) continue;
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name: string; version: string; engines?: { node?: string } };
      const range = pkg.engines?.node;
      if (range && !semver.satisfies(lowest as string, range)) refusing.push(`${pkg.name}@${pkg.version} wants node ${range}`);
    }
    expect(refusing).toEqual([]);
  });
});
