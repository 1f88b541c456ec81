import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mk-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Runs the real `mantelkring` command on an embedded database in a temporary directory. */
async function cli(args: string[], dataDir = path.join(tmp, 'db')): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env: { ...process.env, DATABASE_URL: '', MK_DATA_DIR: dataDir }, timeout: 120_000 });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('mantelkring seed --scale', () => {
  it('generates the asked number of caregivers once, and refuses a second run on the same database', async () => {
    const first = await cli(['seed', '--scale', '120']);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/Generated 120 caregivers/);
    const again = await cli(['seed', '--scale', '120']);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/already holds generated scale data/);
  }, 180_000);

  it('explains a wrong number or a missing choice instead of starting', async () => {
    const bad = await cli(['seed', '--scale', 'veel'], path.join(tmp, 'unused'));
    expect(bad.code).toBe(2);
    expect(bad.out).toMatch(/whole number of caregivers/);
    const neither = await cli(['seed'], path.join(tmp, 'unused'));
    expect(neither.code).toBe(2);
    expect(neither.out).toMatch(/seed --demo" or "seed --scale/);
    expect(fs.existsSync(path.join(tmp, 'unused'))).toBe(false);
  }, 60_000);
});
