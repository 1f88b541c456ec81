import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { codeListOf, type NlCoreTerminology } from '../nl-core-rules.ts';

/** Test-only: the project's copy of the Nictiz nl-core files (data/fhir/nl-core). */
export const NL_CORE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/fhir/nl-core');

/** Reads one JSON file below data/fhir/nl-core. */
export function readNlCore<T = Record<string, unknown>>(relative: string): T {
  return JSON.parse(readFileSync(path.join(NL_CORE_DIR, relative), 'utf8')) as T;
}

/** The ValueSet whose file name starts with this prefix (file names carry OIDs and dates). */
export function valueSetFile(prefix: string): string {
  const file = readdirSync(path.join(NL_CORE_DIR, 'terminology')).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no ValueSet ${prefix} in ${NL_CORE_DIR}/terminology`);
  return `terminology/${file}`;
}

/** The code lists the nl-core rules need. */
export function loadNlCoreTerminology(): NlCoreTerminology {
  return {
    rolCodelijst: codeListOf(readNlCore(valueSetFile('ValueSet-RolCodelijst-'))),
    relatieCodelijst: codeListOf(readNlCore(valueSetFile('ValueSet-RelatieCodelijst-'))),
    organisatieTypeCodelijst: codeListOf(readNlCore(valueSetFile('ValueSet-OrganisatieTypeCodelijst-'))),
  };
}
