import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { r4Errors } from '../../../fhir/testing/validator.ts';
import { parseInstrument } from '../../../domain/burden.ts';
import { INSTRUMENTS_DIR } from './instruments.ts';

const files = fs.readdirSync(INSTRUMENTS_DIR).filter((f) => f.endsWith('.json'));

describe('shipped instruments (data/instruments)', () => {
  it('are the four built-ins, and no Zarit (licence)', () => {
    expect(files.sort()).toEqual(['csi.json', 'ediz-plus.json', 'ediz.json', 'self-rated-burden.json']);
    for (const f of files) expect(fs.readFileSync(path.join(INSTRUMENTS_DIR, f), 'utf8')).not.toMatch(/zarit/i);
  });

  it.each(files)('%s is valid FHIR R4 and a valid instrument', async (file) => {
    const resource = JSON.parse(fs.readFileSync(path.join(INSTRUMENTS_DIR, file), 'utf8')) as { id: string };
    expect(`${resource.id}.json`).toBe(file);
    expect(await r4Errors(resource)).toEqual([]);
    expect(parseInstrument(resource).ok).toBe(true);
  });
});
